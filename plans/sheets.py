"""The sheets of the committee's yearly plan: "Kế hoạch" (the plan), "Nhiệm vụ kế hoạch"
(its tasks) and "Chỉ tiêu" (its targets). Breakthrough areas are not in the workbook: they
tag activities and inspections, which the workbook does not link.

Rows are parsed and matched here (a plan by committee and year, a task by its content, a
target by its figure and date); the writes go through `plans.services` (`plan_import`,
`item_import`, `target_import`), whose refusals become errors on the row.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisation.models import Unit
from workbook import columns as col
from workbook import registry as wb
from workbook.codes import date_cell, known_units, number_cell, unknown

from . import services
from .catalogue import FIGURES
from .models import Plan, PlanItem, Target

COMPARISONS = {"Ít nhất": Target.Comparison.AT_LEAST, "Nhiều nhất": Target.Comparison.AT_MOST}
COMPARISON_LABELS = wb.labels_of(COMPARISONS)
UNIT, YEAR = col.UNIT, col.YEAR
# How a task's and a target's rows name their plan.
PLAN_COLUMNS = (col.unit("Mã đảng bộ của kế hoạch", key="committee"), col.year("Năm của kế hoạch"))


def parse_codes(value: Any) -> list[str] | None:
    text = wb.parse_text(value)
    return sorted({code.strip() for code in text.split(",") if code.strip()}) if text else None


def _plans(committee: Any) -> Any:
    return Plan.objects.filter(committee__path__startswith=committee.path)


def plan_code(row: wb.Row) -> str:
    """How the sheets name a plan to one another: the committee's code and the year."""
    return f"{row['committee']}/{row['year']}"


@dataclass
class Item:
    row: wb.Row
    values: dict[str, Any]


class PlanPartSheet(wb.SheetHandler):
    """What the three sheets share: a row names its plan by Mã đơn vị and Năm; it is
    matched by `key`, compared on `values` and written by `write`."""

    columns_of: dict[str, str] = {}  # the services' field names → headers
    scoped = {"committee": "unit"}

    def key(self, row: wb.Row) -> tuple:
        return (row["committee"], row["year"])

    def values(self, row: wb.Row) -> dict[str, Any]:
        return {column.key: row[column.key] for column in self.columns[2:]}

    @abstractmethod
    def stored(self) -> dict[tuple, dict[str, Any]]:
        """Key → values of the records in the database."""

    def known_plans(self, ctx: wb.ImportContext) -> set[str]:
        return ctx.known(
            "plan",
            lambda: (
                f"{code}/{year}"
                for code, year in Plan.objects.values_list("committee__code", "year")
            ),
        )

    def check(self, rows: list[wb.Row], ctx: wb.ImportContext) -> None:
        units, plans, stored = known_units(ctx), self.known_plans(ctx), self.stored()
        plan, seen = ctx.plan(self.sheet), dict[tuple, int]()
        for row in rows:
            if row.values.get("_invalid"):
                continue
            key = self.key(row)
            if unknown(ctx, self.sheet, row, UNIT, row["committee"], units):
                continue
            if plan_code(row) not in plans:
                message = _("the committee has no plan for %(year)s.") % {"year": row["year"]}
                ctx.error(self.sheet, row.number, YEAR, message)
            elif not ctx.repeated(
                self.sheet,
                row,
                self.columns[2].header,
                key,
                seen,
                _("this row repeats row %(row)s."),
            ):
                values = self.values(row)
                label = " — ".join(str(part) for part in key)
                wb.plan_row(plan, label, stored.get(key), values, Item(row, values))
        ctx.declare("plan", {f"{key[0]}/{key[1]}" for key in seen})

    def apply(self, ctx: wb.ImportContext) -> None:
        items: list[Item] = ctx.plan(self.sheet).items
        codes = {item.row["committee"] for item in items}
        committees = {unit.code: unit for unit in Unit.objects.filter(code__in=codes)}
        for item in items:
            try:
                self.write(committees[item.row["committee"]], item, ctx.user)
            except ValidationError as error:
                ctx.service_errors(self.sheet, item.row, error, self.columns_of)

    @abstractmethod
    def write(self, committee: Unit, item: Item, user: Any) -> None:
        """Create or change the record of one checked row through the plans' services."""

    @staticmethod
    def plan_of(committee: Unit, item: Item) -> Plan:
        return Plan.objects.get(committee=committee, year=item.row["year"])


@wb.register
class PlanSheet(PlanPartSheet):
    sheet = "Kế hoạch"
    order = 70
    description = gettext_lazy("The committee's yearly plan: number, date, title, purpose.")
    columns = [
        col.unit("Mã đảng bộ", key="committee"),
        col.year("Năm của kế hoạch, ví dụ 2019"),
        col.text("Số ký hiệu", "number_symbol", "Ví dụ 12-KH/ĐU"),
        col.date("Ngày ban hành", "issued_on", required=True),
        col.text("Tiêu đề", "title", required=True, width=50),
        col.text("Mục đích, yêu cầu", "purpose", width=50),
    ]
    columns_of = {"committee": UNIT, "year": YEAR, "issued_on": "Ngày ban hành"}

    def known_plans(self, ctx: wb.ImportContext) -> set[str]:
        return {plan_code(row) for row in ctx.cache.get("plans:rows", [])}

    def check(self, rows: list[wb.Row], ctx: wb.ImportContext) -> None:
        ctx.cache["plans:rows"] = [row for row in rows if not row.values.get("_invalid")]
        super().check(rows, ctx)

    def values(self, row: wb.Row) -> dict[str, Any]:
        values = super().values(row)
        return values | {
            "number_symbol": row["number_symbol"] or "",
            "purpose": row["purpose"] or "",
        }

    def stored(self) -> dict[tuple, dict[str, Any]]:
        fields = ("number_symbol", "issued_on", "title", "purpose")
        return {
            (code, year): dict(zip(fields, rest, strict=True))
            for code, year, *rest in Plan.objects.values_list("committee__code", "year", *fields)
        }

    def write(self, committee: Unit, item: Item, user: Any) -> None:
        services.plan_import(committee=committee, year=item.row["year"], user=user, **item.values)

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        for plan in _plans(committee).select_related("committee").order_by("year", "pk"):
            yield [
                plan.committee.code,
                plan.year,
                plan.number_symbol or None,
                date_cell(plan.issued_on),
                plan.title,
                plan.purpose or None,
            ]


@wb.register
class PlanItemSheet(PlanPartSheet):
    sheet = "Nhiệm vụ kế hoạch"
    order = 71
    description = gettext_lazy("The tasks of a plan: content, deadline, who carries them out.")
    columns = [
        *PLAN_COLUMNS,
        col.text("Nội dung", "content", "Nội dung nhiệm vụ", required=True, width=60),
        col.date("Thời hạn", "deadline", required=True),
        wb.Column("Đơn vị thực hiện", "units", False, parse_codes, "Mã đơn vị, cách nhau dấu phẩy"),
        col.text("Thực hiện khác", "responsible_text", "Ví dụ Văn phòng Đảng ủy"),
        col.date("Ngày hoàn thành", "done_on", "dd/mm/yyyy; trống: chưa xong"),
    ]
    columns_of = {
        "content": "Nội dung",
        "deadline": "Thời hạn",
        "responsible_units": "Đơn vị thực hiện",
        "responsible_text": "Thực hiện khác",
        "done_on": "Ngày hoàn thành",
    }

    def key(self, row: wb.Row) -> tuple:
        return (*super().key(row), services.content_key(row["content"]))

    def values(self, row: wb.Row) -> dict[str, Any]:
        values = super().values(row)
        return values | {
            "units": values["units"] or [],
            "responsible_text": values["responsible_text"] or "",
        }

    def stored(self) -> dict[tuple, dict[str, Any]]:
        found: dict[tuple, dict[str, Any]] = {}
        items = PlanItem.objects.select_related("plan__committee").prefetch_related(
            "responsible_units"
        )
        for item in items:
            key = (item.plan.committee.code, item.plan.year, services.content_key(item.content))
            found[key] = {
                "content": item.content,
                "deadline": item.deadline,
                "units": sorted(unit.code for unit in item.responsible_units.all()),
                "responsible_text": item.responsible_text,
                "done_on": item.done_on,
            }
        return found

    def write(self, committee: Unit, item: Item, user: Any) -> None:
        values = dict(item.values)
        units = list(Unit.objects.filter(code__in=values.pop("units")))
        if len(units) != len(item.values["units"]):
            raise ValidationError({"responsible_units": _("A unit code is unknown.")})
        services.item_import(
            plan=self.plan_of(committee, item), user=user, responsible_units=units, **values
        )

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        items = (
            PlanItem.objects.filter(plan__in=_plans(committee))
            .select_related("plan__committee")
            .prefetch_related("responsible_units")
            .order_by("plan__year", "deadline", "content")
        )
        for item in items:
            codes = sorted(unit.code for unit in item.responsible_units.all())
            yield [
                item.plan.committee.code,
                item.plan.year,
                item.content,
                date_cell(item.deadline),
                ", ".join(codes) or None,
                item.responsible_text or None,
                date_cell(item.done_on),
            ]


@wb.register
class TargetSheet(PlanPartSheet):
    sheet = "Chỉ tiêu"
    order = 72
    description = gettext_lazy(
        "The measurable targets of a plan: a report figure, a value, a date."
    )
    columns = [
        *PLAN_COLUMNS,
        wb.Column("Chỉ số", "figure", True, wb.choice_parser({key: key for key in FIGURES})),
        col.date("Hạn", "due", "dd/mm/yyyy, trong năm của kế hoạch", required=True),
        wb.Column("So sánh", "comparison", True, wb.choice_parser(COMPARISONS)),
        wb.Column("Giá trị", "value", True, wb.parse_decimal, "Số; phần trăm từ 0 đến 100"),
        col.text("Diễn giải", "note", "Câu chữ trong kế hoạch", width=50),
    ]
    columns_of = {"figure": "Chỉ số", "due": "Hạn", "value": "Giá trị", "note": "Diễn giải"}

    def key(self, row: wb.Row) -> tuple:
        return (*super().key(row), row["figure"], row["due"])

    def values(self, row: wb.Row) -> dict[str, Any]:
        return super().values(row) | {"note": row["note"] or ""}

    def stored(self) -> dict[tuple, dict[str, Any]]:
        fields = ("figure", "due", "comparison", "value", "note")
        rows = Target.objects.values_list("plan__committee__code", "plan__year", *fields)
        return {
            (code, year, figure, due): dict(zip(fields, (figure, due, *rest), strict=True))
            for code, year, figure, due, *rest in rows
        }

    def write(self, committee: Unit, item: Item, user: Any) -> None:
        services.target_import(plan=self.plan_of(committee, item), user=user, **item.values)

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        targets = (
            Target.objects.filter(plan__in=_plans(committee))
            .select_related("plan__committee")
            .order_by("plan__year", "due", "figure")
        )
        for target in targets:
            yield [
                target.plan.committee.code,
                target.plan.year,
                target.figure,
                date_cell(target.due),
                COMPARISON_LABELS[target.comparison],
                number_cell(target.value),
                target.note or None,
            ]
