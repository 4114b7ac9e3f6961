import base64

from django import template

register = template.Library()


@register.filter
def png_data_uri(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode()


@register.filter
def svg_data_uri(svg: str) -> str:
    """An SVG as an image source: its ids stay its own, and WeasyPrint draws it faster.

    Its text takes the document's serif, so the PDF holds one typeface."""
    from exporters.fonts import FAMILY, font_dir

    if font_dir() is not None:
        svg = svg.replace("font-family: 'DejaVu Sans'", f"font-family: '{FAMILY}'")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@register.filter
def block_kind(block) -> str:
    return block.__class__.__name__.lower()


@register.filter
def column_percents(table) -> list[str]:
    """The table's column widths for a <colgroup>, in percent."""
    from exporters.party import column_widths

    return [f"{share * 100:.2f}%" for share in column_widths(table)]


@register.filter
def table_size(table) -> str:
    from exporters.party import table_font_size

    return f"{table_font_size(table):g}pt"
