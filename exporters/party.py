"""Documents in the party's format (Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW).

Every printable thing — minutes, pledge forms, decision lists, plans, review reports — is
described once as a `PartyDocument` and rendered by `render_docx` or `render_pdf`, so that the
heading, date line, signature block and recipients look the same everywhere.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

FONT = "Times New Roman"
PARTY_HEADING = "ĐẢNG CỘNG SẢN VIỆT NAM"


@dataclass
class Heading:
    text: str
    level: int = 1  # 1: "I. ...", 2: "1. ...", 3: sub-heading


@dataclass
class Paragraph:
    text: str
    bold: bool = False
    italic: bool = False
    align: str = "justify"  # justify, center, left, right


@dataclass
class Table:
    headers: list[str]
    rows: list[list[Any]]
    caption: str = ""
    widths: list[float] | None = None  # relative widths


@dataclass
class Image:
    png: bytes
    caption: str = ""
    width_cm: float = 15.0
    svg: str = ""  # the same chart as SVG, preferred by the PDF


@dataclass
class PageBreak:
    """Starts a new page (appendices, long tables)."""


Block = Heading | Paragraph | Table | Image | PageBreak


@dataclass
class PartyDocument:
    superior_body: str  # ĐẢNG BỘ THÀNH PHỐ HÀ NỘI
    issuing_body: str  # ĐẢNG ỦY SỞ VĂN HÓA VÀ THỂ THAO
    number_symbol: str  # 15-BC/ĐU  (printed as "Số 15-BC/ĐU")
    place: str
    date: dt.date | None
    doc_type: str  # BÁO CÁO, BIÊN BẢN, KẾ HOẠCH ...
    summary: str = ""
    blocks: list[Block] = field(default_factory=list)
    signer_on_behalf: str = "T/M ĐẢNG ỦY"  # blank for a personal signature
    signer_title: str = "BÍ THƯ"
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)
    title: str = ""  # file metadata
    appendix: list[Block] = field(default_factory=list)  # after the signature (phụ lục)

    @property
    def date_line(self) -> str:
        return date_line(self.place, self.date)


def date_line(place: str, date: dt.date | None) -> str:
    """'Hà Nội, ngày 05 tháng 6 năm 2020': leading zero for days 1–9 and months 1–2."""
    if date is None:
        return f"{place}, ngày     tháng     năm     "
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


def recipient_lines(recipients: list[str]) -> list[str]:
    """'- …,' lines ending with '- Lưu VP.'"""
    lines = [f"- {item}," for item in recipients if item]
    lines.append("- Lưu VP.")
    return lines


def render_pdf(document: PartyDocument) -> bytes:
    from weasyprint import HTML

    with translation.override("vi"):
        html = render_to_string(
            "exporters/party_document.html",
            {"doc": document, "recipients": recipient_lines(document.recipients)},
        )
    return HTML(string=html).write_pdf()


def render_html(document: PartyDocument) -> str:
    with translation.override("vi"):
        return render_to_string(
            "exporters/party_document.html",
            {"doc": document, "recipients": recipient_lines(document.recipients)},
        )


def render_docx(document: PartyDocument) -> bytes:
    from .party_docx import build_docx

    with translation.override("vi"):
        built = build_docx(document)
    buffer = io.BytesIO()
    built.save(buffer)
    return buffer.getvalue()
