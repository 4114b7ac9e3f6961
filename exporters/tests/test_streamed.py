"""A long appendix is rendered part by part, and the reader cannot tell: every row is there,
the page numbers continue across the parts, one typeface, and LibreOffice prints the Word file
on about as many pages as the PDF."""

import io

from docx import Document
from pypdf import PdfReader

from exporters import streamed
from exporters.party import Paragraph, PartyDocument, Table, render_docx, render_pdf
from exporters.testing import docx_to_pdf, party_document, pdf_font_families, pdf_pages, pdf_text


def big_document(units: int = 12, rows: int = 60) -> PartyDocument:
    appendix = [
        Table(
            ["Chi bộ", "Đảng viên", "Tỷ lệ"],
            [[f"Chi bộ Ượng {unit}-{row}", str(row), "98,5%"] for row in range(rows)],
            caption=f"Các chi bộ của Đảng ủy {unit}",
        )
        for unit in range(units)
    ]
    return party_document(
        summary="thử phụ lục dài",
        blocks=[Paragraph("Nội dung báo cáo.")],
        appendix=[Paragraph("PHỤ LỤC", True, align="center"), *appendix],
    )


def test_the_appendix_is_cut_between_tables():
    document = big_document()
    parts = streamed.parts(document.appendix)
    assert len(parts) > 1
    assert sum(len(part) for part in parts) == len(document.appendix)
    for part in parts:
        rows = sum(len(block.rows) + 1 for block in part if isinstance(block, Table))
        assert rows <= streamed.CHUNK_ROWS


def test_a_long_pdf_has_every_row_and_numbered_pages():
    data = render_pdf(big_document())
    text = pdf_text(data)
    for unit in range(12):
        assert f"Chi bộ Ượng {unit}-59" in text
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == pdf_pages(data) > 4
    # The number at the top of each page runs 2, 3, … to the last page, across the parts.
    tops = [page.extract_text().split()[-1] for page in reader.pages[1:]]
    assert tops == [str(number) for number in range(2, len(reader.pages) + 1)]
    assert len(pdf_font_families(data)) == 1


def test_a_long_word_file_has_every_table_and_prints_like_the_pdf():
    data = render_docx(big_document())
    opened = Document(io.BytesIO(data))
    assert len(opened.tables) == 1 + 12 + 1  # the heading, the signature, 12 tables
    assert opened.tables[-1].rows[60].cells[0].text == "Chi bộ Ượng 11-59"
    assert not any("TABLE-" in paragraph.text for paragraph in opened.paragraphs)
    printed = pdf_pages(docx_to_pdf(data))
    # LibreOffice's rows are a little shorter than WeasyPrint's: over some twenty pages of
    # tables the counts drift apart by a fifth (the same with the PDF in one part).
    pages = pdf_pages(render_pdf(big_document()))
    assert abs(printed - pages) <= max(2, pages // 4)
