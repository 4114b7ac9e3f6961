"""The workbook sheet "Tên đơn vị": the names a unit carried before a rename (`UnitName`),
so that reports of earlier years print the old name after an export and an import too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from workbook import columns as col
from workbook.codes import unknown
from workbook.registry import (
    ImportContext,
    Row,
    SheetHandler,
    plan_row,
    register,
)

from ..models import Unit, UnitName
from .common import BATCH, NO_UNIT, date_text, import_user
from .unit_dates import unit_spans

CODE_H, NAME_H, UNTIL_H = col.UNIT, "Tên cũ", "Dùng đến ngày"


@dataclass
class NameItem:
    code: str
    name: str
    until: dt.date


@register
class UnitNameSheet(SheetHandler):
    sheet = "Tên đơn vị"
    order = 12  # after "Đơn vị" (10): the units must exist
    scoped = {"code": "unit"}
    description = gettext_lazy(
        "Former names of the units: one row per rename, with the old name and its last day."
    )
    columns = [
        col.unit(
            gettext_lazy("The unit renamed, from the sheet Đơn vị or the system."), key="code"
        ),
        col.text(
            NAME_H,
            "name",
            gettext_lazy("The name the unit carried before the rename."),
            required=True,
        ),
        col.date(
            UNTIL_H,
            "until",
            gettext_lazy("dd/mm/yyyy: the last day of the old name (the day before the rename)."),
            required=True,
        ),
    ]

    def check(self, rows: list[Row], ctx: ImportContext) -> None:
        spans = unit_spans(ctx)
        stored = {
            (code, until): name
            for code, until, name in UnitName.objects.values_list("unit__code", "until", "name")
        }
        today = timezone.localdate()
        first: dict[tuple, int] = {}
        plan = ctx.plan(self.sheet)
        for row in rows:
            if row.values.get("_invalid"):
                continue
            code, name, until = row["code"], row["name"], row["until"]
            key = (code, until)
            if unknown(ctx, self.sheet, row, CODE_H, code, spans, NO_UNIT) or ctx.repeated(
                self.sheet,
                row,
                UNTIL_H,
                key,
                first,
                _("this unit already has a name ending on this day (row %(row)s)."),
            ):
                continue
            founded, dissolved = spans[code]
            message = None
            if until >= today:
                message = _("The rename must lie in the past: the old name ends before today.")
            elif founded and until < founded:
                message = _("A unit is renamed after the day it was founded.")
            elif dissolved and until >= dissolved - dt.timedelta(days=1):
                message = _("The unit was dissolved before this rename.")
            if message:
                ctx.error(self.sheet, row.number, UNTIL_H, message)
                continue
            label = f"{code} — {name} (… {date_text(until)})"
            plan_row(plan, label, stored.get(key), name, NameItem(code, name, until))

    def apply(self, ctx: ImportContext) -> None:
        items: list[NameItem] = ctx.plan(self.sheet).items
        if not items:
            return
        user = import_user(ctx)
        units = dict(Unit.objects.values_list("code", "pk"))
        stored = {
            (row.unit_id, row.until): row
            for row in UnitName.objects.filter(unit_id__in={units[item.code] for item in items})
        }
        new, changed = [], []
        for item in items:
            found = stored.get((units[item.code], item.until))
            if found is None:
                new.append(UnitName(unit_id=units[item.code], name=item.name, until=item.until))
            else:
                found.name = item.name
                changed.append(found)
        if new:
            bulk_create_with_history(new, UnitName, batch_size=BATCH, default_user=user)
        if changed:
            bulk_update_with_history(changed, UnitName, ["name"], default_user=user)

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        names = UnitName.objects.select_related("unit").order_by("unit__code", "until")
        if committee is not None:
            names = names.filter(unit__path__startswith=committee.path)
        for former in names:
            yield [former.unit.code, former.name, date_text(former.until)]
