"""The report as a party document (exporters.party.PartyDocument): body, charts, appendix.

Built from `report_content` only, so Word, PDF and HTML say exactly what the page says.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core import vn
from exporters.party import Block, Heading, Image, Paragraph, PartyDocument, Table
from organisation.profile import committee_fields

from . import charts
from .content import ReportContent
from .drafting import PARTS, summary_line
from .models import Review
from .phrasing import date_text, directive_phrase, issuing_body, number, period_years

Progress = Callable[[int, str], None]


def _pct(value: float | None) -> str:
    return "" if value is None else vn.format_percent(value)


def _paragraphs(text: str) -> list[Block]:
    return [Paragraph(line.strip()) for line in text.splitlines() if line.strip()]


UNWRITTEN = "[Chưa viết — Đảng ủy cần viết phần “{title}” trước khi ký ban hành.]"


def body_blocks(review: Review, content: ReportContent) -> list[Block]:
    body = issuing_body(content.figures["committee"]["name"])
    what = directive_phrase(review.directive)
    period = f"từ ngày {date_text(review.period_from)} đến ngày {date_text(review.period_to)}"
    if what:
        opening = (
            f"Thực hiện {what}, {body} báo cáo kết quả {review.kind_word} "
            f"{period_years(review.period_from, review.period_to)} năm thực hiện ({period}) "
            "như sau:"
        )
    else:
        opening = f"{body} báo cáo kết quả thực hiện nhiệm vụ {period} như sau:"
    blocks: list[Block] = [Paragraph(opening)]
    for numeral, title, keys in PARTS:
        blocks.append(Heading(f"{numeral}. {title}", 1))
        for index, key in enumerate(keys, start=1):
            section = next(s for s in content.sections if s.key == key)
            if len(keys) > 1:
                blocks.append(Heading(f"{index}. {section.title}", 2))
            if section.text:
                blocks.extend(_paragraphs(section.text))
            elif section.written:
                blocks.append(Paragraph(UNWRITTEN.format(title=section.title), italic=True))
    return blocks


def summary_table(figures: dict[str, Any]) -> Table:
    """The committee's figures, one column per year."""
    years = figures["years"]
    total = figures["cells_total"]
    rows = [
        [_("Members on the roll"), *[number(y["members_on_roll"]) for y in years]],
        [_("Cells briefed"), *[f"{y['briefing']['cells_held']}/{total}" for y in years]],
        [
            _("Cells holding thematic meetings"),
            *[f"{y['thematic_meetings']['cells_held']}/{total}" for y in years],
        ],
        [_("Thematic meetings"), *[number(y["thematic_meetings"]["meetings"]) for y in years]],
        [_("Regular meetings"), *[number(y["regular_meetings"]["meetings"]) for y in years]],
        [_("Attendance rate"), *[_pct(y["attendance_percent"]) for y in years]],
        [_("Members pledged"), *[number(y["pledges"]["members_pledged"]) for y in years]],
        [_("Pledge rate"), *[_pct(y["pledges"]["percent"]) for y in years]],
        [_("Non-members pledged"), *[number(y["pledges"]["non_members_pledged"]) for y in years]],
        [_("Members rated"), *[number(y["ratings"]["members_rated"]) for y in years]],
        [_("Excellent"), *[number(y["ratings"]["excellent"]) for y in years]],
        [_("Good"), *[number(y["ratings"]["good"]) for y in years]],
        [_("Complete"), *[number(y["ratings"]["complete"]) for y in years]],
        [_("Not complete"), *[number(y["ratings"]["not_complete"]) for y in years]],
        [_("Good or better"), *[_pct(y["ratings"]["good_or_better_percent"]) for y in years]],
        [_("Excellent share"), *[_pct(y["ratings"]["excellent_percent"]) for y in years]],
        [
            _("Activities"),
            *[number(sum(a["count"] for a in y["activities"])) for y in years],
        ],
        [_("Inspections planned"), *[number(y["inspections"]["planned"]) for y in years]],
        [_("Inspections concluded"), *[number(y["inspections"]["concluded"]) for y in years]],
        [_("Remediations done"), *[number(y["inspections"]["remediations_done"]) for y in years]],
        [_("Remediations open"), *[number(y["inspections"]["remediations_open"]) for y in years]],
        [_("Remediations late"), *[number(y["inspections"]["remediations_late"]) for y in years]],
    ]
    return Table(
        [_("Figure"), *[str(y["year"]) for y in years]],
        rows,
        caption=_("Figures of the committee, per year"),
        widths=[4, *[1.4] * len(years)],
    )


def cell_groups(review: Review | None, figures: dict[str, Any]) -> list[tuple[str, list[int]]]:
    """The figures' cells by the unit right above them (a grassroots committee of a
    province), in tree order: the appendix prints one table per unit and year, so that no
    table grows with the number of cells. Cells directly under the committee: one group."""
    cells = figures["cells"]
    parents: dict[str, tuple[int | None, str]] = {}
    if review is not None and review.committee_id:
        from organisation.models import Unit

        rows = Unit.objects.filter(
            path__startswith=review.committee.path, kind=Unit.Kind.CELL
        ).values_list("code", "parent_id", "parent__name")
        parents = {code: (parent, name) for code, parent, name in rows}
    groups: dict[int | None, tuple[str, list[int]]] = {}
    for index, cell in enumerate(cells):
        parent, name = parents.get(cell["code"], (None, ""))
        if review is None or parent == review.committee_id:
            parent, name = None, ""
        groups.setdefault(parent, (name, []))[1].append(index)
    return list(groups.values())


def cell_table(
    figures: dict[str, Any], index: int, cells: list[int] | None = None, unit: str = ""
) -> Table:
    """One year of the appendix: a row per cell (of one unit, when given)."""
    year = figures["years"][index]["year"]
    rows = []
    chosen = figures["cells"] if cells is None else [figures["cells"][i] for i in cells]
    for cell in chosen:
        entry = cell["years"][index]
        ratings = entry["ratings"]
        rows.append(
            [
                cell["name"],
                number(entry["members_on_roll"]),
                _("yes") if entry["briefed"] else _("no"),
                number(entry["thematic_meetings"]),
                number(entry["regular_meetings"]),
                _pct(entry["attendance_percent"]),
                number(entry["members_pledged"]),
                number(ratings["excellent"]),
                number(ratings["good"]),
                number(ratings["complete"]),
                number(ratings["not_complete"]),
            ]
        )
    caption = (
        _("Cells of %(unit)s in %(year)s") % {"unit": unit, "year": year}
        if unit
        else _("Cells in %(year)s") % {"year": year}
    )
    return Table(
        [
            _("Cell"),
            _("Members"),
            _("Briefed"),
            _("Thematic"),
            _("Regular meetings"),
            _("Attendance rate"),
            _("Pledged"),
            _("HTXS"),
            _("HTT"),
            _("HT"),
            _("KHT"),
        ],
        rows,
        caption=caption,
        widths=[4, 1.3, 1.2, 1.3, 1.3, 1.6, 1.3, 1.2, 1.2, 1.2, 1.2],
    )


def appendix_reference(review: Review) -> str:
    """'(Kèm theo Báo cáo số 15-BC/ĐU ngày 30/6/2020 của Đảng ủy …)', blanks while a draft."""
    number = review.number_symbol.strip() if review.number_symbol else ""
    number = number if number and not number.startswith("-") else "…"
    day = date_text(review.issued_on) if review.issued_on else "…"
    body = issuing_body(review.committee.name)
    return f"(Kèm theo Báo cáo số {number} ngày {day} của {body})"


def appendix_blocks(
    content: ReportContent, *, review: Review | None = None, charts_as: str = "both"
) -> list[Block]:
    """Summary table, charts (PNG for Word, SVG for PDF and HTML) and the per-cell tables."""
    figures = content.figures
    blocks: list[Block] = [Paragraph(pgettext("report section", "APPENDIX"), True, align="center")]
    if review is not None:
        blocks.append(Paragraph(appendix_reference(review), italic=True, align="center"))
    blocks.append(summary_table(figures))
    if charts_as:
        titles = charts.chart_titles()
        for name in charts.CHARTS:
            title = titles[name]
            blocks.append(
                Image(
                    png=charts.draw(figures, name, "png") if charts_as != "svg" else b"",
                    svg=charts.draw(figures, name, "svg") if charts_as != "png" else "",
                    caption=title,
                    width_cm=charts.WIDTH_CM,
                )
            )
    for unit, cells in cell_groups(review, figures):
        for index in range(len(figures["years"])):
            blocks.append(cell_table(figures, index, cells, unit))
    return blocks


def party_document(
    review: Review,
    content: ReportContent,
    progress: Progress | None = None,
    charts_as: str = "both",
) -> PartyDocument:
    """The report in the party's format, in Vietnamese whatever the viewer's language."""
    progress = progress or (lambda percent, step: None)
    with translation.override("vi"):
        body = body_blocks(review, content)
        progress(40, _("Text drafted"))
        appendix = appendix_blocks(content, review=review, charts_as=charts_as)
        progress(70, _("Charts and tables drawn"))
        profile = committee_fields(review.committee, kind="BC", number=review.number_symbol)
        recipients = [line.strip() for line in (review.recipients or "").splitlines()]
        recipients = [line for line in recipients if line and line != "Lưu VP"]
        profile.update(
            place=review.place or profile["place"],
            signer_name=review.signer_name or profile["signer_name"],
            signer_title=review.signer_title or profile["signer_title"],
            signer_on_behalf=review.signer_on_behalf,
            recipients=recipients or profile["recipients"],
        )
        return PartyDocument(
            **profile,
            date=review.issued_on,
            doc_type="Báo cáo",
            summary=summary_line(review),
            blocks=body,
            title=f"Báo cáo {summary_line(review)}",
            appendix=appendix,
        )
