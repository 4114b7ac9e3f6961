"""Writes to a person's party life (biến động đảng viên): each change is a dated event,
validated against his whole history, after which his periods are rebuilt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from core.policy import CHANGE
from core.services import check_permission, record_actor

from .. import membership, timeline
from ..models import MemberEvent, Person, Unit
from .common import not_future

Kind = MemberEvent.Kind


def check_history(
    person: Person, extra: Sequence[timeline.Event] = (), without: int | None = None
) -> Any:
    """Validate the person's stored events (less `without`, plus `extra`) as one history.

    Raises ValidationError whose messages name the event and say what is wrong.
    """
    rows = [row for row in person.events.all() if row.pk != without]
    events = membership.as_events(rows) + list(extra)
    try:
        return membership.history_of(person, events)
    except timeline.HistoryError as error:
        messages = []
        for row, message in error.problems:
            if isinstance(row, MemberEvent):
                label = f"{row.get_kind_display()} {row.date:%d/%m/%Y}"
                messages.append(_("%(event)s: %(message)s") % {"event": label, "message": message})
            else:
                messages.append(message)
        raise ValidationError(messages) from error


MOVES = (Kind.TRANSFER, Kind.MOVE_IN)  # the events that put him in a cell


def _current_unit_after(person: Person, kind: str, day: dt.date, to_unit: Unit | None) -> int:
    """A move (between cells, or in from outside: the "Đến" cell, maybe not the one he left)
    that is the person's latest changes his unit now; an earlier one does not."""
    if kind not in MOVES or to_unit is None:
        return person.unit_id
    later = person.events.filter(kind__in=MOVES, date__gt=day).exists()
    return person.unit_id if later else to_unit.pk


def _unit_before(event: MemberEvent) -> int:
    """His cell just before `event`, a move: where a move came from; for a move in, the cell
    he left the committee from (or else the cell of his previous move)."""
    if event.kind == Kind.TRANSFER and event.from_unit_id:
        return event.from_unit_id
    earlier = (
        event.person.events.filter(date__lt=event.date)
        .filter(kind__in=[*MOVES, *timeline.LEAVING])
        .order_by("-date", "-pk")
    )
    for row in earlier:
        unit = row.from_unit_id if row.kind in timeline.LEAVING else row.to_unit_id
        if unit:
            return unit
    return event.person.unit_id


@transaction.atomic
def member_event_record(
    *,
    user: Any,
    person: Person,
    kind: str,
    date: dt.date,
    from_unit: Unit | None = None,
    to_unit: Unit | None = None,
    note: str = "",
) -> MemberEvent:
    """Record one event of the person's party life; refused (ValidationError) when it does
    not fit his history: before he joined, into a unit that does not exist that day,
    overlapping another exemption, after he left…"""
    check_permission(user, CHANGE, person)
    not_future(date, "date")
    if kind == Kind.TRANSFER and from_unit is None:
        from_unit = membership.cell_of(person, date - dt.timedelta(days=1))
    if kind in timeline.LEAVING and from_unit is None:
        from_unit = membership.cell_of(person, date - dt.timedelta(days=1))
    event = MemberEvent(
        person=person, kind=kind, date=date, from_unit=from_unit, to_unit=to_unit, note=note
    )
    event.full_clean(validate_constraints=False)
    if person.events.filter(kind=kind, date=date).exists():
        raise ValidationError({"date": _("The same event is already recorded on this day.")})
    current = _current_unit_after(person, kind, date, to_unit)
    person.unit_id = current
    candidate = timeline.Event(
        kind, date, getattr(from_unit, "pk", None), getattr(to_unit, "pk", None)
    )
    check_history(person, [candidate])
    try:
        record_actor(event, user).save()
    except IntegrityError as error:  # a concurrent identical event
        raise ValidationError(_("The same event is already recorded on this day.")) from error
    if current != Person.objects.filter(pk=person.pk).values_list("unit_id", flat=True)[0]:
        record_actor(person, user).save(update_fields=["unit"])
    membership.rebuild([person.pk])
    person.refresh_from_db()
    return event


@transaction.atomic
def member_event_delete(*, user: Any, event: MemberEvent) -> None:
    """Remove a wrongly recorded event, if the history still holds without it."""
    person = event.person
    check_permission(user, CHANGE, person)
    if (
        event.kind in MOVES
        and not person.events.filter(kind__in=MOVES, date__gt=event.date).exists()
    ):
        # Undoing his latest move puts him back where he came from.
        person.unit_id = _unit_before(event)
    check_history(person, without=event.pk)
    record_actor(event, user).delete()
    record_actor(person, user).save(update_fields=["unit"])
    membership.rebuild([person.pk])


def person_transfer(
    *, user: Any, person: Person, unit: Unit, on: dt.date, note: str = ""
) -> MemberEvent:
    """Chuyển sinh hoạt trong Đảng bộ: to another cell of the committee on `on`."""
    if unit.pk == person.unit_id and not person.events.filter(date__gt=on).exists():
        raise ValidationError({"unit": _("The person already belongs to this unit.")})
    return member_event_record(
        user=user, person=person, kind=Kind.TRANSFER, date=on, to_unit=unit, note=note
    )


def person_move_out(*, user: Any, person: Person, on: dt.date, note: str = "") -> MemberEvent:
    """Chuyển sinh hoạt đi: the person leaves the committee's roll on `on`."""
    return member_event_record(user=user, person=person, kind=Kind.MOVE_OUT, date=on, note=note)
