"""Documents in the party's format (Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW).

Every printable thing — minutes, pledge forms, decision lists, plans, review reports — is
described once as a `PartyDocument` and rendered by `render_docx` or `render_pdf`, so that the
heading, date line, signature block and recipients look the same everywhere.
"""

from __future__ import annotations

import datetime as dt
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
class Signer:
    """One signature: 'T/M ĐẢNG ỦY' / 'K/T BÍ THƯ' / 'PHÓ BÍ THƯ', room to sign, the name."""

    title: str  # BÍ THƯ, PHÓ BÍ THƯ, CHỦ TRÌ, THƯ KÝ, NGƯỜI CAM KẾT
    name: str = ""
    on_behalf: str = ""  # T/M ĐẢNG ỦY; blank for a personal signature
    for_head: str = ""  # "BÍ THƯ" when a deputy signs for the secretary (printed K/T BÍ THƯ)

    @property
    def lines(self) -> list[str]:
        lines = [self.on_behalf] if self.on_behalf else []
        if self.for_head:
            lines.append(f"K/T {self.for_head}")
        return [*lines, self.title]


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
    recipients: list[str] | None = field(default_factory=list)  # None: no "Nơi nhận"
    title: str = ""  # file metadata
    appendix: list[Block] = field(default_factory=list)  # after the signature (phụ lục)
    signers: list[Signer] | None = None  # several signatures side by side (minutes, pledges)
    archive: str = "Lưu VP"  # the last recipient line; a cell keeps its own file

    @property
    def date_line(self) -> str:
        return date_line(self.place, self.date)

    @property
    def number_text(self) -> str:
        """'Số 15-BC/ĐU'; without a number yet ('-BC/ĐU'): 'Số    -BC/ĐU', the blank kept."""
        number = (self.number_symbol or "").strip()
        if not number:
            return ""
        return f"Số    {number}" if number.startswith("-") else f"Số {number}"

    @property
    def signatures(self) -> list[Signer]:
        if self.signers:
            return self.signers
        return [Signer(self.signer_title, self.signer_name, self.signer_on_behalf)]

    @property
    def recipient_lines(self) -> list[str]:
        if self.recipients is None:
            return []
        return recipient_lines(self.recipients, self.archive)


BLANK = "…"


def date_line(place: str, date: dt.date | None) -> str:
    """'Hà Nội, ngày 05 tháng 6 năm 2020': leading zero for days 1–9 and months 1–2.

    A draft not yet dated reads 'Hà Nội, ngày … tháng … năm …', as drafts are printed."""
    place = place or BLANK * 3
    if date is None:
        return f"{place}, ngày {BLANK} tháng {BLANK} năm {BLANK}"
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


def number_or_blank(number_symbol: str, kind: str, issuer: str) -> str:
    """The document's number and symbol, or '-BC/ĐU' (printed 'Số    -BC/ĐU') while unnumbered.

    Accepts a bare number ('15') and completes it with the symbol ('15-BC/ĐU')."""
    number_symbol = (number_symbol or "").strip()
    if not number_symbol or number_symbol.startswith("-"):
        return f"-{kind}/{issuer}"
    if number_symbol.isdigit():
        return f"{number_symbol}-{kind}/{issuer}"
    return number_symbol


def recipient_lines(recipients: list[str], archive: str = "Lưu VP") -> list[str]:
    """'- …,' lines ending with '- Lưu VP.' (or the cell's own archive)."""
    lines = [f"- {item.strip().rstrip(',.;')}," for item in recipients if item and item.strip()]
    lines.append(f"- {archive}.")
    return lines


def column_widths(table: Table) -> list[float]:
    """Each column's share of the width (sums to 1): the given widths, else from the text.

    A column is as wide as its longest word and about its typical text, so a number column
    stays narrow and a name column wide enough not to wrap a word per line."""
    count = len(table.headers)
    if table.widths and len(table.widths) == count:
        weights = [max(float(width), 0.1) for width in table.widths]
    else:
        weights = []
        for index in range(count):
            texts = [str(table.headers[index])] + [
                "" if row[index] is None else str(row[index])
                for row in table.rows[:200]
                if index < len(row)
            ]
            longest_word = max((len(word) for text in texts for word in text.split()), default=1)
            typical = sorted(len(text) for text in texts)[len(texts) * 3 // 4]
            weights.append(max(longest_word, min(typical, 40) * 0.8, 2))
    total = sum(weights)
    return [weight / total for weight in weights]


def table_font_size(table: Table) -> float:
    """Smaller type for wide tables, the same in Word and PDF so their pages match."""
    return 10 if len(table.headers) > 7 else 12


def render_pdf(document: PartyDocument) -> bytes:
    """The PDF; a long appendix is laid out part by part (exporters.streamed)."""
    from .streamed import pdf

    return pdf(document)


def render_html(document: PartyDocument) -> str:
    from .fonts import font_face_css, font_stack

    with translation.override("vi"):
        return render_to_string(
            "exporters/party_document.html",
            {"doc": document, "font_faces": font_face_css(), "font_stack": font_stack()},
        )


def render_docx(document: PartyDocument) -> bytes:
    """The Word file; tables are written into the package one at a time (exporters.streamed)."""
    from .streamed import docx

    with translation.override("vi"):
        return docx(document)
