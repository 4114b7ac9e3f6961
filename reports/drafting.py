"""Drafting the report's text from its figures, phrased the way the party's reports write them.

The drafted text is the starting point of each section: a section nobody has edited follows
the figures (it is re-drafted every time it is read, until the report is frozen); an edited
section keeps what people wrote. Body text is Vietnamese content, not interface text, so it is
written here in Vietnamese; the section titles are interface text and go through gettext.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django.utils.translation import pgettext_lazy

from core import vn
from plans.reporting import breakthrough_section

SECTION_TITLES: dict[str, Any] = {
    "leading": pgettext_lazy("report section", "Leading, directing and briefing"),
    "study": pgettext_lazy("report section", "Study of the topics"),
    "propaganda": pgettext_lazy("report section", "Information and propaganda"),
    "standards": pgettext_lazy("report section", "Standards, personal plans and pledges"),
    "example": pgettext_lazy("report section", "Setting an example, and quality ratings"),
    "mass": pgettext_lazy("report section", "Mass organisations"),
    "inspection": pgettext_lazy("report section", "Inspection and supervision"),
    "breakthrough": pgettext_lazy("report section", "Breakthrough areas"),
    "positive": pgettext_lazy("report section", "Positive changes"),
    "limitations": pgettext_lazy("report section", "Limitations"),
    "causes": pgettext_lazy("report section", "Causes"),
    "directions": pgettext_lazy("report section", "Directions and tasks"),
}
PARTS: list[tuple[str, Any, list[str]]] = [
    (
        "I",
        pgettext_lazy("report section", "RESULTS"),
        [
            "leading",
            "study",
            "propaganda",
            "standards",
            "example",
            "mass",
            "inspection",
            "breakthrough",
        ],
    ),
    (
        "II",
        pgettext_lazy("report section", "OVERALL ASSESSMENT"),
        ["positive", "limitations", "causes"],
    ),
    (
        "III",
        pgettext_lazy("report section", "DIRECTIONS AND TASKS FOR THE YEARS AHEAD"),
        ["directions"],
    ),
]
DOCUMENT_KIND_WORDS = {
    "directive": "Chỉ thị",
    "resolution": "Nghị quyết",
    "conclusion": "Kết luận",
    "plan": "Kế hoạch",
    "guidance": "Hướng dẫn",
    "report": "Báo cáo",
    "decision": "Quyết định",
    "notice": "Thông báo",
    "regulation": "Quy định",
    "other": "văn bản",
}


def phrase_percent(value: float | None) -> str:
    """'100%' when 100; 'trên N%' strictly between N and N+1; 'N%' when whole (interchange.md)."""
    if value is None:
        return ""
    if value == 100:
        return "100%"
    whole = math.floor(value)
    if value == whole:
        return f"{whole}%"
    return f"trên {whole}%"


def phrase_share(part: int, whole: int, noun: str) -> str:
    """'32/32 chi bộ'."""
    return f"{part}/{whole} {noun}"


def number(value: int | float | None) -> str:
    if value is None:
        return "0"
    if isinstance(value, float) and not value.is_integer():
        return vn.format_number(value, 2)
    return vn.format_number(int(value))


def short_date(value: dt.date) -> str:
    """15/5/2016, as the article writes a directive's date."""
    return f"{value.day}/{value.month}/{value.year}"


def issuing_body(committee_name: str) -> str:
    """'Đảng bộ Sở …' → 'Đảng ủy Sở …': the committee's executive issues the report."""
    for prefix in ("Đảng bộ ", "Đảng Bộ "):
        if committee_name.startswith(prefix):
            return "Đảng ủy " + committee_name[len(prefix) :]
    return committee_name


def period_years(start: dt.date, end: dt.date) -> int:
    return max(1, round(((end - start).days + 1) / 365.25))


def directive_phrase(directive: Any, with_summary: bool = True) -> str:
    """'Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị “về …”'."""
    if directive is None:
        return ""
    kind = DOCUMENT_KIND_WORDS.get(directive.kind, "văn bản")
    text = f"{kind} số {directive.number_symbol} ngày {short_date(directive.issued_on)}"
    if directive.issuer:
        text += f" của {directive.issuer}"
    if with_summary and directive.summary:
        text += f" “{directive.summary}”"
    return text


def summary_line(review: Any) -> str:
    """The trích yếu under 'BÁO CÁO': 'sơ kết 4 năm thực hiện Chỉ thị số 05-CT/TW …'."""
    years = period_years(review.period_from, review.period_to)
    what = directive_phrase(review.directive)
    if what:
        return f"{review.kind_word} {years} năm thực hiện {what}"
    return (
        f"{review.kind_word} {years} năm thực hiện nhiệm vụ "
        f"(từ {vn.format_date(review.period_from)} đến {vn.format_date(review.period_to)})"
    )


def _years_text(years: list[dict], render) -> str:
    return "; ".join(f"năm {entry['year']}: {render(entry)}" for entry in years)


def _every_year(years: list[dict], test) -> bool:
    return bool(years) and all(test(entry) for entry in years)


def draft_sections(review: Any, figures: dict[str, Any]) -> dict[str, str]:
    """Every figure-based section's text, drafted from `figures`."""
    years = figures["years"]
    totals = figures["totals"]
    cells_total = figures["cells_total"]
    directive = directive_phrase(review.directive, with_summary=False) or "nhiệm vụ"
    return {
        "leading": _leading(years, totals, cells_total, directive),
        "study": _study(years, figures["topics"], cells_total),
        "propaganda": _propaganda(years, totals, cells_total, directive),
        "standards": _standards(years, totals, cells_total),
        "example": _example(years, totals),
        "mass": _mass(totals),
        "inspection": _inspection(years, totals),
        "breakthrough": breakthrough_section(review.committee, review.period_from, review.period_to)
        or _breakthrough(years, totals, cells_total),
        "positive": _positive(years, totals, cells_total),
    }


def _leading(years, totals, cells_total, directive) -> str:
    briefed = totals["cells_briefed"]
    share = phrase_percent(100 * briefed / cells_total) if cells_total else ""
    lines = []
    if totals["committee_conferences"]:
        lines.append(
            f"Đảng ủy đã tổ chức {totals['committee_conferences']} hội nghị quán triệt, "
            f"triển khai thực hiện {directive} đến cán bộ, đảng viên trong toàn Đảng bộ."
        )
    if share == "100%":
        lines.append(
            f"100% các chi bộ ({phrase_share(briefed, cells_total, 'chi bộ')}) đã tổ chức "
            "quán triệt, phổ biến đến toàn thể đảng viên, công chức, viên chức và người lao động "
            "của đơn vị."
        )
    elif cells_total:
        lines.append(
            f"{phrase_share(briefed, cells_total, 'chi bộ')} ({share} các chi bộ) đã tổ chức "
            "quán triệt, phổ biến đến đảng viên, công chức, viên chức và người lao động."
        )
    if totals["documents_issued"] or totals["document_deliveries"]:
        lines.append(
            f"Đảng ủy đã ban hành {totals['documents_issued']} văn bản lãnh đạo, chỉ đạo, "
            f"hướng dẫn và gửi {totals['document_deliveries']} lượt văn bản đến các chi bộ."
        )
    lines.append(
        "Số chi bộ quán triệt, học tập theo năm: "
        + _years_text(
            years, lambda e: phrase_share(e["briefing"]["cells_held"], cells_total, "chi bộ")
        )
        + "."
    )
    return "\n".join(lines)


def _study(years, topics, cells_total) -> str:
    lines = []
    for topic in topics:
        kind = "toàn khóa" if topic["kind"] == "term" else "năm"
        lines.append(
            f"Chuyên đề {kind} “{topic['title']}”: "
            f"{phrase_share(topic['cells'], cells_total, 'chi bộ')} "
            f"đã tổ chức học tập, với {topic['meetings']} buổi sinh hoạt, học tập"
            + (
                f"; đến ngày {vn.format_date(dt.date.fromisoformat(topic['all_cells_by']))} "
                "tất cả các chi bộ đã học tập."
                if topic.get("all_cells_by")
                else "."
            )
        )
    if _every_year(
        years, lambda e: cells_total and e["thematic_meetings"]["cells_held"] == cells_total
    ):
        lines.append(
            f"Hằng năm, {phrase_share(cells_total, cells_total, 'chi bộ')} tổ chức sinh hoạt "
            "chuyên đề."
        )
    else:
        lines.append(
            "Số chi bộ tổ chức sinh hoạt chuyên đề: "
            + _years_text(
                years,
                lambda e: phrase_share(e["thematic_meetings"]["cells_held"], cells_total, "chi bộ"),
            )
            + "."
        )
    meetings = sum(e["thematic_meetings"]["meetings"] for e in years)
    lines.append(f"Toàn Đảng bộ đã tổ chức {number(meetings)} buổi sinh hoạt chuyên đề.")
    return "\n".join(lines)


def _propaganda(years, totals, cells_total, directive) -> str:
    lines = [
        f"Các chi bộ đã tổ chức tuyên truyền {directive} tới cán bộ, đảng viên, công chức, viên "
        "chức và người lao động trong đơn vị, lồng ghép trong "
        f"{number(totals['regular_meetings'])} buổi sinh hoạt định kỳ và "
        f"{number(totals['study_sessions'])} buổi học tập, trao đổi."
    ]
    if totals["attendance_percent"] is not None:
        lines.append(
            "Tỷ lệ đảng viên dự sinh hoạt bình quân đạt "
            f"{phrase_percent(totals['attendance_percent'])}."
        )
    if totals["document_deliveries"]:
        reached = max((e["documents"]["cells_reached"] for e in years), default=0)
        lines.append(
            f"Tài liệu, văn bản được chuyển đến {phrase_share(reached, cells_total, 'chi bộ')} "
            f"({number(totals['document_deliveries'])} lượt)."
        )
    return "\n".join(lines)


def _standards(years, totals, cells_total) -> str:
    lines = []
    common = [e["year"] for e in years if e["standards"]["common"]]
    if common:
        lines.append(
            "Đảng ủy đã ban hành chuẩn mực chung đối với cán bộ, đảng viên (năm "
            + ", ".join(str(year) for year in common)
            + ")."
        )
    specific = totals["cells_with_specific_standards_max"]
    if specific:
        lines.append(
            f"{phrase_share(specific, cells_total, 'chi bộ')} đã xây dựng tiêu chí, chuẩn mực "
            "riêng phù hợp với đơn vị."
        )
    if _every_year(years, lambda e: e["pledges"]["percent"] == 100):
        lines.append(
            "Hằng năm, 100% đảng viên đăng ký bản cam kết tu dưỡng, rèn luyện, học tập và làm "
            "theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."
        )
    else:
        lines.append(
            "Tỷ lệ đảng viên đăng ký bản cam kết: "
            + _years_text(
                years,
                lambda e: (
                    f"{number(e['pledges']['members_pledged'])}/"
                    f"{number(e['members_on_roll'])} đảng viên "
                    f"({phrase_percent(e['pledges']['percent']) or '0%'})"
                ),
            )
            + "."
        )
    if totals["non_members_pledged"]:
        lines.append(
            f"Các tổ chức đoàn thể đã tổ chức cho {number(totals['non_members_pledged'])} lượt "
            "hội viên, đoàn viên, người lao động ngoài Đảng đăng ký thực hiện."
        )
    plans = totals["personal_plans_percent_min"]
    if plans:
        lines.append(
            f"Hằng năm, {phrase_percent(plans)} đảng viên xây dựng kế hoạch cá nhân."
            if plans < 100
            else "Hằng năm, 100% đảng viên xây dựng kế hoạch cá nhân."
        )
    return "\n".join(lines)


def _example(years, totals) -> str:
    rated = [e for e in years if e["ratings"]["members_rated"]]
    lines = []
    if rated:
        good = phrase_percent(totals["good_or_better_percent_min"])
        excellent = phrase_percent(totals["excellent_percent_min"])
        lines.append(
            f"Hằng năm, có {good} đảng viên hoàn thành tốt nhiệm vụ trở lên, trong đó "
            f"{excellent} đảng viên hoàn thành xuất sắc nhiệm vụ."
        )
        for e in rated:
            r = e["ratings"]
            lines.append(
                f"Năm {e['year']}: {number(r['members_rated'])} đảng viên được xếp loại, "
                f"{number(r['excellent'])} hoàn thành xuất sắc, "
                f"{number(r['good'])} hoàn thành tốt, "
                f"{number(r['complete'])} hoàn thành, {number(r['not_complete'])} không hoàn thành "
                "nhiệm vụ."
            )
    commendations = totals["commendations"]
    if totals["commendations_total"]:
        lines.append(
            f"Trong giai đoạn, {number(totals['commendations_total'])} lượt tập thể, cá nhân "
            f"được khen thưởng: {number(sum(commendations['collective'].values()))} tập thể, "
            f"{number(sum(commendations['members'].values()))} đảng viên và "
            f"{number(sum(commendations['non_members'].values()))} quần chúng; trong đó "
            f"{number(sum(group['higher'] for group in commendations.values()))} lượt được cấp "
            "trên khen thưởng."
        )
    return "\n".join(lines)


def _mass(totals) -> str:
    if not totals["activities"]:
        return "Các tổ chức đoàn thể chưa ghi nhận hoạt động nào trong giai đoạn."
    parts = []
    for entry in totals["activities"]:
        text = f"{number(entry['count'])} hoạt động {entry['kind'].lower()}"
        details = []
        if entry["participants"]:
            details.append(f"{number(entry['participants'])} lượt người tham gia")
        if entry["quantity"] and entry["unit"]:
            details.append(f"{number(entry['quantity'])} {entry['unit']}")
        if details:
            text += f" ({', '.join(details)})"
        parts.append(text)
    return (
        "Các tổ chức đoàn thể đã triển khai việc học tập và làm theo đến hội viên, đoàn viên; "
        f"trong giai đoạn đã tổ chức {number(totals['activities_count'])} hoạt động thiết thực: "
        + "; ".join(parts)
        + "."
    )


def _inspection(years, totals) -> str:
    figures = totals["inspections"]
    lines = [
        f"Hằng năm, Đảng ủy xây dựng kế hoạch kiểm tra, giám sát; trong giai đoạn đã tiến hành "
        f"{number(figures['planned'])} cuộc kiểm tra, giám sát, {number(figures['concluded'])} "
        "cuộc đã có kết luận."
    ]
    lines.append(
        f"Đã hoàn thành {number(figures['remediations_done'])} nhiệm vụ khắc phục sau kiểm tra, "
        f"giám sát; còn {number(figures['remediations_open'])} nhiệm vụ đang thực hiện"
        + (
            f", trong đó {number(figures['remediations_late'])} nhiệm vụ quá hạn."
            if figures["remediations_late"]
            else "."
        )
    )
    return "\n".join(lines)


def _breakthrough(years, totals, cells_total) -> str:
    specific = totals["cells_with_specific_standards_max"]
    text = (
        "Đảng ủy xác định nội dung đột phá là kết hợp học tập và làm theo tư tưởng, đạo đức, "
        "phong cách Hồ Chí Minh với thực hành dân chủ cơ sở, phòng chống tham nhũng, lãng phí, "
        "xây dựng văn hóa công sở và văn hóa ứng xử trong cán bộ, đảng viên."
    )
    if specific:
        text += (
            f" {phrase_share(specific, cells_total, 'chi bộ')} đã cụ thể hóa nội dung này "
            "thành chuẩn mực riêng của đơn vị."
        )
    return text


def _positive(years, totals, cells_total) -> str:
    points = []
    if cells_total and totals["cells_thematic_every_year"] == cells_total:
        points.append("sinh hoạt chuyên đề được duy trì đều đặn ở tất cả các chi bộ")
    if _every_year(years, lambda e: e["pledges"]["percent"] == 100):
        points.append("toàn bộ đảng viên đăng ký bản cam kết hằng năm")
    if totals["good_or_better_percent_min"] is not None:
        points.append(
            f"tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên hằng năm đạt "
            f"{phrase_percent(totals['good_or_better_percent_min'])}"
        )
    if totals["activities_count"]:
        points.append(
            f"các đoàn thể tổ chức {number(totals['activities_count'])} hoạt động thiết thực"
        )
    text = (
        "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh đã trở thành nội "
        "dung thường xuyên trong sinh hoạt của các chi bộ"
    )
    if points:
        text += ": " + "; ".join(points)
    return text + "."
