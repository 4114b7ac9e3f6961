"""The workbook sheets "Đơn vị" and "Nhân sự" (docs/interchange.md).

`check()` reads the database once per sheet and validates every row against it and against
the rest of the workbook; `apply()` writes with bulk operations (and their history rows), so
that a 20,000-person workbook imports in seconds. Importing the same workbook twice finds
every row unchanged and writes nothing.

The handlers live in `units` ("Đơn vị"), `unit_names` ("Tên đơn vị"), `people` ("Nhân
sự") and `history` ("Biến động"); importing this package registers them (organisation.apps
imports it), and the names stay importable from here.
"""

from workbook.scope import paths_by_code, register_owner

from ..models import Person, Unit
from .common import (
    BATCH,
    GENDER_LABELS,
    GENDERS,
    PARTY,
    PARTY_LABELS,
    UNIT_KIND_LABELS,
    UNIT_KINDS,
    parse_names,
)
from .history import HistorySheet
from .people import DATE_COLUMNS, PERSON_HEADERS, PERSON_VALUE_FIELDS, PersonItem, PersonSheet
from .unit_names import UnitNameSheet
from .units import UnitItem, UnitSheet, unit_paths_rebuild, unit_rows

register_owner("unit", lambda codes: paths_by_code(Unit.objects, codes, "path"))
register_owner("person", lambda codes: paths_by_code(Person.objects, codes, "unit__path"))
register_owner(
    "subject",
    lambda codes: {
        **paths_by_code(Unit.objects, codes, "path"),
        **paths_by_code(Person.objects, codes, "unit__path"),
    },
)

__all__ = [
    "BATCH",
    "DATE_COLUMNS",
    "GENDER_LABELS",
    "GENDERS",
    "HistorySheet",
    "PARTY",
    "PARTY_LABELS",
    "PERSON_HEADERS",
    "PERSON_VALUE_FIELDS",
    "UNIT_KIND_LABELS",
    "UNIT_KINDS",
    "PersonItem",
    "PersonSheet",
    "UnitItem",
    "UnitNameSheet",
    "UnitSheet",
    "parse_names",
    "unit_paths_rebuild",
    "unit_rows",
]
