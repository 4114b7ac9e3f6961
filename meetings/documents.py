"""The minutes printed in the party's format (Quy định 66-QĐ/TW): Word and PDF."""

from __future__ import annotations

import datetime as dt
from copy import copy
from dataclasses import dataclass

from exporters.party import Block, Heading, Paragraph, PartyDocument, Signer, Table
from organisation.models import Unit
from organisation.profile import committee_fields

from . import reference, selectors
from .models import Attendance, Meeting, Minutes

KIND_TITLES: dict[str, str] = {
    Meeting.Kind.BRIEFING: "Hội nghị quán triệt",
    Meeting.Kind.REGULAR: "Sinh hoạt chi bộ định kỳ",
    Meeting.Kind.THEMATIC: "Sinh hoạt chi bộ chuyên đề",
    Meeting.Kind.STUDY: "Hội nghị học tập",
}


def _lines(text: str) -> list[Paragraph]:
    return [Paragraph(line.strip()) for line in text.splitlines() if line.strip()]


def _time(value) -> str:
    return f"{value.hour} giờ {value.minute:02d} phút" if value else "… giờ … phút"


@dataclass
class _Row:
    """One attendance line, from the live roll or from an approved version's snapshot."""

    name: str
    code: str
    status: str
    reason: str
    on_roll: bool


def _as_approved(minutes: Minutes) -> tuple[Meeting, list[_Row]]:
    """The meeting and its attendance as this version shows them: an approved version keeps
    what was approved (its snapshot), a draft shows the meeting as it stands."""
    meeting = minutes.meeting
    snap = minutes.snapshot
    if not snap:
        rows = [
            _Row(
                row.person.full_name,
                row.person.code,
                row.status,
                row.attendance.reason if row.attendance else "",
                row.on_roll,
            )
            for row in selectors.meeting_roll(meeting)
        ]
        return meeting, rows
    meeting = copy(meeting)
    meeting.date = dt.date.fromisoformat(snap["date"])
    meeting.kind = snap["kind"]
    meeting.combined = snap.get("combined", False)
    meeting.place = snap.get("place", "")
    meeting.start_time = (
        dt.time.fromisoformat(snap["start_time"]) if snap.get("start_time") else None
    )
    meeting.end_time = dt.time.fromisoformat(snap["end_time"]) if snap.get("end_time") else None
    rows = [
        _Row(row["name"], row["code"], row["status"], row["reason"], row["on_roll"])
        for row in snap["attendance"]
    ]
    return meeting, rows


def minutes_document(minutes: Minutes) -> PartyDocument:
    """The minutes of a meeting as a PartyDocument, the attendance table inside; an approved
    version prints the meeting as approved and says which version it is."""
    meeting, roll = _as_approved(minutes)
    unit = meeting.unit
    is_cell = unit.kind == Unit.Kind.CELL
    profile = committee_fields(unit, kind="BB", number=str(minutes.number or ""))
    title = KIND_TITLES[meeting.kind]
    if meeting.combined:
        title = "Sinh hoạt chi bộ định kỳ kết hợp chuyên đề"
    summary = f"{title} tháng {meeting.date.month} năm {meeting.date.year}"
    if meeting.kind != Meeting.Kind.REGULAR and meeting.topics.exists():
        summary = f"{title}: {', '.join(topic.title for topic in meeting.topics.all())}"
    summary_counts = {status: 0 for status in Attendance.Status.values}
    for row in roll:
        if row.status:
            summary_counts[row.status] += 1
    guests = list(meeting.guests.all())
    blocks: list[Block] = [
        Heading("I. Thời gian, địa điểm"),
        Paragraph(
            f"Bắt đầu hồi {_time(meeting.start_time)}, ngày {meeting.date:%d/%m/%Y}"
            + (f", tại {meeting.place}." if meeting.place else ".")
        ),
        Heading("II. Thành phần"),
        Paragraph(
            f"Tổng số đảng viên của {unit.name}: {len([r for r in roll if r.on_roll])} đồng chí; "
            f"có mặt: {summary_counts[Attendance.Status.PRESENT]}; "
            f"vắng có lý do: {summary_counts[Attendance.Status.EXCUSED]}; "
            f"vắng không lý do: {summary_counts[Attendance.Status.ABSENT]}."
        ),
        Paragraph(f"Chủ trì: {meeting.chair.full_name if meeting.chair else '…'}."),
        Paragraph(f"Thư ký: {meeting.secretary.full_name if meeting.secretary else '…'}."),
    ]
    if guests:
        blocks.append(Paragraph("Khách mời: " + "; ".join(str(guest) for guest in guests) + "."))
    blocks.append(Heading("III. Nội dung"))
    for topic in meeting.topics.all():
        blocks.append(Paragraph(f"Chuyên đề: {topic.title}.", italic=True))
    if meeting.focus_area_id:
        blocks.append(Paragraph(f"Gắn với: {meeting.focus_area.name}.", italic=True))
    blocks += _lines(minutes.proceedings)
    if meeting.material_items():
        blocks.append(Paragraph("Tài liệu phát: " + "; ".join(meeting.material_items()) + "."))
    blocks.append(Heading("IV. Ý kiến thảo luận"))
    blocks += _lines(minutes.discussion) or [Paragraph("Không có ý kiến khác.")]
    blocks.append(Heading("V. Kết luận"))
    blocks += _lines(minutes.conclusion) or [Paragraph("…")]
    blocks += _lines(minutes.closing)
    blocks.append(
        Table(
            caption="Danh sách tham dự",
            headers=["STT", "Họ và tên", "Mã nhân sự", "Tham dự", "Ghi chú"],
            rows=[
                [
                    index,
                    row.name,
                    row.code,
                    reference.STATUS_LABELS[row.status] if row.status else "",
                    row.reason + ("" if row.on_roll else " (không phải đảng viên)"),
                ]
                for index, row in enumerate(roll, 1)
            ],
            widths=[1, 6, 3, 4, 4],
        )
    )
    if minutes.status == Minutes.Status.DRAFT:
        blocks.append(Paragraph("BẢN DỰ THẢO — chưa thông qua", italic=True, align="center"))
    else:
        approved = f"{minutes.approved_at:%d/%m/%Y}" if minutes.approved_at else ""
        blocks.append(
            Paragraph(
                f"Biên bản bản số {minutes.version}, đã thông qua ngày {approved}.",
                italic=True,
                align="center",
            )
        )
    if minutes.reason:
        blocks.append(
            Paragraph(f"Đính chính bản trước: {minutes.reason}", italic=True, align="center")
        )
    for key in ("signer_on_behalf", "signer_title", "signer_name"):
        profile.pop(key)
    if is_cell:
        profile["recipients"] = None  # kept in the cell's own book of minutes
    return PartyDocument(
        **profile,
        date=meeting.date,
        doc_type="BIÊN BẢN",
        summary=summary,
        blocks=blocks,
        signers=[
            Signer("THƯ KÝ", meeting.secretary.full_name if meeting.secretary else ""),
            Signer("CHỦ TRÌ", meeting.chair.full_name if meeting.chair else ""),
        ],
        title=f"Biên bản {meeting.code} (bản {minutes.version})",
    )


def minutes_filename(minutes: Minutes, extension: str) -> str:
    return f"bien-ban-{minutes.meeting.code}-v{minutes.version}.{extension}"
