"""python-docx rendering of a PartyDocument: A4, Times New Roman, the party's header layout."""

from __future__ import annotations

import io

from docx import Document
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
    column_widths,
    table_font_size,
)

TEXT_WIDTH_CM = 16.5  # A4 less the 3 cm left and 1.5 cm right margins

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
    if document.number_text:
        _para(left, document.number_text, 14)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(right.paragraphs[0], PARTY_HEADING, 15, bold=True)
    _bottom_border(right.paragraphs[0])
    _para(right, "", 8)
    _para(right, document.date_line, 14, italic=True)


def _row_properties(row, header: bool = False) -> None:
    """A row never splits across pages; the header row repeats on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _fixed_layout(table, widths_cm: list[float]) -> None:
    """Word and LibreOffice keep the given column widths only with a fixed layout and a grid."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(int(sum(widths_cm) * 567)))
    total.set(qn("w:type"), "dxa")
    for old in tbl_pr.findall(qn("w:tblW")):
        tbl_pr.remove(old)
    tbl_pr.append(total)
    for column, width in zip(table.columns, widths_cm, strict=False):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)


def _table(doc, block: Table) -> None:
    if block.caption:
        caption = _para(doc, block.caption, 13, bold=True)
        caption.paragraph_format.keep_with_next = True
        caption.paragraph_format.space_before = Pt(6)
    size = table_font_size(block)
    widths = [share * TEXT_WIDTH_CM for share in column_widths(block)]
    table = doc.add_table(rows=1 + len(block.rows), cols=len(block.headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    _row_properties(header, header=True)
    for cell, text in zip(header.cells, block.headers, strict=False):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(cell.paragraphs[0], str(text), size, bold=True)
    for row, values in zip(table.rows[1:], block.rows, strict=False):
        _row_properties(row)
        for cell, value in zip(row.cells, values, strict=False):
            _run(cell.paragraphs[0], "" if value is None else str(value), size)
    _fixed_layout(table, widths)
    _para(doc, "", 6)


def _signature(doc, document: PartyDocument) -> None:
    """Recipients on the left (if any), then each signer: title lines, room to sign, name."""
    signers = document.signatures
    has_recipients = document.recipients is not None
    table = doc.add_table(rows=1, cols=len(signers) + (1 if has_recipients else 0))
    _no_borders(table)
    cells = list(table.rows[0].cells)
    _row_properties(table.rows[0])
    if has_recipients:
        left = cells.pop(0)
        left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
        _run(left.paragraphs[0], "Nơi nhận:", 12, bold=True, italic=True).underline = True
        for line in document.recipient_lines:
            _para(left, line, 11, align="left")
    for cell, signer in zip(cells, signers, strict=False):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        lines = signer.lines
        _run(cell.paragraphs[0], lines[0], 14, bold=True)
        for line in lines[1:]:
            _para(cell, line, 14, bold=True)
        for _ in range(4):
            _para(cell, "", 14)
        _para(cell, signer.name, 14, bold=True)
    count = len(table.columns)
    _fixed_layout(table, [TEXT_WIDTH_CM / count] * count)


def _page_numbers(section) -> None:
    """HD 36: Arabic page numbers centred in the top margin, none on the first page."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = _run(paragraph, "", 14)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def build_docx(document: PartyDocument, tables: list[Table] | None = None):
    """The document; with `tables`, each table is a marker paragraph and is appended to
    `tables` for exporters.streamed to write in its place."""
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.header_distance = Cm(1)
    _page_numbers(section)
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
    _blocks(doc, document.blocks, tables)
    _para(doc, "", 14)
    _signature(doc, document)
    if document.appendix:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _blocks(doc, document.appendix, tables)
    return doc


def table_writer():
    """A function answering a table's XML (caption, table, spacing), built with python-docx
    in one scratch document that is emptied after each table."""
    from lxml import etree

    scratch = Document()
    body = scratch.element.body

    def render(block: Table) -> str:
        before = len(body)
        _table(scratch, block)
        added = list(body)[before - 1 : -1]  # the last child is the section properties
        text = "".join(etree.tostring(element, encoding="unicode") for element in added)
        for element in added:
            body.remove(element)
        return text

    return render


def _blocks(doc, blocks, tables: list[Table] | None = None) -> None:
    for block in blocks:
        if isinstance(block, Heading):
            paragraph = _para(doc, block.text, 14, bold=True, italic=block.level >= 3, align="left")
            paragraph.paragraph_format.space_before = Pt(6)
            paragraph.paragraph_format.keep_with_next = True
        elif isinstance(block, Paragraph):
            paragraph = _para(doc, block.text, 14, block.bold, block.italic, block.align)
            paragraph.paragraph_format.first_line_indent = (
                Cm(1) if block.align == "justify" else None
            )
            paragraph.paragraph_format.space_after = Pt(6)
        elif isinstance(block, Table) and tables is not None:
            from .streamed import MARKER

            _para(doc, MARKER.format(len(tables)), 6)
            tables.append(block)
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, Image) and block.png:
            doc.add_picture(io.BytesIO(block.png), width=Cm(block.width_cm))
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            if block.caption:
                _para(doc, block.caption, 12, italic=True)
        elif isinstance(block, PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
