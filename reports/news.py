"""The report as news: a headline and a lead that say what happened, then a few paragraphs
with the figures that matter. Written from the figures and the committee's own words, never
by pasting the report's lines; the editor edits the draft before publishing it."""

from __future__ import annotations

from typing import Any

from .content import ReportContent
from .models import Review
from .phrasing import (
    date_text,
    directive_phrase,
    directive_short,
    issuing_body,
    join,
    number,
    period_years,
    phrase_percent,
    phrase_ratio,
)


def _headline(review: Review, body_name: str) -> str:
    years = period_years(review.period_from, review.period_to)
    what = directive_short(review.directive).replace(" số ", " ") or "nhiệm vụ"
    return f"{body_name} {review.kind_word} {years} năm thực hiện {what}"


def _lead(review: Review, body_name: str, figures: dict[str, Any]) -> str:
    years = period_years(review.period_from, review.period_to)
    what = directive_phrase(review.directive) or "các nhiệm vụ của giai đoạn"
    number_text = f" số {review.number_symbol}" if review.number_symbol else ""
    when = f"Ngày {date_text(review.issued_on)}, " if review.issued_on else ""
    lead = (
        f"{when}{body_name} ban hành Báo cáo{number_text} {review.kind_word} {years} năm thực "
        f"hiện {what}."
    )
    totals, cells = figures["totals"], figures["totals"]["cells_in_period"]
    if cells and totals["cells_briefed"]:
        lead += (
            f" Theo báo cáo, {totals['cells_briefed']}/{cells} chi bộ đã quán triệt, học tập "
            "trong giai đoạn."
        )
    return lead[0].upper() + lead[1:]


def _figure_paragraphs(figures: dict[str, Any]) -> list[str]:
    years, totals = figures["years"], figures["totals"]
    paragraphs = []
    if figures["cells_total"] and years:
        paragraphs.append(
            f"{figures['committee']['name']} hiện có {number(figures['cells_total'])} chi bộ "
            f"với {number(years[-1]['members_on_roll'])} đảng viên."
        )
    study = []
    if totals["thematic_meetings"]:
        study.append(f"{number(totals['thematic_meetings'])} buổi sinh hoạt chuyên đề")
    if totals["study_sessions"]:
        study.append(f"{number(totals['study_sessions'])} buổi học tập, trao đổi")
    if study:
        paragraphs.append("Các chi bộ đã tổ chức " + join(study) + ".")
    people = []
    pledge = totals["pledge_percent_min"]
    if pledge:
        people.append(f"năm thấp nhất {phrase_percent(pledge)} đảng viên đăng ký bản cam kết")
    rated = [e for e in years if e["ratings"]["members_rated"]]
    if rated:
        last = rated[-1]["ratings"]
        share = phrase_ratio(last["excellent"] + last["good"], last["members_rated"])
        people.append(f"năm {rated[-1]['year']}, {share} đảng viên hoàn thành tốt nhiệm vụ trở lên")
    if people:
        paragraphs.append("Về kết quả rèn luyện, " + "; ".join(people) + ".")
    if totals["activities_count"]:
        text = f"Các tổ chức đoàn thể tổ chức {number(totals['activities_count'])} hoạt động"
        if totals["activity_participants"]:
            text += f" với {number(totals['activity_participants'])} lượt người tham gia"
        paragraphs.append(text + ".")
    inspections = totals["inspections"]
    if inspections["planned"]:
        paragraphs.append(
            f"Đảng ủy tiến hành {number(inspections['planned'])} cuộc kiểm tra, giám sát, "
            f"{number(inspections['concluded'])} cuộc đã có kết luận."
        )
    return paragraphs


def news_draft(review: Review, content: ReportContent) -> dict[str, str]:
    """Title, lead, body (plain text, paragraphs split by blank lines), author, source."""
    figures = content.figures
    body_name = issuing_body(figures["committee"]["name"])
    paragraphs = _figure_paragraphs(figures)
    directions = [
        line.strip(" -–").rstrip(".;") for line in content.text("directions").splitlines()
    ]
    directions = [
        line.split(". ", 1)[-1] if line[:2].rstrip(".").isdigit() else line
        for line in directions
        if line
    ]
    if directions:
        focus = "; ".join(line[0].lower() + line[1:] for line in directions[:3])
        paragraphs.append(f"Thời gian tới, {body_name} tập trung: {focus}.")
    return {
        "title": _headline(review, body_name)[:255],
        "lead": _lead(review, body_name, figures),
        "body": "\n\n".join(paragraphs),
        "author": "",
        "source": body_name,
    }
