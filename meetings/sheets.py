"""The workbook sheets "Hội nghị" (meetings) and "Tham dự" (attendance), interchange.md.

Both are checked in full before anything is written, and written with bulk operations so that
a workbook of tens of thousands of attendance rows imports in seconds. Imported meetings are
held meetings; export writes held meetings only, so export → import → export is stable.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import vn
from documents.models import StudyTopic
from organisation.models import Person, Unit
from workbook import registry as wb
from workbook.scope import paths_by_code, register_owner

from . import bulk_services as services
from .models import Attendance, Meeting
from .reference import KIND_LABELS, STATUS_LABELS

register_owner("meeting", lambda codes: paths_by_code(Meeting.objects, codes, "unit__path"))

MEETING_SHEET = "Hội nghị"
# The optional column for a sitting that is both the regular and the thematic meeting
# (docs/interchange.md): Loại stays single-valued.
COMBINED_HEADER = "Kết hợp định kỳ và chuyên đề"
ATTENDANCE_SHEET = "Tham dự"
BATCH = 2000


def parse_codes(value: Any) -> list[str] | None:
    """Topic codes: one, or several separated by commas or semicolons."""
    text = wb.parse_text(value)
    if text is None:
        return None
    codes = [code.strip() for code in text.replace(";", ",").split(",") if code.strip()]
    if len(set(codes)) != len(codes):
        raise wb.CellError(_("the same topic code is written twice."))
    return codes


def _units(ctx: wb.ImportContext) -> dict[str, int]:
    return ctx.memo("meetings:units", lambda: dict(Unit.objects.values_list("code", "pk")))


def _topics(ctx: wb.ImportContext) -> dict[str, int]:
    return ctx.memo("meetings:topics", lambda: dict(StudyTopic.objects.values_list("code", "pk")))


def _committee_q(committee: Unit, lookup: str = "unit__path") -> Q:
    return Q(**{f"{lookup}__startswith": committee.path})


@wb.register
class MeetingSheet(wb.SheetHandler):
    sheet = MEETING_SHEET
    order = 30
    roles = ("office", "secretary")
    scoped = {"code": "meeting", "unit": "unit"}
    description = gettext_lazy(
        "Meetings held: briefing conferences, regular and thematic cell meetings, study "
        "sessions; one row per meeting."
    )
    columns = [
        wb.Column("Mã hội nghị", "code", required=True, parse=wb.parse_text),
        wb.Column(
            "Loại",
            "kind",
            required=True,
            parse=wb.choice_parser({label: kind for kind, label in KIND_LABELS.items()}),
            help="Hội nghị quán triệt, Sinh hoạt định kỳ, Sinh hoạt chuyên đề, Học tập",
        ),
        wb.Column("Mã đơn vị", "unit", required=True, parse=wb.parse_text),
        wb.Column("Ngày", "date", required=True, parse=wb.parse_date, help="dd/mm/yyyy"),
        wb.Column(
            "Mã chuyên đề",
            "topics",
            parse=parse_codes,
            help="Có thể để trống; nhiều mã cách nhau bằng dấu phẩy.",
        ),
        wb.Column("Nội dung", "content", parse=wb.parse_text),
        wb.Column(
            COMBINED_HEADER,
            "combined",
            parse=wb.parse_yes_no,
            optional=True,
            help="Có: buổi sinh hoạt vừa là sinh hoạt định kỳ vừa là sinh hoạt chuyên đề "
            "(tính cả hai). Cột không bắt buộc.",
        ),
    ]

    def check(self, rows: list[wb.Row], ctx: wb.ImportContext) -> None:
        units = ctx.known("unit", lambda: _units(ctx).keys())
        topics = ctx.known("study_topic", lambda: _topics(ctx).keys())
        seen: dict[str, int] = {}
        valid: list[wb.Row] = []
        for row in rows:
            ok = not row.values.get("_invalid")
            code = row["code"]
            if code:
                if code in seen:
                    ctx.error(
                        self.sheet,
                        row.number,
                        "Mã hội nghị",
                        _("code %(code)s is already used on row %(row)s.")
                        % {"code": code, "row": seen[code]},
                    )
                    ok = False
                seen.setdefault(code, row.number)
            if row["unit"] and row["unit"] not in units:
                ctx.error(
                    self.sheet,
                    row.number,
                    "Mã đơn vị",
                    _("unit code %(code)s is not in the workbook or the database.")
                    % {"code": row["unit"]},
                )
                ok = False
            for topic in row["topics"] or []:
                if topic not in topics:
                    ctx.error(
                        self.sheet,
                        row.number,
                        "Mã chuyên đề",
                        _("study topic code %(code)s is not in the workbook or the database.")
                        % {"code": topic},
                    )
                    ok = False
            if row["combined"] and row["kind"] not in ("regular", "thematic"):
                ctx.error(
                    self.sheet,
                    row.number,
                    COMBINED_HEADER,
                    _("only a Sinh hoạt định kỳ or a Sinh hoạt chuyên đề can be both."),
                )
                ok = False
            if ok:
                valid.append(row)
        ctx.declare("meeting", seen.keys())
        plan = ctx.plan(self.sheet)
        plan.items = valid
        if ctx.errors:
            return
        plan.items = []
        existing = self._existing([row["code"] for row in valid])
        for row in valid:
            current = existing.get(row["code"])
            wb.plan_row(plan, row["code"], current, self._wanted(row, ctx, current), row)

    @staticmethod
    def _existing(codes: list[str]) -> dict[str, tuple]:
        """code -> (kind, unit code, date, content, held, sorted topic codes, combined)."""
        found: dict[str, tuple] = {}
        topics: dict[int, list[str]] = {}
        meetings = []
        for start in range(0, len(codes), BATCH):
            meetings += list(
                Meeting.objects.filter(code__in=codes[start : start + BATCH]).values_list(
                    "pk", "code", "kind", "unit__code", "date", "content", "held", "combined"
                )
            )
        ids = [row[0] for row in meetings]
        through = Meeting.topics.through
        for start in range(0, len(ids), BATCH):
            for meeting_id, topic_code in through.objects.filter(
                meeting_id__in=ids[start : start + BATCH]
            ).values_list("meeting_id", "studytopic__code"):
                topics.setdefault(meeting_id, []).append(topic_code)
        for pk, code, kind, unit, date, content, held, combined in meetings:
            found[code] = (
                kind,
                unit,
                date,
                content,
                held,
                tuple(sorted(topics.get(pk, []))),
                combined,
            )
        return found

    @staticmethod
    def _wanted(row: wb.Row, ctx: wb.ImportContext, current: tuple | None = None) -> tuple:
        combined = row["combined"]
        if combined is None:  # the optional column is absent: the meeting keeps its value
            combined = current[-1] if current else False
        return (
            row["kind"],
            row["unit"],
            row["date"],
            row["content"] or "",
            True,
            tuple(sorted(row["topics"] or [])),
            combined,
        )

    def apply(self, ctx: wb.ImportContext) -> None:
        services.meetings_import(rows=ctx.plan(self.sheet).items)

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        meetings = (
            Meeting.objects.filter(_committee_q(committee), held=True)
            .select_related("unit")
            .prefetch_related("topics")
            .order_by("date", "code")
        )
        for meeting in meetings.iterator(chunk_size=BATCH):
            yield [
                meeting.code,
                KIND_LABELS[meeting.kind],
                meeting.unit.code,
                vn.format_date(meeting.date),
                ", ".join(sorted(topic.code for topic in meeting.topics.all())),
                meeting.content,
                "Có" if meeting.combined else "",
            ]


@wb.register
class AttendanceSheet(wb.SheetHandler):
    sheet = ATTENDANCE_SHEET
    order = 35
    roles = ("office", "secretary")
    scoped = {"meeting": "meeting", "person": "person"}
    description = gettext_lazy("Who attended each meeting: one row per person per meeting.")
    columns = [
        wb.Column("Mã hội nghị", "meeting", required=True, parse=wb.parse_text),
        wb.Column("Mã nhân sự", "person", required=True, parse=wb.parse_text),
        wb.Column(
            "Có mặt",
            "status",
            required=True,
            parse=wb.choice_parser({label: status for status, label in STATUS_LABELS.items()}),
            help="Có, Vắng có lý do, Vắng không lý do",
        ),
    ]

    def check(self, rows: list[wb.Row], ctx: wb.ImportContext) -> None:
        meetings = ctx.known(
            "meeting", lambda: Meeting.objects.values_list("code", flat=True).iterator()
        )
        people = ctx.known(
            "person", lambda: Person.objects.values_list("code", flat=True).iterator()
        )
        seen: dict[tuple[str, str], int] = {}
        valid: list[wb.Row] = []
        for row in rows:
            ok = not row.values.get("_invalid")
            if row["meeting"] and row["meeting"] not in meetings:
                ctx.error(
                    self.sheet,
                    row.number,
                    "Mã hội nghị",
                    _("meeting code %(code)s is not in the workbook or the database.")
                    % {"code": row["meeting"]},
                )
                ok = False
            if row["person"] and row["person"] not in people:
                ctx.error(
                    self.sheet,
                    row.number,
                    "Mã nhân sự",
                    _("person code %(code)s is not in the workbook or the database.")
                    % {"code": row["person"]},
                )
                ok = False
            key = (row["meeting"], row["person"])
            if all(key) and key in seen:
                ctx.error(
                    self.sheet,
                    row.number,
                    "Mã nhân sự",
                    _("this person is already listed for this meeting on row %(row)s.")
                    % {"row": seen[key]},
                )
                ok = False
            if all(key):
                seen.setdefault(key, row.number)
            if ok:
                valid.append(row)
        plan = ctx.plan(self.sheet)
        plan.items = valid
        if ctx.errors:
            return
        plan.items = []
        existing = self._existing(list({row["meeting"] for row in valid}))
        for row in valid:
            label = f"{row['meeting']}/{row['person']}"
            current = existing.get((row["meeting"], row["person"]))
            wb.plan_row(plan, label, current, row["status"], row)

    @staticmethod
    def _existing(meeting_codes: list[str]) -> dict[tuple[str, str], str]:
        found: dict[tuple[str, str], str] = {}
        for start in range(0, len(meeting_codes), BATCH):
            for meeting, person, status in Attendance.objects.filter(
                meeting__code__in=meeting_codes[start : start + BATCH]
            ).values_list("meeting__code", "person__code", "status"):
                found[(meeting, person)] = status
        return found

    def apply(self, ctx: wb.ImportContext) -> None:
        services.attendances_import(rows=ctx.plan(self.sheet).items)

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        rows = (
            Attendance.objects.filter(
                _committee_q(committee, "meeting__unit__path"), meeting__held=True
            )
            .order_by("meeting__date", "meeting__code", "person__code")
            .values_list("meeting__code", "person__code", "status")
        )
        for meeting, person, status in rows.iterator(chunk_size=BATCH):
            yield [meeting, person, STATUS_LABELS[status]]
