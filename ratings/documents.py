"""Printable lists in the party's format: a cell's proposed levels, the committee's decisions."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.utils import timezone

from core import vn
from exporters.party import Paragraph, PartyDocument, Table, render_docx, render_pdf
from exporters.registry import DOCX, PDF
from organisation.models import Unit
from organisation.selectors import committee_of

from . import selectors
from .models import LEVEL_ABBREVIATIONS, LEVEL_LABELS_VI, Level


def _label(level: str) -> str:
    return LEVEL_LABELS_VI[level] if level else ""


def _score(value) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}".replace(".", ",")


def cell_proposals(cell: Unit, year: int) -> PartyDocument:
    """Danh sách đề nghị xếp loại: the cell's proposed level for each member, and its own."""
    committee = committee_of(cell)
    ratings = selectors.cell_ratings_for_print(cell, year)
    meetings = sorted(
        {r.proposal_meeting for r in ratings if r.proposal_meeting}, key=lambda m: m.date
    )
    rows = [
        [
            index,
            rating.person.full_name,
            _score(rating.self_score),
            _label(rating.self_level),
            _label(rating.proposed_level),
            rating.proposal_note,
        ]
        for index, rating in enumerate(ratings, start=1)
    ]
    blocks = []
    if meetings:
        blocks.append(
            Paragraph(
                "Căn cứ kết quả kiểm điểm, đánh giá tại "
                + ", ".join(f"buổi sinh hoạt chi bộ ngày {m.date:%d/%m/%Y}" for m in meetings)
                + ", Chi bộ đề nghị Đảng ủy xem xét, xếp loại chất lượng đảng viên "
                + f"năm {year} như sau:"
            )
        )
    blocks.append(
        Table(
            ["STT", "Họ và tên", "Điểm tự chấm", "Tự nhận mức", "Chi bộ đề nghị", "Ghi chú"],
            rows,
            widths=[0.6, 3, 1.2, 2.5, 2.5, 2],
        )
    )
    total = len(ratings)
    proposed = [r.proposed_level for r in ratings if r.proposed_level]
    summary = ", ".join(
        f"{LEVEL_ABBREVIATIONS[level]}: {proposed.count(level)}" for level in LEVEL_ABBREVIATIONS
    )
    blocks.append(Paragraph(f"Tổng số: {total} đảng viên; đề nghị {summary}."))
    return PartyDocument(
        superior_body=committee.name.upper() if committee else "",
        issuing_body=f"CHI BỘ {cell.name.upper().removeprefix('CHI BỘ ').strip()}",
        number_symbol="    -DS/CB",
        place=cell.place or (committee.place if committee else ""),
        date=timezone.localdate(),
        doc_type="DANH SÁCH",
        summary=f"đề nghị xếp loại chất lượng đảng viên năm {year}",
        blocks=blocks,
        signer_on_behalf="T/M CHI BỘ",
        signer_title="BÍ THƯ",
        recipients=["Đảng ủy"],
        title=f"Danh sách đề nghị xếp loại {cell.name} {year}",
    )


def committee_decisions(committee: Unit, year: int) -> PartyDocument:
    """Danh sách xếp loại: the committee's decided levels of members and of its cells."""
    ratings = selectors.committee_decisions_for_print(committee, year)
    members = [r for r in ratings if r.person_id]
    units = [r for r in ratings if r.unit_id]
    blocks = [
        Paragraph(
            f"Đảng ủy quyết định xếp loại chất lượng tổ chức đảng và đảng viên năm {year} như sau:"
        ),
        Paragraph("I. TỔ CHỨC ĐẢNG", bold=True, align="left"),
        Table(
            ["STT", "Tổ chức đảng", "Mức xếp loại"],
            [[i, r.unit.name, _label(r.level)] for i, r in enumerate(units, start=1)],
            widths=[0.6, 5, 4],
        ),
        Paragraph("II. ĐẢNG VIÊN", bold=True, align="left"),
        Table(
            ["STT", "Họ và tên", "Chi bộ", "Điểm", "Mức xếp loại", "Ghi chú"],
            [
                [
                    i,
                    r.person.full_name,
                    r.cell.name if r.cell else "",
                    _score(r.score),
                    _label(r.level),
                    r.note,
                ]
                for i, r in enumerate(members, start=1)
            ],
            widths=[0.6, 3, 3, 1, 3, 2],
        ),
    ]
    counts = {level: sum(1 for r in members if r.level == level) for level in LEVEL_ABBREVIATIONS}
    rated = len(members)
    if rated:
        good = counts[Level.EXCELLENT] + counts[Level.GOOD]
        levels = ", ".join(f"{LEVEL_ABBREVIATIONS[k]}: {v}" for k, v in counts.items())
        good_share = vn.format_number(good * 100 / rated, 2)
        excellent_share = vn.format_number(counts[Level.EXCELLENT] * 100 / rated, 2)
        blocks.append(
            Paragraph(
                f"Tổng số đảng viên được xếp loại: {rated}; {levels}. "
                f"Hoàn thành tốt nhiệm vụ trở lên: {good_share}%; "
                f"hoàn thành xuất sắc nhiệm vụ: {excellent_share}%."
            )
        )
    return PartyDocument(
        superior_body=committee.superior_body.upper(),
        issuing_body=f"ĐẢNG ỦY {committee.name.upper().removeprefix('ĐẢNG BỘ ').strip()}",
        number_symbol="    -DS/ĐU",
        place=committee.place,
        date=timezone.localdate(),
        doc_type="DANH SÁCH",
        summary=f"xếp loại chất lượng tổ chức đảng và đảng viên năm {year}",
        blocks=blocks,
        recipients=["Các chi bộ trực thuộc"],
        title=f"Danh sách xếp loại {committee.name} {year}",
    )


def respond(document: PartyDocument, fmt: str, stem: str) -> HttpResponse:
    if fmt == "docx":
        content, content_type = render_docx(document), DOCX
    elif fmt == "pdf":
        content, content_type = render_pdf(document), PDF
    else:
        raise Http404
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response
