import base64

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def png_data_uri(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode()


@register.filter
def svg_data_uri(svg: str) -> str:
    """An SVG as an image source: its ids stay its own, and WeasyPrint draws it faster."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@register.filter
def block_kind(block) -> str:
    return block.__class__.__name__.lower()


@register.filter
def trusted_svg(svg: str) -> str:
    """Charts are drawn by our own code, never from user input, so the SVG is safe to inline."""
    return mark_safe(svg)  # noqa: S308
