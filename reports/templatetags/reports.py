from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import template
from django.utils.safestring import mark_safe

if TYPE_CHECKING:
    from reports.selectors import Drill

register = template.Library()


@register.filter
def chart_svg(svg: str) -> str:
    """Charts are drawn by our own code from numbers, never from user text: safe to inline."""
    return mark_safe(svg)  # noqa: S308


@register.filter
def year_entry(years: dict, year: int) -> dict:
    return years.get(str(year), {})


@register.filter
def drill_row(record: Any, drill: Drill) -> list[tuple[Any, bool]]:
    """One record of a drill-down list: each column's value, and whether it is a number."""
    return [(column.value(record), column.numeric) for column in drill.columns]
