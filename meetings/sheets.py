"""The workbook sheets "Hội nghị" (meetings) and "Tham dự" (attendance), interchange.md.

Both are checked in full before anything is written, and written with bulk operations so that
a workbook of tens of thousands of attendance rows imports in seconds. Imported meetings are
held meetings; export writes held meetings only, so export → import → export is stable.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import vn
from documents.models import StudyTopic
from organisation.models import Person, Unit
from workbook import columns as col
from workbook import registry as wb
from workbook.codes import unknown
from workbook.scope import paths_by_code, register_owner

from . import bulk_services as services
from .models import Attendance, Meeting
from .reference import KIND_LABELS, STATUS_LABELS

register_owner("meeting", lambda codes: paths_by_code(Meeting.objects, codes, "unit__path"))

MEETING_SHEET, MEETING_H = "Hội nghị", "Mã hội nghị"
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


class BulkSheet(wb.SheetHandler):
    """What the two sheets share: rows checked in full, then compared with the stored records
    in batches (`existing`, by `key`) and planned; `apply` writes them in bulk."""

    def plan_valid(self, ctx: wb.ImportContext, valid: list[wb.Row]) -> None:
        plan = ctx.plan(self.sheet)
        plan.items = valid
        if ctx.errors:  # nothing will be written: the stored records need not be read
            return
        plan.items = []
        existing = self.existing(valid)
        for row in valid:
            current = existing.get(self.key(row))
            wb.plan_row(plan, self.label(row), current, self.wanted(row, current), row)

    @abstractmethod
    def key(self, row: wb.Row) -> Any:
        """What a row is found by among the stored records."""

    def label(self, row: wb.Row) -> str:
        return str(self.key(row))

    @abstractmethod
    def existing(self, rows: list[wb.Row]) -> dict[Any, Any]:
        """Key → the stored values (in the shape of `wanted`) of the records the rows name."""

    @abstractmethod
    def wanted(self, row: wb.Row, current: Any) -> Any:
        """The values the row's record will hold (`current`: the stored ones, or None)."""


@wb.register
class MeetingSheet(BulkSheet):
    sheet = MEETING_SHEET
    order = 30
    roles = ("office", "secretary")
    scoped = {"code": "meeting", "unit": "unit"}
    description = gettext_lazy(
        "Meetings held: briefing conferences, regular and thematic cell meetings, study "
        "sessions; one row per meeting."
    )
    columns = [
        col.text(MEETING_H, "code", required=True),
        wb.Column(
            "Loại",
            "kind",
            required=True,
            parse=wb.choice_parser({label: kind for kind, label in KIND_LABELS.items()}),
            help="Hội nghị quán triệt, Sinh hoạt định kỳ, Sinh hoạt chuyên đề, Học tập",
        ),
        col.unit(),
        col.date("Ngày", "date", required=True),
        wb.Column(
            "Mã chuyên đề",
            "topics",
            parse=parse_codes,
            help="Có thể để trống; nhiều mã cách nhau bằng dấu phẩy.",
        ),
        col.text("Nội dung", "content"),
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
        repeated = _("code %(code)s is already used on row %(row)s.")
        no_unit = _("unit code %(code)s is not in the workbook or the database.")
        no_topic = _("study topic code %(code)s is not in the workbook or the database.")
        for row in rows:
            ok = not row.values.get("_invalid")
            ok &= not ctx.repeated(self.sheet, row, MEETING_H, row["code"], seen, repeated)
            ok &= not unknown(ctx, self.sheet, row, col.UNIT, row["unit"], units, no_unit)
            for topic in row["topics"] or []:
                ok &= not unknown(ctx, self.sheet, row, "Mã chuyên đề", topic, topics, no_topic)
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
        self.plan_valid(ctx, valid)

    def key(self, row: wb.Row) -> str:
        return str(row["code"])

    def existing(self, rows: list[wb.Row]) -> dict[str, tuple[Any, ...]]:
        """code -> (kind, unit code, date, content, held, sorted topic codes, combined)."""
        codes = [row["code"] for row in rows]
        found: dict[str, tuple[Any, ...]] = {}
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

    def wanted(self, row: wb.Row, current: Any) -> tuple[Any, ...]:
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
class AttendanceSheet(BulkSheet):
    sheet = ATTENDANCE_SHEET
    order = 35
    roles = ("office", "secretary")
    scoped = {"meeting": "meeting", "person": "person"}
    description = gettext_lazy("Who attended each meeting: one row per person per meeting.")
    columns = [
        col.text(MEETING_H, "meeting", required=True),
        col.person(),
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
        no_meeting = _("meeting code %(code)s is not in the workbook or the database.")
        no_person = _("person code %(code)s is not in the workbook or the database.")
        repeated = _("this person is already listed for this meeting on row %(row)s.")
        for row in rows:
            ok = not row.values.get("_invalid")
            ok &= not unknown(ctx, self.sheet, row, MEETING_H, row["meeting"], meetings, no_meeting)
            ok &= not unknown(ctx, self.sheet, row, col.PERSON, row["person"], people, no_person)
            key = (row["meeting"], row["person"])
            ok &= not ctx.repeated(
                self.sheet, row, col.PERSON, key if all(key) else None, seen, repeated
            )
            if ok:
                valid.append(row)
        self.plan_valid(ctx, valid)

    def key(self, row: wb.Row) -> tuple[str, str]:
        return (row["meeting"], row["person"])

    def label(self, row: wb.Row) -> str:
        return f"{row['meeting']}/{row['person']}"

    def wanted(self, row: wb.Row, current: Any) -> str:
        return str(row["status"])

    def existing(self, rows: list[wb.Row]) -> dict[tuple[str, str], str]:
        meeting_codes = list({row["meeting"] for row in rows})
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
