"""Printable lists in the party's format: a cell's proposed levels, the committee's decisions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils import timezone

from core import vn
from exporters.party import Block, Paragraph, PartyDocument, Table
from exporters.printouts import Params, Printout, register
from organisation.models import Unit
from organisation.profile import committee_fields

from . import selectors
from .models import LEVEL_ABBREVIATIONS, LEVEL_LABELS_VI, Level


def _label(level: str) -> str:
    return LEVEL_LABELS_VI[Level(level)] if level else ""


def _score(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}".replace(".", ",")


def dated_for(year: int, dates: list[dt.date]) -> dt.date | None:
    """The list's date: the last of `dates` that belongs to rating year `year` (rated in
    December, or decided by early the next year); blank, to be written in, otherwise — a 2019
    list is never dated on the day it is printed years later."""
    fitting = [day for day in dates if day and year <= day.year <= year + 1]
    return max(fitting) if fitting else None


def cell_proposals(cell: Unit, year: int) -> PartyDocument:
    """Danh sách đề nghị xếp loại: the cell's proposed level for each member, and its own."""
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
    blocks: list[Block] = []
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
        **committee_fields(cell, kind="DS"),
        date=dated_for(year, [m.date for m in meetings]),
        doc_type="DANH SÁCH",
        summary=f"đề nghị xếp loại chất lượng đảng viên năm {year}",
        blocks=blocks,
        title=f"Danh sách đề nghị xếp loại {cell.name} {year}",
    )


def committee_decisions(committee: Unit, year: int) -> PartyDocument:
    """Danh sách xếp loại: the committee's decided levels of members and of its cells."""
    ratings = selectors.committee_decisions_for_print(committee, year)
    members = [r for r in ratings if r.person_id]
    units = [r for r in ratings if r.unit_id]
    blocks: list[Block] = [
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
    fields = committee_fields(committee, kind="DS")
    fields["recipients"] = list(dict.fromkeys(["Các chi bộ trực thuộc", *fields["recipients"]]))
    decided = [timezone.localdate(r.decided_at) for r in ratings if r.decided_at]
    return PartyDocument(
        **fields,
        date=dated_for(year, decided),
        doc_type="DANH SÁCH",
        summary=f"xếp loại chất lượng tổ chức đảng và đảng viên năm {year}",
        blocks=blocks,
        title=f"Danh sách xếp loại {committee.name} {year}",
    )


def _committee_allowed(user: Any, params: Params) -> bool:
    """The decision list: the office that decides, and the inspection commission, of a
    committee they see."""
    from core.policy import has_role
    from core.roles import Role

    from .policies import DECIDE
    from .policies import ratings as rating_policy

    if not (rating_policy.can(user, DECIDE) or has_role(user, Role.INSPECTION)):
        return False
    return any(c.pk == params.get("committee") for c in selectors.committees_visible(user))


def _cell_allowed(user: Any, params: Params) -> bool:
    """A cell's list: whoever reads the cell's ratings (its secretary, the office, the
    inspection commission)."""
    from organisation.policies import units

    from .policies import ratings as rating_policy

    cell = units.queryset_for(user).filter(pk=params.get("cell"), kind=Unit.Kind.CELL).first()
    return cell is not None and rating_policy.can_read_cell(user, cell)


def _unit(params: Params, key: str) -> Unit:
    return Unit.objects.get(pk=params[key])


DECISIONS = register(
    Printout(
        identifier="ratings.decisions",
        allowed=_committee_allowed,
        build=lambda p: committee_decisions(_unit(p, "committee"), p["year"]),
        stem=lambda p: f"quyet-dinh-xep-loai-{_unit(p, 'committee').code}-{p['year']}",
        title=lambda p: f"Danh sách xếp loại {_unit(p, 'committee').name} {p['year']}",
        back=lambda p: reverse("ratings:decide_list", args=[p["year"]]),
    )
)
CELL_PROPOSALS = register(
    Printout(
        identifier="ratings.cell_proposals",
        allowed=_cell_allowed,
        build=lambda p: cell_proposals(_unit(p, "cell"), p["year"]),
        stem=lambda p: f"de-nghi-xep-loai-{_unit(p, 'cell').code}-{p['year']}",
        title=lambda p: f"Danh sách đề nghị xếp loại {_unit(p, 'cell').name} {p['year']}",
        back=lambda p: reverse("ratings:cell_review", args=[p["cell"], p["year"]]),
    )
)
