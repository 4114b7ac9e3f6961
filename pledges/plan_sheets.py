"""The sheets "Kế hoạch cá nhân" (personal plans) and "Chuẩn mực" (conduct standards).

Rows are parsed and looked up here; every write goes through the services `plan_import` and
`standard_import` (the forms' writes, with the workbook's scope in place of the form's
permission check), whose ValidationErrors become errors on the row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisation.models import Person, Unit
from workbook import columns as col
from workbook import registry as wb
from workbook.codes import known_people, known_units, unknown

from . import services
from .models import ConductStandard, PersonalPlan, split_items

PLAN_SHEET = "Kế hoạch cá nhân"
STANDARD_SHEET = "Chuẩn mực"


def _lines(text: str | None) -> str:
    """The stored form of a list: one item a line, as the service keeps it."""
    return "\n".join(split_items(text or ""))


@dataclass
class Item:
    row: wb.Row
    code: str
    year: int
    content: str
    items: str


def _valid(
    ctx: wb.ImportContext,
    sheet: str,
    row: wb.Row,
    column: wb.Column,
    known: set[str],
    seen: dict[tuple[str, int], int],
) -> bool:
    """The shared row checks: the code in `column` exists, the year is not repeated."""
    if row.values.get("_invalid"):
        return False
    code = row[column.key]
    return not (
        unknown(ctx, sheet, row, column.header, code, known)
        or ctx.repeated(
            sheet,
            row,
            col.YEAR,
            (code, row["year"]),
            seen,
            _("this year is already on row %(row)s."),
        )
    )


def _plan_rows(
    handler: wb.SheetHandler,
    ctx: wb.ImportContext,
    rows: list[wb.Row],
    known: set[str],
    stored: Iterable[tuple[Any, ...]],
    wanted: Callable[[wb.Row], tuple[tuple[str, ...], str, str]],
) -> None:
    """Plan every row that passes the shared checks, keyed by the code of the sheet's first
    column and the year. `stored`: (code, year, *values) of the records there are; `wanted`
    gives the values the row sets (compared with those), its content and its items."""
    existing = {(code, year): tuple(values) for code, year, *values in stored}
    plan, seen = ctx.plan(handler.sheet), dict[tuple[str, int], int]()
    column = handler.columns[0]
    for row in rows:
        code, year = row[column.key], row["year"]
        if not _valid(ctx, handler.sheet, row, column, known, seen):
            continue
        after, content, items = wanted(row)
        item = Item(row, code, year, content, items)
        wb.plan_row(plan, f"{code} — {year}", existing.get((code, year)), after, item)


def _apply_items(
    handler: wb.SheetHandler,
    ctx: wb.ImportContext,
    model: type[Person] | type[Unit],
    save: Callable[[Any, Item], Any],
    columns: dict[str, str],
) -> None:
    """Write each planned item through `save(owner, item)`, the owner being the `model`
    record of the item's code; a ValidationError becomes errors on the item's row."""
    items: list[Item] = ctx.plan(handler.sheet).items
    owners = {o.code: o for o in model.objects.filter(code__in={i.code for i in items})}
    for item in items:
        try:
            save(owners[item.code], item)
        except ValidationError as error:
            ctx.service_errors(handler.sheet, item.row, error, columns)


@wb.register
class PersonalPlanSheet(wb.SheetHandler):
    sheet = PLAN_SHEET
    order = 41
    scoped = {"person": "person"}
    description = gettext_lazy("Personal plans: one per person per year, one item a line.")
    columns = [
        col.person("Mã nhân sự trong sheet Nhân sự"),
        col.year("Năm của kế hoạch, ví dụ 2019"),
        col.text("Nội dung", "content", "Lời mở đầu của kế hoạch", width=40),
        col.text("Các việc", "items", "Mỗi việc một dòng (Alt+Enter)", required=True, width=60),
    ]

    def check(self, rows: list[wb.Row], ctx: wb.ImportContext) -> None:
        def wanted(row: wb.Row) -> tuple[tuple[str, ...], str, str]:
            content, items = (row["content"] or "").strip(), _lines(row["items"])
            return (content, items), content, items

        stored = PersonalPlan.objects.values_list("person__code", "year", "content", "items")
        _plan_rows(self, ctx, rows, known_people(ctx), stored, wanted)

    def apply(self, ctx: wb.ImportContext) -> None:
        _apply_items(
            self,
            ctx,
            Person,
            lambda person, item: services.plan_import(
                person=person, year=item.year, content=item.content, items=item.items, by=ctx.user
            ),
            {"items": "Các việc"},
        )

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        rows = (
            PersonalPlan.objects.filter(person__unit__path__startswith=committee.path)
            .order_by("person__code", "year")
            .values_list("person__code", "year", "content", "items")
        )
        for code, year, content, items in rows:
            yield [code, year, content, items]


@wb.register
class ConductStandardSheet(wb.SheetHandler):
    sheet = STANDARD_SHEET
    order = 42
    scoped = {"unit": "unit"}
    description = gettext_lazy(
        "Conduct standards of a year: the committee's common ones, a cell's specific ones."
    )
    columns = [
        col.unit("Đảng bộ: chuẩn mực chung; chi bộ: cụ thể"),
        col.year("Năm áp dụng, ví dụ 2019"),
        col.text("Các chuẩn mực", "items", "Mỗi chuẩn mực một dòng", required=True, width=70),
    ]

    def check(self, rows: list[wb.Row], ctx: wb.ImportContext) -> None:
        def wanted(row: wb.Row) -> tuple[tuple[str, ...], str, str]:
            items = _lines(row["items"])
            return (items,), "", items

        stored = ConductStandard.objects.values_list("unit__code", "year", "items")
        _plan_rows(self, ctx, rows, known_units(ctx), stored, wanted)

    def apply(self, ctx: wb.ImportContext) -> None:
        _apply_items(
            self,
            ctx,
            Unit,
            lambda unit, item: services.standard_import(
                unit=unit, year=item.year, items=item.items, by=ctx.user
            ),
            {"items": "Các chuẩn mực"},
        )

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        rows = (
            ConductStandard.objects.filter(unit__path__startswith=committee.path)
            .order_by("unit__code", "year")
            .values_list("unit__code", "year", "items")
        )
        for code, year, items in rows:
            yield [code, year, items]
