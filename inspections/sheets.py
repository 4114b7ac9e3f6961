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
from organisation.models import Person, Unit
from workbook import registry as wb
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
class InspectionSheet(wb.SheetHandler):
    sheet = KIEM_TRA
    order = 60
    scoped = {"code": "inspection", "subject": "subject"}
    description = gettext_lazy(
        "Inspections and supervisions: one row per item, keyed by its code (Mã cuộc)."
    )
    columns = [
        wb.Column("Mã cuộc", "code", required=True, parse=wb.parse_text, help="KT-2020-01"),
        wb.Column(
            "Hình thức",
            "form",
            required=True,
            parse=wb.choice_parser(FORMS),
            help="Kiểm tra hoặc Giám sát",
        ),
        wb.Column("Năm", "year", required=True, parse=wb.parse_int),
        wb.Column(
            "Mã đối tượng",
            "subject",
            required=True,
            parse=wb.parse_text,
            help="Mã đơn vị (chi bộ) hoặc mã nhân sự (đảng viên)",
        ),
        wb.Column("Nội dung", "content", required=True, parse=wb.parse_text),
        wb.Column(
            "Ngày kết luận",
            "concluded_on",
            parse=wb.parse_date,
            help="dd/mm/yyyy; để trống khi chưa kết luận",
        ),
        wb.Column("Kết luận", "conclusion", parse=wb.parse_text),
    ]

    def check(self, rows: list[wb.Row], ctx: wb.ImportContext) -> None:
        units = ctx.known("unit", lambda: Unit.objects.values_list("code", flat=True))
        people = ctx.known("person", lambda: Person.objects.values_list("code", flat=True))
        existing = {
            item.code: item
            for item in Inspection.objects.filter(
                code__in=[row["code"] for row in rows if row["code"]]
            ).select_related("subject_unit", "subject_person")
        }
        plan = ctx.plan(self.sheet)
        seen: dict[str, int] = {}
        concluded: dict[str, dt.date | None] = {}
        for row in rows:
            code = row["code"]
            if not code:
                continue
            if code in seen:
                ctx.error(
                    self.sheet,
                    row.number,
                    "Mã cuộc",
                    _("the code %(code)s is already used on row %(row)s.")
                    % {"code": code, "row": seen[code]},
                )
                continue
            seen[code] = row.number
            if row["_invalid"]:
                continue
            year = row["year"]
            if not 1930 <= year <= 2100:
                ctx.error(
                    self.sheet, row.number, "Năm", _("“%(value)s” is not a year.") % {"value": year}
                )
                continue
            subject = row["subject"]
            if subject not in units and subject not in people:
                ctx.error(
                    self.sheet,
                    row.number,
                    "Mã đối tượng",
                    _("no unit or person has the code %(code)s.") % {"code": subject},
                )
                continue
            concluded_on = row["concluded_on"]
            if concluded_on and concluded_on > timezone.localdate():
                ctx.error(
                    self.sheet,
                    row.number,
                    "Ngày kết luận",
                    _("the conclusion date cannot be in the future."),
                )
                continue
            current = existing.get(code)
            if (
                current
                and current.started_on
                and concluded_on
                and concluded_on < current.started_on
            ):
                ctx.error(
                    self.sheet,
                    row.number,
                    "Ngày kết luận",
                    _(
                        "the conclusion (%(concluded)s) is dated before the item began "
                        "(%(started)s)."
                    )
                    % {
                        "concluded": vn.format_date(concluded_on),
                        "started": vn.format_date(current.started_on),
                    },
                )
                continue
            concluded[code] = concluded_on
            values = {
                "form": row["form"],
                "year": year,
                "subject": subject,
                "content": row["content"],
                "concluded_on": concluded_on,
                "conclusion": row["conclusion"] or "",
            }
            before = current and self._values(current)
            wb.plan_row(plan, code, before, values, (current, code, values))
        ctx.declare("inspection", concluded)
        ctx.cache[CONCLUDED_IN_WORKBOOK] = concluded

    @staticmethod
    def _values(item: Inspection) -> dict[str, Any]:
        return {
            "form": item.form,
            "year": item.year,
            "subject": item.subject_code,
            "content": item.content,
            "concluded_on": item.concluded_on,
            "conclusion": item.conclusion,
        }

    def apply(self, ctx: wb.ImportContext) -> None:
        plan = ctx.plan(self.sheet)
        if not plan.items:
            return
        services.inspections_import(rows=plan.items, user=ctx.user)

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
class RemediationSheet(wb.SheetHandler):
    sheet = KHAC_PHUC
    order = 65
    scoped = {"code": "inspection"}
    description = gettext_lazy(
        "Remediation tasks of the inspections: a row is found again by Mã cuộc and Nội dung."
    )
    columns = [
        wb.Column("Mã cuộc", "code", required=True, parse=wb.parse_text),
        wb.Column("Nội dung", "content", required=True, parse=wb.parse_text),
        wb.Column("Hạn", "deadline", required=True, parse=wb.parse_date, help="dd/mm/yyyy"),
        wb.Column(
            "Ngày hoàn thành",
            "completed_on",
            parse=wb.parse_date,
            help="dd/mm/yyyy; để trống khi chưa hoàn thành",
        ),
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
            if code not in known:
                ctx.error(
                    self.sheet,
                    row.number,
                    "Mã cuộc",
                    _("no inspection has the code %(code)s.") % {"code": code},
                )
                continue
            if (code, key) in seen:
                ctx.error(
                    self.sheet,
                    row.number,
                    "Nội dung",
                    _("the same task of %(code)s is already on row %(row)s.")
                    % {"code": code, "row": seen[(code, key)]},
                )
                continue
            seen[(code, key)] = row.number
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

    def apply(self, ctx: wb.ImportContext) -> None:
        plan = ctx.plan(self.sheet)
        if not plan.items:
            return
        services.remediations_import(rows=plan.items, user=ctx.user)

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
