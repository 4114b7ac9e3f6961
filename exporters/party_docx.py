"""python-docx rendering of a PartyDocument: A4, Times New Roman, the party's header layout."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT  # noqa: F401  (kept for landscape appendices)
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .party import (
    FONT,
    PARTY_HEADING,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    PartyDocument,
    Table,
    recipient_lines,
)

ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def _run(paragraph, text: str, size: float = 14, bold: bool = False, italic: bool = False):
    run = paragraph.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    run._element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    return run


def _para(
    cell_or_doc,
    text: str = "",
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    align: str = "center",
):
    paragraph = cell_or_doc.add_paragraph()
    paragraph.alignment = ALIGN[align]
    paragraph.paragraph_format.space_after = Pt(0)
    if text:
        _run(paragraph, text, size, bold, italic)
    return paragraph


def _bottom_border(paragraph) -> None:
    """The solid rule under the party heading."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"}.items():
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.append(borders)


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def _header(doc, document: PartyDocument) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    left.width, right.width = Cm(7.5), Cm(8.5)
    left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(left.paragraphs[0], document.superior_body.upper(), 14)
    _para(left, document.issuing_body.upper(), 14, bold=True)
    _para(left, "*", 14)
    if document.number_symbol:
        _para(left, f"Số {document.number_symbol}", 14)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(right.paragraphs[0], PARTY_HEADING, 15, bold=True)
    _bottom_border(right.paragraphs[0])
    _para(right, "", 8)
    _para(right, document.date_line, 14, italic=True)


def _table(doc, block: Table) -> None:
    if block.caption:
        _para(doc, block.caption, 13, bold=True)
    table = doc.add_table(rows=1, cols=len(block.headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, block.headers, strict=False):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(cell.paragraphs[0], str(text), 12, bold=True)
    for values in block.rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=False):
            _run(cell.paragraphs[0], "" if value is None else str(value), 12)


def _signature(doc, document: PartyDocument) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    if document.recipients is not None:
        _run(left.paragraphs[0], "Nơi nhận:", 12, bold=True, italic=False).underline = True
        for line in recipient_lines(document.recipients):
            _para(left, line, 11, align="left")
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if document.signer_on_behalf:
        _run(right.paragraphs[0], document.signer_on_behalf, 14, bold=True)
        _para(right, document.signer_title, 14, bold=True)
    else:
        _run(right.paragraphs[0], document.signer_title, 14, bold=True)
    for _ in range(3):
        _para(right, "", 14)
    _para(right, document.signer_name, 14, bold=True)


def build_docx(document: PartyDocument):
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    doc.core_properties.title = document.title or document.summary
    _header(doc, document)
    _para(doc, "", 14)
    _para(doc, document.doc_type.upper(), 16, bold=True)
    if document.summary:
        _para(doc, document.summary, 14, bold=True)
    _para(doc, "-----", 14)
    _blocks(doc, document.blocks)
    _para(doc, "", 14)
    _signature(doc, document)
    if document.appendix:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _blocks(doc, document.appendix)
    return doc


def _blocks(doc, blocks) -> None:
    for block in blocks:
        if isinstance(block, Heading):
            paragraph = _para(doc, block.text, 14, bold=True, italic=block.level >= 3, align="left")
            paragraph.paragraph_format.space_before = Pt(6)
        elif isinstance(block, Paragraph):
            paragraph = _para(doc, block.text, 14, block.bold, block.italic, block.align)
            paragraph.paragraph_format.first_line_indent = (
                Cm(1) if block.align == "justify" else None
            )
            paragraph.paragraph_format.space_after = Pt(6)
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, Image):
            doc.add_picture(io.BytesIO(block.png), width=Cm(block.width_cm))
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            if block.caption:
                _para(doc, block.caption, 12, italic=True)
        elif isinstance(block, PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
