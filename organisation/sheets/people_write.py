"""Writing the "Nhân sự" sheet's people in batches (see PersonSheet.apply)."""

from __future__ import annotations

import operator
from functools import reduce
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core import vn
from workbook.registry import ImportContext

from ..bulk import insert_rows
from ..models import MemberEvent, Person
from .common import BATCH, chunks
from .people_fields import (
    PERSON_VALUE_FIELDS,
    PersonItem,
    existing_mass,
    planned_move_ins,
    planned_transfers,
)

# The person's own columns (his cell and mass organisations are written apart).
PERSON_WRITTEN_FIELDS = [f for f in PERSON_VALUE_FIELDS if f not in {"unit", "mass"}]
# The columns of a new person, as `create_people` writes them.
NEW_PERSON_COLUMNS = (
    *("code", *PERSON_WRITTEN_FIELDS),
    *("left_kind", "unit_id", "sort_key", "search_key"),
)


def _history_columns() -> tuple[str, ...]:
    """A historical person's columns: the person's, then who and when (simple_history)."""
    return (
        "id",
        *NEW_PERSON_COLUMNS,
        "history_date",
        "history_change_reason",
        "history_type",
        "history_user_id",
    )


def create_people(
    batch: list[PersonItem],
    unit_ids: dict[str, int],
    user: Any,
    written: list[tuple[int, str, int]],
    mass_links: dict[int, frozenset[str]],
) -> None:
    """New people, and their "created" history rows as bulk_create_with_history writes them,
    inserted as plain rows (their periods come from rebuild)."""
    rows = []
    for item in batch:
        values = item.fields
        rows.append(
            (
                item.code,
                *(getattr(values, name) for name in PERSON_WRITTEN_FIELDS),
                "",  # left_kind: rebuild sets it from his events
                unit_ids[values.unit],
                vn.name_sort_key(values.full_name)[:255],  # as Person.fill_keys
                vn.search_key(f"{values.full_name} {item.code}")[:255],
            )
        )
    insert_rows(Person, NEW_PERSON_COLUMNS, rows)
    ids = dict(
        Person.objects.filter(code__in=[item.code for item in batch]).values_list("code", "id")
    )
    when = connection.ops.adapt_datetimefield_value(timezone.now())
    user_id = getattr(user, "pk", None)
    history = []
    for item, row in zip(batch, rows, strict=True):
        pk = ids[item.code]
        history.append((pk, *row, when, "", "+", user_id))
        written.append((pk, item.code, row[-3]))
        mass_links[pk] = item.fields.mass
    if getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        insert_rows(Person.history.model, _history_columns(), history)


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
        values = item.fields
        for name in PERSON_WRITTEN_FIELDS:
            if name != "moved_out_on":
                setattr(person, name, getattr(values, name))
        person.fill_keys()
        unit_id = unit_ids[values.unit]
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
            and not values.moved_out_on
            and not (back and back > person.moved_out_on)
        ):
            # Ngày chuyển đi cleared (not by moving back in): the move out is undone.
            cleared.append(Q(person_id=person.pk, date=person.moved_out_on))
        written.append((person.pk, person.code, person.unit_id))
        if old_mass.get(person.pk, frozenset()) != values.mass:
            mass_links[person.pk] = values.mass
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


def set_mass(
    links: dict[int, frozenset[str]], organisation_ids: dict[str, int], *, replace: bool = True
) -> None:
    """Person id → the names of his mass organisations, written as links; `replace` removes
    his links first (not needed for people created by this import)."""
    through = Person.mass_organisations.through
    if replace:
        for chunk in chunks(list(links)):
            through.objects.filter(person_id__in=chunk).delete()
    insert_rows(
        through,
        ("person_id", "massorganisation_id"),
        [
            (person_id, organisation_ids[name])
            for person_id, names in links.items()
            for name in sorted(names)
        ],
    )
