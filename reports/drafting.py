"""Drafting the report's text from its figures, phrased the way the party's reports write them.

Every drafted sentence states a figure (and changes when it does); what only people can say —
the breakthrough chosen, limitations, causes, lessons, directions, proposals — is written by
them, and a draft whose such section is empty is flagged and cannot be frozen. A section
nobody has edited follows the figures until the report is frozen. Body text is Vietnamese
content, so it is written here in Vietnamese; section titles go through gettext.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import pgettext_lazy

from plans.reporting import breakthrough_section

from .phrasing import (
    capitalised,
    date_text,
    directive_phrase,
    directive_short,
    grouped,
    join,
    number,
    period_years,
    phrase_percent,
    phrase_ratio,
    years_label,
)
from .situation import situation

SECTION_TITLES: dict[str, Any] = {
    "situation": pgettext_lazy("report section", "Situation"),
    "leading": pgettext_lazy("report section", "Leading, directing and briefing"),
    "study": pgettext_lazy("report section", "Study of the topics"),
    "propaganda": pgettext_lazy("report section", "Information and propaganda"),
    "standards": pgettext_lazy("report section", "Standards, personal plans and pledges"),
    "example": pgettext_lazy("report section", "Setting an example, and quality ratings"),
    "mass": pgettext_lazy("report section", "Mass organisations"),
    "inspection": pgettext_lazy("report section", "Inspection and supervision"),
    "breakthrough": pgettext_lazy("report section", "Breakthrough areas"),
    "positive": pgettext_lazy("report section", "Changes brought about"),
    "limitations": pgettext_lazy("report section", "Limitations"),
    "causes": pgettext_lazy("report section", "Causes"),
    "lessons": pgettext_lazy("report section", "Lessons learnt"),
    "directions": pgettext_lazy("report section", "Directions and tasks"),
    "proposals": pgettext_lazy("report section", "Proposals and recommendations"),
}
PARTS: list[tuple[str, Any, list[str]]] = [
    ("I", pgettext_lazy("report section", "SITUATION"), ["situation"]),
    (
        "II",
        pgettext_lazy("report section", "RESULTS"),
        ["leading", "study", "propaganda", "standards", "example", "mass", "inspection"]
        + ["breakthrough"],
    ),
    (
        "III",
        pgettext_lazy("report section", "OVERALL ASSESSMENT"),
        ["positive", "limitations", "causes"],
    ),
    ("IV", pgettext_lazy("report section", "LESSONS LEARNT"), ["lessons"]),
    (
        "V",
        pgettext_lazy("report section", "DIRECTIONS AND TASKS FOR THE YEARS AHEAD"),
        ["directions"],
    ),
    ("VI", pgettext_lazy("report section", "PROPOSALS AND RECOMMENDATIONS"), ["proposals"]),
]


def summary_line(review: Any) -> str:
    """The trích yếu under 'BÁO CÁO': 'sơ kết 4 năm thực hiện Chỉ thị số 05-CT/TW …'."""
    years = period_years(review.period_from, review.period_to)
    what = directive_phrase(review.directive)
    if what:
        return f"{review.kind_word} {years} năm thực hiện {what}"
    return (
        f"{review.kind_word} kết quả thực hiện nhiệm vụ từ ngày {date_text(review.period_from)} "
        f"đến ngày {date_text(review.period_to)}"
    )


def draft_sections(review: Any, figures: dict[str, Any]) -> dict[str, str]:
    """Every figure-based section's text, drafted from `figures`."""
    years = figures["years"]
    totals = figures["totals"]
    directive = directive_short(review.directive)
    drafted = {
        "situation": situation(figures, review.period_to),
        "leading": _leading(years, totals, totals["cells_in_period"], directive),
        "study": _study(years, figures["topics"], totals["cells_in_period"]),
        "propaganda": _propaganda(years, totals, directive),
        "standards": _standards(years, totals),
        "example": _example(years, totals),
        "mass": _mass(totals),
        "inspection": _inspection(years, totals),
        "positive": _positive(years, totals),
    }
    # With a plan for the period, its breakthrough areas and their records draft the section.
    planned = breakthrough_section(review.committee, review.period_from, review.period_to)
    if planned:
        drafted["breakthrough"] = planned
    return {key: capitalised(text) for key, text in drafted.items()}


def _share(entry: dict, held: int) -> str:
    return f"{held}/{entry['cells_total']}"


def _by_year(years: list[dict], value, what: str) -> str:
    """'32/32 chi bộ trong các năm 2016–2019, 30/32 chi bộ năm 2020' — equal years together."""
    parts = [f"{shown} {what} trong {years_label(group)}" for group, shown in grouped(years, value)]
    return join(parts)


def _leading(years, totals, cells_total, directive) -> str:
    what = directive or "các nhiệm vụ của giai đoạn"
    lines = []
    if totals["committee_conferences"]:
        lines.append(
            f"{number(totals['committee_conferences'])} hội nghị quán triệt, triển khai {what} "
            "đã được Đảng ủy tổ chức cho cán bộ, đảng viên toàn Đảng bộ."
        )
    briefed = totals["cells_briefed"]
    if briefed and cells_total:
        lines.append(
            f"{briefed}/{cells_total} chi bộ ({phrase_ratio(briefed, cells_total)} số chi bộ) "
            f"đã quán triệt, phổ biến {what} đến đảng viên trong sinh hoạt chi bộ."
        )
        held = [e for e in years if e["briefing"]["cells_held"]]
        if len(held) > 1:
            lines.append(
                "Theo từng năm, số chi bộ quán triệt, học tập là "
                + _by_year(held, lambda e: _share(e, e["briefing"]["cells_held"]), "chi bộ")
                + "."
            )
    if totals["documents_issued"]:
        text = f"Đảng ủy ban hành {number(totals['documents_issued'])} văn bản lãnh đạo, chỉ đạo"
        if totals["document_deliveries"]:
            text += (
                f"; {number(totals['document_deliveries'])} lượt văn bản được chuyển đến các chi bộ"
            )
        lines.append(text + ".")
    if not lines:
        lines.append("Hồ sơ chưa ghi nhận hội nghị quán triệt hay văn bản chỉ đạo nào.")
    return "\n".join(lines)


def _topic_year(topic) -> int:
    return min((int(year) for year, entry in topic["years"].items() if entry["cells"]), default=0)


def _study(years, topics, total: int) -> str:
    lines = []
    studied = [topic for topic in topics if topic["cells"]]
    for topic in (t for t in studied if t["kind"] == "term"):
        text = (
            f"Chuyên đề toàn khóa “{topic['title']}” được {topic['cells']}/{total} chi bộ học "
            f"tập qua {number(topic['meetings'])} buổi sinh hoạt"
        )
        if topic.get("all_cells_by"):
            text += f"; chi bộ cuối cùng học xong ngày {date_text(topic['all_cells_by'])}"
        lines.append(text + ".")
    annual = [t for t in studied if t["kind"] != "term"]
    if annual:
        cells = sorted({t["cells"] for t in annual})
        reached = (
            f"đủ {total}/{total} chi bộ"
            if cells == [total]
            else (f"từ {cells[0]} đến {cells[-1]} trong số {total} chi bộ")
        )
        titles = "; ".join(f"năm {_topic_year(t)}: “{t['title']}”" for t in annual)
        lines.append(
            f"{len(annual)} chuyên đề hằng năm ({titles}) đều được {reached} học tập, với "
            f"{number(sum(t['meetings'] for t in annual))} buổi sinh hoạt."
            if len(annual) > 1
            else f"Chuyên đề năm {_topic_year(annual[0])} “{annual[0]['title']}” được "
            f"{annual[0]['cells']}/{total} chi bộ học tập qua {number(annual[0]['meetings'])} "
            "buổi sinh hoạt."
        )
    thematic = [e for e in years if e["thematic_meetings"]["meetings"]]
    meetings = sum(e["thematic_meetings"]["meetings"] for e in years)
    if thematic:
        lines.append(
            f"Về sinh hoạt chuyên đề, {number(meetings)} buổi đã được tổ chức, với "
            + _by_year(
                thematic, lambda e: _share(e, e["thematic_meetings"]["cells_held"]), "chi bộ"
            )
            + " có sinh hoạt chuyên đề."
        )
    if not lines:
        lines.append("Hồ sơ chưa ghi nhận buổi học tập chuyên đề hay sinh hoạt chuyên đề nào.")
    return "\n".join(lines)


def _propaganda(years, totals, directive) -> str:
    lines = []
    regular, sessions = totals["regular_meetings"], totals["study_sessions"]
    if regular or sessions:
        counts = join(
            [
                f"{number(regular)} buổi sinh hoạt chi bộ định kỳ" if regular else "",
                f"{number(sessions)} buổi học tập, trao đổi" if sessions else "",
            ]
        )
        lines.append(
            f"Nội dung {directive or 'học tập và làm theo'} được lồng ghép trong {counts}."
        )
    present = sum(e.get("attendance", {}).get("present", 0) for e in years)
    attended = sum(e.get("attendance", {}).get("total", 0) for e in years)
    if attended:
        lines.append(
            f"Đảng viên dự sinh hoạt đạt {phrase_ratio(present, attended)} "
            f"({number(present)}/{number(attended)} lượt)."
        )
    reached = max((e["documents"]["cells_reached"] for e in years), default=0)
    if totals["document_deliveries"] and reached:
        lines.append(f"Tài liệu tuyên truyền đã đến {reached} chi bộ.")
    if not lines:
        lines.append("Hồ sơ chưa ghi nhận buổi sinh hoạt, học tập nào để tuyên truyền.")
    return "\n".join(lines)


def _standards(years, totals) -> str:
    lines = []
    common = [e["year"] for e in years if e["standards"]["common"]]
    if common:
        lines.append(
            f"Chuẩn mực chung đối với cán bộ, đảng viên được Đảng ủy ban hành cho "
            f"{years_label(common)}."
        )
    specific = totals["cells_with_specific_standards_max"]
    if specific:
        lines.append(f"{specific} chi bộ đã xây dựng tiêu chí, chuẩn mực riêng của đơn vị.")
    pledged = [e for e in years if e["pledges"]["members_pledged"]]
    if pledged:
        parts = [
            f"{share} trong {years_label(group)}"
            for group, share in grouped(pledged, lambda e: phrase_percent(e["pledges"]["percent"]))
        ]
        lines.append(
            "Bản cam kết tu dưỡng, rèn luyện được đảng viên đăng ký đạt " + join(parts) + "."
        )
    if totals["non_members_pledged"]:
        lines.append(
            f"Ngoài Đảng, {number(totals['non_members_pledged'])} lượt quần chúng là hội viên, "
            "đoàn viên cũng đăng ký thực hiện."
        )
    plans = totals["personal_plans_percent_min"]
    if plans:
        lines.append(
            "Tỷ lệ đảng viên xây dựng kế hoạch cá nhân, ở năm thấp nhất, đạt "
            f"{phrase_percent(plans)}."
        )
    if not lines:
        lines.append("Hồ sơ chưa ghi nhận chuẩn mực, bản cam kết hay kế hoạch cá nhân nào.")
    return "\n".join(lines)


def _good(entry) -> tuple[int, int]:
    ratings = entry["ratings"]
    return ratings["excellent"] + ratings["good"], ratings["members_rated"]


def _excellent(entry) -> tuple[int, int]:
    return entry["ratings"]["excellent"], entry["ratings"]["members_rated"]


def _range(rated, counts) -> str:
    """'trên 15% mỗi năm', or 'từ trên 15% (năm 2017) đến trên 16% (năm 2016)'."""
    low = min(rated, key=lambda e: counts(e)[0] / counts(e)[1])
    high = max(rated, key=lambda e: counts(e)[0] / counts(e)[1])
    if phrase_ratio(*counts(low)) == phrase_ratio(*counts(high)):
        return f"{phrase_ratio(*counts(low))} mỗi năm"
    return (
        f"từ {phrase_ratio(*counts(low))} (năm {low['year']}) đến "
        f"{phrase_ratio(*counts(high))} (năm {high['year']})"
    )


def _example(years, totals) -> str:
    rated = [e for e in years if e["ratings"]["members_rated"]]
    lines = []
    if rated:
        shares = [phrase_ratio(*_good(e)) for e in rated]
        if len(set(shares)) == 1:
            lines.append(
                f"{shares[0]} đảng viên được xếp loại hoàn thành tốt nhiệm vụ trở lên trong "
                f"{years_label([e['year'] for e in rated])}."
            )
        else:
            lines.append(
                "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên qua các năm "
                + _range(rated, _good)
                + "."
            )
        excellent = _range(rated, _excellent)
        lines.append(f"Đảng viên hoàn thành xuất sắc nhiệm vụ chiếm {excellent}.")
        last = rated[-1]["ratings"]
        lines.append(
            f"Riêng năm {rated[-1]['year']}, trong {number(last['members_rated'])} đảng viên "
            f"được xếp loại có {number(last['excellent'])} hoàn thành xuất sắc, "
            f"{number(last['good'])} hoàn thành tốt, {number(last['complete'])} hoàn thành và "
            f"{number(last['not_complete'])} không hoàn thành nhiệm vụ."
        )
    if totals["commendations_total"]:
        commendations = totals["commendations"]
        lines.append(
            f"{number(totals['commendations_total'])} lượt tập thể, cá nhân được khen thưởng "
            f"({number(sum(commendations['collective'].values()))} tập thể, "
            f"{number(sum(commendations['members'].values()))} đảng viên, "
            f"{number(sum(commendations['non_members'].values()))} quần chúng)."
        )
    if not lines:
        lines.append("Hồ sơ chưa ghi nhận kết quả xếp loại hay khen thưởng nào.")
    return "\n".join(lines)


def _mass(totals) -> str:
    if not totals["activities"]:
        return "Hồ sơ chưa ghi nhận hoạt động nào của các tổ chức đoàn thể."
    parts = []
    for entry in totals["activities"]:
        text = f"{number(entry['count'])} hoạt động {entry['kind'].lower()}"
        if entry["quantity"] and entry["unit"]:
            text += f" ({number(entry['quantity'])} {entry['unit']})"
        parts.append(text)
    text = f"{number(totals['activities_count'])} hoạt động của các tổ chức đoàn thể"
    if totals["activity_participants"]:
        text += f" thu hút {number(totals['activity_participants'])} lượt người tham gia"
    return text + ", gồm " + join(parts) + "."


def _planned(entry) -> str:
    return f"{entry['inspections']['planned']} cuộc năm {entry['year']}"


def _inspection(years, totals) -> str:
    figures = totals["inspections"]
    if not figures["planned"]:
        return "Hồ sơ chưa ghi nhận cuộc kiểm tra, giám sát nào."
    held = [e for e in years if e["inspections"]["planned"]]
    lines = [
        f"{number(figures['planned'])} cuộc kiểm tra, giám sát đã được tiến hành "
        f"({join([_planned(e) for e in held])}), "
        f"{number(figures['concluded'])} cuộc đã có kết luận."
    ]
    done, still = figures["remediations_done"], figures["remediations_open"]
    if done or still:
        text = f"Sau kiểm tra, giám sát, {number(done)} việc khắc phục đã hoàn thành"
        if still:
            text += f", {number(still)} việc đang thực hiện"
            if figures["remediations_late"]:
                text += f" ({number(figures['remediations_late'])} việc quá hạn)"
        lines.append(text + ".")
    return "\n".join(lines)


def _positive(years, totals) -> str:
    """Chuyển biến: only what the figures show; empty when they show nothing."""
    points = []
    if years and totals["cells_thematic_every_year"] and totals["all_cells_thematic_each_year"]:
        points.append("sinh hoạt chuyên đề được duy trì ở tất cả các chi bộ trong mọi năm")
    if years and all(e["pledges"]["percent"] == 100 for e in years):
        points.append("toàn bộ đảng viên đăng ký bản cam kết hằng năm")
    rated = [e for e in years if e["ratings"]["members_rated"]]
    if rated:
        worst = min(rated, key=lambda e: _good(e)[0] / _good(e)[1])
        points.append(
            f"tỷ lệ hoàn thành tốt nhiệm vụ trở lên không dưới {phrase_ratio(*_good(worst))}"
        )
    if totals["activities_count"]:
        points.append(f"{number(totals['activities_count'])} hoạt động đoàn thể thiết thực")
    if not points:
        return ""
    return "Qua số liệu của giai đoạn, chuyển biến thể hiện ở: " + "; ".join(points) + "."
