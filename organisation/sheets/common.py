"""What both organisation sheets share: the Vietnamese choice labels, chunking and batch
sizes for bulk writes, and small parsers and formatters."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext_lazy

from core import vn
from workbook.registry import Column, ImportContext, labels_of, parse_date, parse_text

from ..models import Person, Unit

UNIT_KINDS = {
    "Đảng bộ": Unit.Kind.COMMITTEE,
    "Đảng bộ bộ phận": Unit.Kind.SUB_COMMITTEE,
    "Chi bộ": Unit.Kind.CELL,
}
UNIT_KIND_LABELS = labels_of(UNIT_KINDS)
GENDERS = {"Nam": Person.Gender.MALE, "Nữ": Person.Gender.FEMALE}
GENDER_LABELS = labels_of(GENDERS)
PARTY = {"Chính thức": Person.PartyStatus.FULL, "Dự bị": Person.PartyStatus.PROBATIONARY}
PARTY_LABELS = labels_of(PARTY)
BATCH = 1000
# "Đơn vị" and "Tên đơn vị" name a unit of the sheet or of the database.
NO_UNIT = gettext_lazy("no unit has the code %(code)s (neither in this sheet nor in the database).")


def chunks(items: list, size: int = 500) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def date_text(value: dt.date | None) -> str:
    return vn.format_date(value)


def parse_names(value: Any) -> tuple[str, ...] | None:
    """ "Công đoàn, Đoàn Thanh niên" → the names, in order, without blanks or repeats."""
    text = parse_text(value)
    if text is None:
        return None
    names: list[str] = []
    for part in re.split(r"[,;\n]", text):
        name = " ".join(part.split())
        if name and name not in names:
            names.append(name)
    return tuple(names)


def import_user(ctx: ImportContext) -> Any:
    user = ctx.user
    return user if getattr(user, "is_authenticated", False) else None


def text_column(header: str, key: str, help: Any) -> Column:
    """A required text column (a code or a name)."""
    return Column(header, key, required=True, parse=parse_text, help=help)


def date_column(header: str, key: str, help: Any) -> Column:
    """An optional dd/mm/yyyy column."""
    return Column(header, key, parse=parse_date, help=help)
