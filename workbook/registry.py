"""The importer registry: each domain app registers one handler per sheet it owns.

The registry knows nothing of the domain models. A handler declares its sheet name and
columns, checks parsed rows (recording errors and planned changes on the context) and applies
its plan; the import service runs every handler's check first and applies only when no sheet
has an error, in one transaction.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from core import vn

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Parser = Callable[[Any], Any]


class CellError(ValueError):
    """A cell that cannot be read; its message says what was expected, in Vietnamese."""


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    required: bool = False
    parse: Parser | None = None
    help: StrOrPromise = ""  # shown as the comment on the header cell of the template
    # An optional column added to the contract later: a workbook without it stays valid, and
    # its rows then leave the field as it is (row[key] is None).
    optional: bool = False
    width: int = 0  # characters; 0 chooses by the kind of value

    @property
    def choices(self) -> list[str]:
        """The labels a choice column accepts, for the drop-down list of the export."""
        return list(getattr(self.parse, "choices", ()))

    @property
    def is_date(self) -> bool:
        return self.parse is parse_date

    @property
    def is_code(self) -> bool:
        """Natural keys ("Mã …", "Số ký hiệu"): NFC, and never an invisible character."""
        return self.header.startswith(("Mã ", "Số ký hiệu"))


@dataclass(slots=True)
class Row:
    number: int  # the Excel row number, 2 for the first data row
    values: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key)


@dataclass
class ImportError_:
    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.sheet]
        if self.row:
            where.append(_("row %(row)s") % {"row": self.row})
        if self.column:
            where.append(_("column “%(column)s”") % {"column": self.column})
        return f"{', '.join(where)}: {self.message}"


@dataclass
class SheetPlan:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    items: list[Any] = field(default_factory=list)  # whatever the handler needs to apply


@dataclass
class ImportContext:
    """Shared state of one import: errors, plans, and the codes each sheet declares."""

    user: Any = None
    progress: Callable[[int, str], None] | None = None
    errors: list[ImportError_] = field(default_factory=list)
    plans: dict[str, SheetPlan] = field(default_factory=dict)
    declared: dict[str, set[str]] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)

    def error(self, sheet: str, row: int | None, column: str | None, message: str) -> None:
        self.errors.append(ImportError_(sheet, row, column, message))

    def repeated(
        self,
        sheet: str,
        row: Row,
        column: str,
        key: Hashable | None,
        first_rows: dict[Any, int],
        message: StrOrPromise | None = None,
        **names: Any,
    ) -> bool:
        """True, with an error, when `key` (a code, or a tuple of cells) already stood on an
        earlier row of the sheet; otherwise remembers this row as the key's first. `message`
        may say it in the sheet's words: %(row)s is the earlier row, the other placeholders
        are `names` (the default names the key as %(code)s)."""
        if key is None:
            return False
        if key in first_rows:
            message = message or _("the code %(code)s is repeated (already on row %(row)s).")
            values = {"code": key, **names, "row": first_rows[key]}
            self.error(sheet, row.number, column, str(message) % values)
            return True
        first_rows[key] = row.number
        return False

    def plan(self, sheet: str) -> SheetPlan:
        return self.plans.setdefault(sheet, SheetPlan())

    def service_errors(self, sheet: str, row: Row, error: Any, columns: dict[str, str]) -> None:
        """A service's ValidationError as errors on the row: `columns` maps the service's
        field names to the sheet's headers (other fields are reported on the row)."""
        for field_name, messages in getattr(error, "message_dict", {"": error.messages}).items():
            for message in messages:
                self.error(sheet, row.number, columns.get(field_name), message)

    def declare(self, entity: str, codes: Iterable[str]) -> None:
        """Codes that a sheet of this workbook defines, so later sheets may refer to them."""
        self.declared.setdefault(entity, set()).update(codes)

    def known(self, entity: str, loader: Callable[[], Iterable[str]]) -> set[str]:
        """Codes of `entity` in the database (loaded once) and declared by this workbook."""
        key = f"known:{entity}"
        if key not in self.cache:
            self.cache[key] = set(loader())
        return self.cache[key] | self.declared.get(entity, set())

    def memo(self, key: str, loader: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = loader()
        return self.cache[key]


def consumed(rows: Iterable[Row]) -> Iterator[Row]:
    """Rows whose cells are let go once the loop has checked them, so that a sheet of
    100,000 rows is not held twice (as cells and as the planned records) while it is checked."""
    for row in rows:
        yield row
        row.values = {}


def plan_row(plan: SheetPlan, label: str, before: Any, after: Any, item: Any = None) -> bool:
    """Count a valid row as created (nothing `before`), updated or unchanged; the item to
    write is kept on the plan. Returns whether the row needs writing."""
    if before is None:
        plan.created.append(label)
    elif before != after:
        plan.updated.append(label)
    else:
        plan.unchanged += 1
        return False
    if item is not None:
        plan.items.append(item)
    return True


class SheetHandler(ABC):
    """One sheet of the workbook. Subclass, set the attributes, register with `register`."""

    sheet: str = ""
    order: int = 100  # sheets are checked and applied in this order (parents first)
    columns: list[Column] = []
    description: Any = ""  # a line for the "Hướng dẫn" sheet (a lazy translation)
    # Who may import the sheet, on the units they hold the role on (see workbook.scope).
    roles: tuple[str, ...] = ("office",)
    # Column key → kind of record it names ("unit", "person", "subject", "meeting", …): a
    # record of that kind outside the importing user's units is an error on the row.
    scoped: dict[str, str] = {}
    # The kind of record the "code" column defines, when its codes share one namespace with
    # another kind's ("Mã đối tượng" may name a unit or a person, so those must not collide).
    defines: str = ""
    # True when `check` takes its rows as an iterator and goes through them once: the sheet
    # is then checked while it is read, and its rows are never all held at once.
    streams: bool = False

    @abstractmethod
    def check(self, rows: list[Row], ctx: ImportContext) -> None:
        """Validate every row against the database and the workbook; plan the changes.
        (`rows` is an iterator, read once, when the handler `streams`.)"""

    @abstractmethod
    def apply(self, ctx: ImportContext) -> None:
        """Write the planned changes; runs inside the import's transaction."""

    @abstractmethod
    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        """Rows of cell values in column order, for the committee's subtree."""


_handlers: dict[str, SheetHandler] = {}


def register(handler_class: type[SheetHandler]) -> type[SheetHandler]:
    """Class decorator: add a sheet handler to the registry."""
    _handlers[handler_class.sheet] = handler_class()
    return handler_class


def handlers() -> list[SheetHandler]:
    return sorted(_handlers.values(), key=lambda handler: (handler.order, handler.sheet))


def normalise_header(text: Any) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text or "")).split()).casefold()


# Parsers shared by the handlers. Each returns None for an empty cell.


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_text(value: Any) -> str | None:
    if _blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")


def parse_date(value: Any) -> dt.date | None:
    if _blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        # The usual dd/mm/yyyy without strptime (a workbook may have 400,000 dates).
        found = _DAY_MONTH_YEAR.fullmatch(value.strip()) if isinstance(value, str) else None
        if found:
            day, month, year = found.groups()
            return dt.date(int(year), int(month), int(day))
        return vn.parse_date(str(value))
    except ValueError:
        raise CellError(
            _("“%(value)s” is not a date; write it as dd/mm/yyyy.") % {"value": value}
        ) from None


def parse_int(value: Any) -> int | None:
    if _blank(value):
        return None
    try:
        number = float(str(value).replace(" ", "")) if isinstance(value, str) else float(value)
    except ValueError:
        raise CellError(_("“%(value)s” is not a whole number.") % {"value": value}) from None
    if not number.is_integer():
        raise CellError(_("“%(value)s” is not a whole number.") % {"value": value})
    return int(number)


def parse_decimal(value: Any):
    from decimal import Decimal, InvalidOperation

    if _blank(value):
        return None
    try:
        return Decimal(str(value).replace(" ", ""))
    except InvalidOperation:
        raise CellError(_("“%(value)s” is not a number.") % {"value": value}) from None


def parse_yes_no(value: Any) -> bool | None:
    if _blank(value):
        return False
    if isinstance(value, bool):
        return value
    text = vn.search_key(str(value))
    if text in {"co", "x", "yes", "1", "true"}:
        return True
    if text in {"khong", "no", "0", "false"}:
        return False
    raise CellError(_("“%(value)s” is not Có or Không.") % {"value": value})


def choice_parser(choices: dict[str, Any]) -> Parser:
    """A parser accepting the given labels (ignoring case, spaces and diacritics)."""
    by_key = {vn.search_key(label): value for label, value in choices.items()}
    read: dict[Any, Any] = {}  # cell → choice: the same few labels fill a whole column

    def parse(value: Any) -> Any:
        if _blank(value):
            return None
        cell = (type(value), value)  # True and 1 are equal keys, not equal cells
        if cell in read:
            return read[cell]
        found = by_key.get(vn.search_key(str(value)))
        if found is None:
            raise CellError(
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": value, "choices": ", ".join(choices)}
            )
        if len(read) < 1000:
            read[cell] = found
        return found

    parse.choices = list(choices)  # type: ignore[attr-defined]
    return parse


parse_yes_no.choices = ["Có", "Không"]  # type: ignore[attr-defined]


def labels_of(choices: dict[str, Any]) -> dict[str, str]:
    """A choice column's labels by stored value, for the export: the inverse of `choices`."""
    return {str(value): label for label, value in choices.items()}
