"""The report as a news item in the style of the source article: title, lead, figures in prose."""

from __future__ import annotations

from typing import Any

from .content import ReportContent
from .models import Review
from .phrasing import directive_phrase, issuing_body, period_years


def news_draft(review: Review, content: ReportContent) -> dict[str, str]:
    """Title, lead, body (plain text, paragraphs split by blank lines), author, source."""
    figures = content.figures
    body_name = issuing_body(figures["committee"]["name"])
    years = period_years(review.period_from, review.period_to)
    directive = directive_phrase(review.directive)
    short = directive_phrase(review.directive, with_summary=False)
    title = f"{body_name} {review.kind_word} {years} năm thực hiện {directive or 'nhiệm vụ'}"
    lead = (
        f"Sau {years} năm thực hiện {directive or 'nhiệm vụ'}, {body_name} đã đạt được nhiều "
        "kết quả, được ghi nhận bằng những con số cụ thể từ hồ sơ của các chi bộ."
    )
    paragraphs = [
        f"Theo báo cáo số {review.number_symbol} của {body_name}, "
        f"{content.text('leading').splitlines()[0] if content.text('leading') else ''}".strip(),
        *[content.text(key) for key in ("study", "standards", "example", "mass", "inspection")],
        content.text("positive"),
    ]
    if content.text("directions"):
        paragraphs.append(
            "Bên cạnh những kết quả đạt được, Đảng ủy cũng chỉ ra một số hạn chế và đề ra các "
            f"phương hướng, nhiệm vụ trọng tâm để việc thực hiện {short or 'nhiệm vụ'} trở thành "
            "việc làm thường xuyên của các chi bộ, các tổ chức đoàn thể và mỗi cán bộ, đảng viên."
        )
    body = "\n\n".join(paragraph.replace("\n", "\n\n") for paragraph in paragraphs if paragraph)
    return {
        "title": title[:255],
        "lead": lead,
        "body": body,
        "author": "",
        "source": body_name,
    }


def origin_of(review: Review) -> str:
    return f"report:{review.pk}"


def key_figures(content: ReportContent) -> dict[str, Any]:
    """The figures the news item quotes, for tests and the publish confirmation."""
    totals = content.figures["totals"]
    return {
        "cells_briefed": totals["cells_briefed"],
        "cells_total": content.figures["cells_total"],
        "good_or_better_percent_min": totals["good_or_better_percent_min"],
        "excellent_percent_min": totals["excellent_percent_min"],
    }
