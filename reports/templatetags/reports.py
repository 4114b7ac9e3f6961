from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def chart_svg(svg: str) -> str:
    """Charts are drawn by our own code from numbers, never from user text: safe to inline."""
    return mark_safe(svg)  # noqa: S308


@register.filter
def year_entry(years: dict, year: int) -> dict:
    return years.get(str(year), {})
