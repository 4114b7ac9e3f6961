"""Look-ups and cell helpers the domain sheets share: the codes a row may name (in the
database or defined by an earlier sheet of the same workbook), plausible dates, numbers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from core import vn

from .registry import ImportContext, Row

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


def unknown(ctx: ImportContext, sheet: str, row: Row, column: str, code: Any, known: set) -> bool:
    """True, with an error on the row, when `code` is not among the `known` codes."""
    if code is None or code in known:
        return False
    ctx.error(sheet, row.number, column, _("the code %(code)s is unknown.") % {"code": code})
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
