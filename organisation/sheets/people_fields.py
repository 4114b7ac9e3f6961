"""What the sheet "Nhân sự" reads and writes of a person: its fields and headers, the rows
the export and the check read, mass organisations, and what "Biến động" tells it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from django.db.models import Case, DateField, F, QuerySet, Value, When

from core import vn
from workbook.registry import ImportContext

from ..models import MassOrganisation, MemberEvent, Person
from .common import chunks

HISTORY_SHEET = "Biến động"

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


class PersonValues(NamedTuple):
    """A person's values on the sheet, in PERSON_VALUE_FIELDS order: a tuple, not a dict,
    as 100,000 of them may be held between the check and the writing."""

    full_name: str
    birth_date: dt.date | None
    gender: str
    unit: str
    party_status: str
    party_joined_on: dt.date | None
    party_official_on: dt.date | None
    moved_out_on: dt.date | None
    position: str
    mass: frozenset[str]


PERSON_VALUE_FIELDS = PersonValues._fields


class Shared(dict):
    """One object for equal values (`shared(value)`): the cell codes, positions and sets of
    mass organisations of 100,000 people are a few hundred distinct values."""

    def __call__(self, value: Any) -> Any:
        return self.setdefault(value, value)


class MassNames:
    """The names of a row's mass organisations → the stored names (matched by `mass_key`);
    a name not stored yet is added (`new`) as first written."""

    def __init__(self) -> None:
        self.stored: dict[str, str] = {}
        for name, short in MassOrganisation.objects.values_list("name", "short_name"):
            self.stored[mass_key(name)] = name
            if short:
                self.stored.setdefault(mass_key(short), name)
        self.added: dict[str, str] = {}
        self.cells: dict[tuple[str, ...], frozenset[str]] = {}  # the cell's names → result

    def canonical(self, names: tuple[str, ...] | None) -> frozenset[str]:
        if not names:
            return frozenset()
        found = self.cells.get(names)
        if found is None:
            found = self.cells[names] = frozenset(self._stored(name) for name in names)
        return found

    def _stored(self, name: str) -> str:
        key = mass_key(name)
        return self.stored.get(key) or self.added.setdefault(key, name)

    @property
    def new(self) -> list[str]:
        return sorted(self.added.values())


class PersonItem:
    """A person the import creates (`new`) or changes."""

    __slots__ = ("code", "fields", "new")

    def __init__(self, code: str, fields: PersonValues, new: bool) -> None:
        self.code, self.fields, self.new = code, fields, new

    @property
    def values(self) -> dict[str, Any]:
        """The values by field name (as read by the sheet "Biến động")."""
        return self.fields._asdict()


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
