"""Look-ups and cell helpers the domain sheets share: the codes a row may name (in the
database or defined by an earlier sheet of the same workbook), plausible dates, numbers; and
`CodedSheet`, the check of a sheet whose rows are records with a code of their own."""

from __future__ import annotations

import datetime as dt
from abc import abstractmethod
from collections.abc import Callable, Collection
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext as _

from core import vn

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

from .registry import ImportContext, Row, SheetHandler, plan_row

PERSON_SHEET, UNIT_SHEET = "Nhân sự", "Đơn vị"
EARLIEST_DATE = dt.date(1930, 1, 1)


def _known(ctx: ImportContext, entity: str, sheet: str, loader: Any) -> set[str]:
    codes = ctx.known(entity, loader)
    planned = ctx.plans.get(sheet)
    if planned is not None:
        codes = codes | {item.code for item in planned.items if hasattr(item, "code")}
    return codes


def known_people(ctx: ImportContext) -> set[str]:
    """Person codes in the database, declared by the workbook, or planned by its "Nhân sự"."""
    from organisation.models import Person

    return _known(
        ctx, "person", PERSON_SHEET, lambda: Person.objects.values_list("code", flat=True)
    )


def known_units(ctx: ImportContext) -> set[str]:
    """Unit codes in the database, declared by the workbook, or planned by its "Đơn vị"."""
    from organisation.models import Unit

    return _known(ctx, "unit", UNIT_SHEET, lambda: Unit.objects.values_list("code", flat=True))


def unknown(
    ctx: ImportContext,
    sheet: str,
    row: Row,
    column: str,
    code: Any,
    known: Collection[Any],
    message: StrOrPromise = "",
) -> bool:
    """True, with an error on the row, when `code` is given but not among the `known` codes.
    `message` may say which record is missing, in the sheet's words (%(code)s is the code)."""
    if code is None or code in known:
        return False
    message = message or _("the code %(code)s is unknown.")
    ctx.error(sheet, row.number, column, str(message) % {"code": code})
    return True


def plausible(ctx: ImportContext, sheet: str, row: Row, column: str, day: dt.date | None) -> bool:
    """A date between 1930 and today, or an error on the row."""
    if day is None or EARLIEST_DATE <= day <= timezone.localdate():
        return True
    ctx.error(
        sheet,
        row.number,
        column,
        _("the date %(date)s is not plausible: it must lie between 01/01/1930 and today.")
        % {"date": vn.format_date(day)},
    )
    return False


def number_cell(value: Decimal | None) -> Any:
    """A stored number as the export writes it: whole numbers without decimals."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def date_cell(value: dt.date | None) -> str | None:
    return vn.format_date(value) if value else None


class BulkImportSheet(SheetHandler):
    """A sheet whose `apply` hands every planned item to one bulk import service of its app:
    `service(rows=items, user=ctx.user)` (set it with `staticmethod`)."""

    service: Callable[..., Any]

    def apply(self, ctx: ImportContext) -> None:
        items = ctx.plan(self.sheet).items
        if items:
            self.service(rows=items, user=ctx.user)


class CodedSheet(BulkImportSheet):
    """A sheet whose rows are records with a code of their own (key "code", the first
    column): a row whose code is stored changes that record, another adds one, and a code
    written twice is an error on the second row.

    A subclass names its `model`, loads what its rows are checked against once (`lookups`),
    and says how to read a row (`wanted`: the values to store, or None once the row's errors
    are on the context; it is given the stored record, if any), what a stored record holds in
    the same shape (`stored_values`) and how the preview names a row (`label`). The planned
    items are `(code, values)` unless `item` says otherwise: what the app's bulk import
    service takes.
    """

    model: Any = None  # a model with a unique `code`
    related: tuple[str, ...] = ()  # select_related of the stored records

    def lookups(self, ctx: ImportContext) -> dict[str, Any]:
        """What every row is checked against (codes, names), loaded once per import."""
        return {}

    @abstractmethod
    def wanted(
        self, row: Row, ctx: ImportContext, known: dict[str, Any], before: Any
    ) -> dict[str, Any] | None:
        """The row's values, or None with its errors recorded (checks every cell)."""

    @abstractmethod
    def stored_values(self, record: Any) -> dict[str, Any]:
        """A stored record's values, in the shape `wanted` returns."""

    @abstractmethod
    def label(self, row: Row) -> str:
        """How the preview names the row."""

    def item(self, code: str, before: Any, values: dict[str, Any]) -> Any:
        """What the plan keeps of a row to write, for `apply`."""
        return (code, values)

    def check(self, rows: list[Row], ctx: ImportContext) -> None:
        codes = {row["code"] for row in rows if row["code"]}
        existing = {
            record.code: record
            for record in self.model.objects.select_related(*self.related).filter(code__in=codes)
        }
        known = self.lookups(ctx)
        seen: dict[str, int] = {}
        plan = ctx.plan(self.sheet)
        for row in rows:
            code = row["code"]
            if ctx.repeated(self.sheet, row, self.columns[0].header, code, seen):
                continue
            before = existing.get(code)
            values = self.wanted(row, ctx, known, before)
            if values is None or code is None:
                continue
            stored = self.stored_values(before) if before is not None else None
            plan_row(plan, self.label(row), stored, values, self.item(code, before, values))
