"""Workbook sheets "Kiểm tra" and "Khắc phục" (docs/interchange.md).

"Kiểm tra" rows are keyed by Mã cuộc. "Khắc phục" has no code of its own: a row is the task of
inspection *Mã cuộc* whose *Nội dung* is the same text (spaces collapsed). Importing a row
whose pair exists updates its deadline and completion date; otherwise it adds a task. Nothing
is ever deleted by an import, so importing the same workbook twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import vn
from workbook import columns as col
from workbook import registry as wb
from workbook.codes import BulkImportSheet, CodedSheet, known_people, known_units, unknown
from workbook.scope import paths_by_code, register_owner

from .models import Inspection, Remediation
from .services import imports as services

register_owner(
    "inspection",
    lambda codes: paths_by_code(
        Inspection.objects, codes, "subject_unit__path", "subject_person__unit__path"
    ),
)

KIEM_TRA, KHAC_PHUC = "Kiểm tra", "Khắc phục"
CONCLUDED_H = "Ngày kết luận"
FORMS = {"Kiểm tra": Inspection.Form.INSPECTION, "Giám sát": Inspection.Form.SUPERVISION}
FORM_LABELS = wb.labels_of(FORMS)
CONCLUDED_IN_WORKBOOK = "inspections:concluded_on"  # ctx.cache: {code: conclusion date}


def content_key(text: str | None) -> str:
    """How a remediation row finds its task: the text with its spaces collapsed."""
    return " ".join((text or "").split())


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _date(value: dt.date | None) -> str:
    return vn.format_date(value)


def _subtree(committee: Any, prefix: str = "") -> Q:
    return Q(**{f"{prefix}subject_unit__path__startswith": committee.path}) | Q(
        **{f"{prefix}subject_person__unit__path__startswith": committee.path}
    )


@wb.register
class InspectionSheet(CodedSheet):
    sheet = KIEM_TRA
    order = 60
    scoped = {"code": "inspection", "subject": "subject"}
    description = gettext_lazy(
        "Inspections and supervisions: one row per item, keyed by its code (Mã cuộc)."
    )
    columns = [
        col.text("Mã cuộc", "code", "KT-2020-01", required=True),
        wb.Column(
            "Hình thức",
            "form",
            required=True,
            parse=wb.choice_parser(FORMS),
            help="Kiểm tra hoặc Giám sát",
        ),
        wb.Column(col.YEAR, "year", required=True, parse=wb.parse_int),
        col.subject("Mã đơn vị (chi bộ) hoặc mã nhân sự (đảng viên)"),
        col.text("Nội dung", "content", required=True),
        col.date("Ngày kết luận", "concluded_on", "dd/mm/yyyy; để trống khi chưa kết luận"),
        col.text("Kết luận", "conclusion"),
    ]
    model = Inspection
    service = staticmethod(services.inspections_import)
    related = ("subject_unit", "subject_person")

    def lookups(self, ctx: wb.ImportContext) -> dict[str, Any]:
        # The conclusion date of every valid row, for the sheet "Khắc phục".
        concluded: dict[str, dt.date | None] = {}
        ctx.cache[CONCLUDED_IN_WORKBOOK] = concluded
        return {"units": known_units(ctx), "people": known_people(ctx), "concluded": concluded}

    def check(self, rows: list[wb.Row], ctx: wb.ImportContext) -> None:
        super().check(rows, ctx)
        ctx.declare("inspection", ctx.cache[CONCLUDED_IN_WORKBOOK])

    def wanted(
        self, row: wb.Row, ctx: wb.ImportContext, known: dict[str, Any], before: Any
    ) -> dict[str, Any] | None:
        if row["_invalid"]:
            return None
        code, year, subject = row["code"], row["year"], row["subject"]
        concluded_on = row["concluded_on"]
        if not 1930 <= year <= 2100:
            column, message = col.YEAR, _("“%(value)s” is not a year.") % {"value": year}
        elif subject not in known["units"] and subject not in known["people"]:
            column = col.SUBJECT
            message = _("no unit or person has the code %(code)s.") % {"code": subject}
        elif concluded_on and concluded_on > timezone.localdate():
            column, message = CONCLUDED_H, _("the conclusion date cannot be in the future.")
        elif before and before.started_on and concluded_on and concluded_on < before.started_on:
            column = CONCLUDED_H
            message = _(
                "the conclusion (%(concluded)s) is dated before the item began (%(started)s)."
            ) % {
                "concluded": vn.format_date(concluded_on),
                "started": vn.format_date(before.started_on),
            }
        else:
            known["concluded"][code] = concluded_on
            return {
                "form": row["form"],
                "year": year,
                "subject": subject,
                "content": row["content"],
                "concluded_on": concluded_on,
                "conclusion": row["conclusion"] or "",
            }
        ctx.error(self.sheet, row.number, column, message)
        return None

    def label(self, row: wb.Row) -> str:
        return str(row["code"])

    def item(self, code: str, before: Any, values: dict[str, Any]) -> Any:
        return (before, code, values)

    def stored_values(self, item: Inspection) -> dict[str, Any]:
        return {
            "form": item.form,
            "year": item.year,
            "subject": item.subject_code,
            "content": item.content,
            "concluded_on": item.concluded_on,
            "conclusion": item.conclusion,
        }

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        items = (
            Inspection.objects.filter(_subtree(committee))
            .select_related("subject_unit", "subject_person")
            .order_by("year", "code")
        )
        for item in items:
            yield [
                item.code,
                FORM_LABELS[item.form],
                item.year,
                item.subject_code,
                item.content,
                _date(item.concluded_on),
                item.conclusion,
            ]


@wb.register
class RemediationSheet(BulkImportSheet):
    sheet = KHAC_PHUC
    order = 65
    service = staticmethod(services.remediations_import)
    scoped = {"code": "inspection"}
    description = gettext_lazy(
        "Remediation tasks of the inspections: a row is found again by Mã cuộc and Nội dung."
    )
    columns = [
        col.text("Mã cuộc", "code", required=True),
        col.text("Nội dung", "content", required=True),
        col.date("Hạn", "deadline", required=True),
        col.date("Ngày hoàn thành", "completed_on", "dd/mm/yyyy; để trống khi chưa hoàn thành"),
    ]

    def check(self, rows: list[wb.Row], ctx: wb.ImportContext) -> None:
        known = ctx.known("inspection", lambda: Inspection.objects.values_list("code", flat=True))
        codes = {row["code"] for row in rows if row["code"]}
        in_db = {item.code: item for item in Inspection.objects.filter(code__in=codes)}
        from_workbook: dict[str, dt.date | None] = ctx.cache.get(CONCLUDED_IN_WORKBOOK, {})
        existing = {
            (task.inspection.code, content_key(task.content)): task
            for task in Remediation.objects.filter(inspection__code__in=codes).select_related(
                "inspection"
            )
        }
        today = timezone.localdate()
        plan = ctx.plan(self.sheet)
        seen: dict[tuple[str, str], int] = {}
        for row in rows:
            if row["_invalid"]:
                continue
            code, key = row["code"], content_key(row["content"])
            if unknown(
                ctx,
                self.sheet,
                row,
                "Mã cuộc",
                code,
                known,
                _("no inspection has the code %(code)s."),
            ) or ctx.repeated(
                self.sheet,
                row,
                "Nội dung",
                (code, key),
                seen,
                _("the same task of %(code)s is already on row %(row)s."),
                code=code,
            ):
                continue
            if code in from_workbook:
                concluded_on = from_workbook[code]
            else:
                concluded_on = in_db[code].concluded_on if code in in_db else None
            deadline, completed_on = row["deadline"], row["completed_on"]
            if concluded_on and deadline < concluded_on:
                ctx.error(
                    self.sheet,
                    row.number,
                    "Hạn",
                    _("the deadline (%(deadline)s) is before the conclusion (%(concluded)s).")
                    % {
                        "deadline": vn.format_date(deadline),
                        "concluded": vn.format_date(concluded_on),
                    },
                )
                continue
            current = existing.get((code, key))
            created_on = current.created_on if current else _created_on(concluded_on, row)
            if completed_on and completed_on < created_on:
                ctx.error(
                    self.sheet,
                    row.number,
                    "Ngày hoàn thành",
                    _("the completion date %(date)s is before the task was set (%(created)s).")
                    % {
                        "date": vn.format_date(completed_on),
                        "created": vn.format_date(created_on),
                    },
                )
                continue
            if completed_on and completed_on > today:
                ctx.error(
                    self.sheet,
                    row.number,
                    "Ngày hoàn thành",
                    _("the completion date cannot be in the future."),
                )
                continue
            values = {"deadline": deadline, "completed_on": completed_on}
            before = current and {
                "deadline": current.deadline,
                "completed_on": current.completed_on,
            }
            item = (current, code, row["content"], created_on, values)
            wb.plan_row(plan, f"{code}: {key[:40]}", before, values, item)

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        tasks = (
            Remediation.objects.filter(_subtree(committee, "inspection__"))
            .select_related("inspection")
            .order_by("inspection__year", "inspection__code", "pk")
        )
        for task in tasks:
            yield [
                task.inspection.code,
                task.content,
                _date(task.deadline),
                _date(task.completed_on),
            ]


def _created_on(concluded_on: dt.date | None, row: wb.Row) -> dt.date:
    """When an imported task was set: at the conclusion, else no later than its dates."""
    if concluded_on:
        return concluded_on
    dates = [row["deadline"], row["completed_on"], timezone.localdate()]
    return min(date for date in dates if date)
