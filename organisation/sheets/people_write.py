"""Writing the "Nhân sự" sheet's people in batches (see PersonSheet.apply)."""

from __future__ import annotations

import operator
from functools import reduce
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from workbook.registry import ImportContext

from ..models import MemberEvent, Person
from .common import BATCH
from .people_fields import (
    PERSON_VALUE_FIELDS,
    PersonItem,
    existing_mass,
    planned_move_ins,
    planned_transfers,
)

# The person's own columns (his cell and mass organisations are written apart).
PERSON_WRITTEN_FIELDS = [f for f in PERSON_VALUE_FIELDS if f not in {"unit", "mass"}]


def create_people(
    batch: list[PersonItem],
    unit_ids: dict[str, int],
    user: Any,
    written: list[tuple[int, str, int]],
    mass_links: dict[int, frozenset[str]],
) -> None:
    """New people: the person and his mass organisations (his period comes from rebuild)."""
    people, masses = [], {item.code: item.values["mass"] for item in batch}
    for item in batch:
        person = Person(code=item.code, unit_id=unit_ids[item.values["unit"]])
        for name in PERSON_WRITTEN_FIELDS:
            setattr(person, name, item.values[name])
        person.fill_keys()
        people.append(person)
    for person in bulk_create_with_history(people, Person, batch_size=BATCH, default_user=user):
        written.append((person.pk, person.code, person.unit_id))
        mass_links[person.pk] = masses[person.code]


def update_people(
    batch: list[PersonItem],
    unit_ids: dict[str, int],
    user: Any,
    ctx: ImportContext,
    written: list[tuple[int, str, int]],
    mass_links: dict[int, frozenset[str]],
) -> None:
    """Changed people: particulars, transfers (dated today without a "Biến động" row),
    mass organisations."""
    today = timezone.localdate()
    moves_in_workbook = planned_transfers(ctx)
    moves_in = planned_move_ins(ctx)
    current = {
        person.code: person
        for person in Person.objects.filter(code__in=[item.code for item in batch])
    }
    old_mass = dict(existing_mass([person.pk for person in current.values()]))
    events, cleared = [], []
    for item in batch:
        person = current[item.code]
        values = item.values
        for name in PERSON_WRITTEN_FIELDS:
            if name != "moved_out_on":
                setattr(person, name, values[name])
        person.fill_keys()
        unit_id = unit_ids[values["unit"]]
        if unit_id != person.unit_id and person.code not in moves_in_workbook:
            events.append(
                MemberEvent(
                    person_id=person.pk,
                    kind=MemberEvent.Kind.TRANSFER,
                    date=today,
                    from_unit_id=person.unit_id,
                    to_unit_id=unit_id,
                    note=_("Transfer (workbook import)"),
                )
            )
        person.unit_id = unit_id
        back = moves_in.get(person.code)
        if (
            person.left_kind == MemberEvent.Kind.MOVE_OUT
            and not values["moved_out_on"]
            and not (back and back > person.moved_out_on)
        ):
            # Ngày chuyển đi cleared (not by moving back in): the move out is undone.
            cleared.append(Q(person_id=person.pk, date=person.moved_out_on))
        written.append((person.pk, person.code, person.unit_id))
        if old_mass.get(person.pk, frozenset()) != values["mass"]:
            mass_links[person.pk] = values["mass"]
    if cleared:
        MemberEvent.objects.filter(
            reduce(operator.or_, cleared), kind=MemberEvent.Kind.MOVE_OUT
        ).delete()
    bulk_update_with_history(
        list(current.values()),
        Person,
        [
            *[f for f in PERSON_WRITTEN_FIELDS if f != "moved_out_on"],
            "unit",
            "sort_key",
            "search_key",
        ],
        batch_size=BATCH,
        default_user=user,
    )
    if events:
        bulk_create_with_history(events, MemberEvent, batch_size=BATCH, default_user=user)
