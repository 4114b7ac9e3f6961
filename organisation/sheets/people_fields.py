"""What the sheet "Nhân sự" reads and writes of a person: its fields and headers, the rows
the export and the check read, mass organisations, and what "Biến động" tells it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, DateField, F, QuerySet, Value, When

from core import vn
from workbook.registry import ImportContext

from ..models import MassOrganisation, MemberEvent, Person
from .common import BATCH, chunks

HISTORY_SHEET = "Biến động"

PERSON_VALUE_FIELDS = (
    "full_name",
    "birth_date",
    "gender",
    "unit",
    "party_status",
    "party_joined_on",
    "party_official_on",
    "moved_out_on",
    "position",
    "mass",
)
DATE_COLUMNS = {
    "birth_date": "Ngày sinh",
    "party_joined_on": "Ngày vào Đảng",
    "party_official_on": "Ngày chính thức",
    "moved_out_on": "Ngày chuyển đi",
}


# What `_existing()` and the export read of each person, in this order.
PERSON_ROW_FIELDS = (
    "id",
    "code",
    "full_name",
    "birth_date",
    "gender",
    "unit__code",
    "party_status",
    "party_joined_on",
    "party_official_on",
    "move_out_column",
    "position",
)

PERSON_HEADERS = {
    "full_name": "Họ và tên",
    "birth_date": "Ngày sinh",
    "gender": "Giới tính",
    "unit": "Mã đơn vị",
    "party_status": "Đảng viên",
    "party_joined_on": "Ngày vào Đảng",
    "party_official_on": "Ngày chính thức",
    "moved_out_on": "Ngày chuyển đi",
    "position": "Chức vụ",
    "mass": "Đoàn thể",
}


@dataclass
class PersonItem:
    code: str
    values: dict[str, Any]
    new: bool


def mass_names(links: Iterable[QuerySet]) -> dict[int, set[str]]:
    """Person id → the names of his mass organisations, read from querysets of the
    person–organisation link table."""
    names = dict(MassOrganisation.objects.values_list("id", "name"))
    found: dict[int, set[str]] = defaultdict(set)
    for queryset in links:
        for person_id, organisation_id in queryset.values_list("person_id", "massorganisation_id"):
            found[person_id].add(names[organisation_id])
    return found


def mass_key(name: str) -> str:
    return vn.search_key(name)


def person_rows(people: QuerySet[Person]) -> QuerySet:
    """The sheet's values of each person; "Ngày chuyển đi" is the day he moved out of the
    committee — not the day he died or was struck off (those are "Biến động" rows)."""
    move_out = Case(
        When(left_kind=MemberEvent.Kind.MOVE_OUT, then=F("moved_out_on")),
        default=Value(None),
        output_field=DateField(),
    )
    return people.annotate(move_out_column=move_out).values_list(*PERSON_ROW_FIELDS)


def planned_transfers(ctx: ImportContext) -> set[str]:
    """Codes of people whose moves between cells the workbook's "Biến động" sheet records."""
    plan = ctx.plans.get(HISTORY_SHEET)
    return getattr(plan, "transfer_codes", set()) if plan is not None else set()


def planned_move_ins(ctx: ImportContext) -> dict[str, Any]:
    """Code → the date of his latest "Chuyển sinh hoạt đến" row in "Biến động"."""
    plan = ctx.plans.get(HISTORY_SHEET)
    return getattr(plan, "move_ins", {}) if plan is not None else {}


def planned_history(ctx: ImportContext) -> set[str]:
    """Codes of people having rows in the workbook's "Biến động" sheet."""
    plan = ctx.plans.get(HISTORY_SHEET)
    return getattr(plan, "person_codes", set()) if plan is not None else set()


def existing_mass(person_ids: list[int]) -> Iterator[tuple[int, frozenset[str]]]:
    through = Person.mass_organisations.through
    found = mass_names(through.objects.filter(person_id__in=chunk) for chunk in chunks(person_ids))
    for person_id, value in found.items():
        yield person_id, frozenset(value)


def set_mass(links: dict[int, frozenset[str]], organisation_ids: dict[str, int]) -> None:
    if not links:
        return
    through = Person.mass_organisations.through
    for chunk in chunks(list(links)):
        through.objects.filter(person_id__in=chunk).delete()
    through.objects.bulk_create(
        [
            through(person_id=person_id, massorganisation_id=organisation_ids[name])
            for person_id, names in links.items()
            for name in sorted(names)
        ],
        batch_size=BATCH,
    )
