"""Writes to the unit tree over time: a cell is founded, renamed, moved, merged or dissolved
on a date, and the past keeps what it was (reports of earlier years are unchanged)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.actors import acting
from core.policy import ADD, CHANGE
from core.services import check_permission, model_update, record_actor, save_as

from .. import membership
from ..models import MemberEvent, Person, Posting, Unit, UnitName
from ..policies import units as unit_policy
from .common import not_future
from .events import member_event_record

UNIT_FIELDS = ("code", "name", "kind", "superior_body", "place", "founded_on")


@transaction.atomic
def unit_found(
    *, user: Any, code: str, name: str, kind: str, parent: Unit | None, founded_on: dt.date | None
) -> Unit:
    """A new unit under `parent`, existing from `founded_on` (blank: always)."""
    unit_policy.check(acting(user), ADD, parent)  # no parent: whoever may add units at all
    if founded_on:
        not_future(founded_on, "founded_on")
    if parent is not None and founded_on and not parent.exists_on(founded_on):
        raise ValidationError({"parent": _("The parent unit does not exist on that date.")})
    unit = Unit(code=code, name=name, kind=kind, parent=parent, founded_on=founded_on)
    return save_as(unit, user)


@transaction.atomic
def unit_update(*, user: Any, unit: Unit, **fields: Any) -> Unit:
    """Correct a unit's particulars (not a rename: that keeps the old name, see unit_rename)."""
    check_permission(user, CHANGE, unit)
    model_update(unit, fields, allowed=UNIT_FIELDS, user=user)
    return unit


@transaction.atomic
def unit_rename(*, user: Any, unit: Unit, name: str, on: dt.date) -> Unit:
    """The unit carries `name` from `on`; reports of earlier days print the old name."""
    check_permission(user, CHANGE, unit)
    not_future(on, "on")
    name = name.strip()
    if not name or name == unit.name:
        raise ValidationError({"name": _("Give the new name.")})
    if unit.founded_on and on <= unit.founded_on:
        raise ValidationError({"on": _("A unit is renamed after the day it was founded.")})
    last = unit.names.order_by("-until").first()
    if last and on <= last.until:
        raise ValidationError({"on": _("The unit was already renamed after this date.")})
    record_actor(UnitName(unit=unit, name=unit.name, until=on - dt.timedelta(days=1)), user).save()
    unit.name = name
    return save_as(unit, user)


@transaction.atomic
def unit_move(*, user: Any, unit: Unit, parent: Unit) -> Unit:
    """Place the unit (with its subtree) under another parent of the same committee."""
    check_permission(user, CHANGE, unit)
    check_permission(user, CHANGE, parent)
    if parent.pk == unit.pk or parent.path.startswith(unit.path):
        raise ValidationError({"parent": _("A unit cannot be placed under itself.")})
    if parent.kind == Unit.Kind.CELL:
        raise ValidationError({"parent": _("A cell cannot have units under it.")})
    old_prefix = unit.path
    unit.parent = parent
    record_actor(unit, user).save()
    unit.refresh_from_db()
    for child in Unit.objects.filter(path__startswith=old_prefix).exclude(pk=unit.pk):
        child.path = unit.path + child.path[len(old_prefix) :]
        child.depth = child.path.count(".") - 1
        Unit.objects.filter(pk=child.pk).update(path=child.path, depth=child.depth)
    return unit


@transaction.atomic
def unit_dissolve(
    *,
    user: Any,
    unit: Unit,
    on: dt.date,
    successor: Unit | None = None,
    destinations: Mapping[int, Unit] | None = None,
) -> Unit:
    """Dissolve (or, with `successor`, merge) the unit on `on`: it exists until the day
    before. Each person still in it moves that day to `destinations[person id]`, or else to
    `successor`; its records stay where they are."""
    check_permission(user, CHANGE, unit)
    not_future(on, "on")
    destinations = dict(destinations or {})
    if unit.dissolved_on:
        raise ValidationError({"on": _("This unit is already dissolved.")})
    if unit.founded_on and on <= unit.founded_on:
        raise ValidationError({"on": _("A unit is dissolved after the day it was founded.")})
    if (
        membership.cells_on(unit, on).exclude(pk=unit.pk).exists()
        or unit.children.filter(membership.exists_q(on)).exists()
    ):
        raise ValidationError(_("Dissolve or move the units under it first."))
    for target in [successor, *destinations.values()]:
        if target is None:
            continue
        if target.pk == unit.pk or not target.exists_on(on) or target.kind != unit.kind:
            raise ValidationError(
                {
                    "successor": _(
                        "Members can only go to another %(kind)s that exists on that date."
                    )
                    % {"kind": unit.get_kind_display().lower()}
                }
            )
    if MemberEvent.objects.filter(to_unit=unit, date__gte=on).exists():
        raise ValidationError(
            {"on": _("People are recorded as moving into this unit after that date.")}
        )
    staying = Posting.objects.filter(membership.covers_q(on - dt.timedelta(days=1)), unit=unit)
    people = Person.objects.filter(pk__in=staying.values("person_id")).order_by("pk")
    moves = []
    for person in people:
        target = destinations.get(person.pk, successor)
        if target is None:
            raise ValidationError(
                _("Choose where %(name)s goes: the unit still has members on that date.")
                % {"name": person.full_name}
            )
        moves.append((person, target))
    unit.dissolved_on = on
    unit.successor = successor
    save_as(unit, user)
    for person, target in moves:
        member_event_record(
            user=user,
            person=person,
            kind=MemberEvent.Kind.TRANSFER,
            date=on,
            from_unit=unit,
            to_unit=target,
            note=_("The cell was dissolved"),
        )
    return unit


PROFILE_FIELDS = (
    "superior_body",
    "place",
    "issuer_symbol",
    "secretary_name",
    "deputy_names",
    "usual_recipients",
)


@transaction.atomic
def unit_profile_update(*, user: Any, unit: Unit, **fields: Any) -> Unit:
    """The unit's document profile: what its documents print in the header and signature."""
    check_permission(user, CHANGE, unit)
    chosen = {name: fields[name] or "" for name in PROFILE_FIELDS if name in fields}
    model_update(unit, chosen, strip=True, save=False)
    unit.issuer_symbol = unit.issuer_symbol.upper()
    return save_as(unit, user)
