import base64

from django import template

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
