"""The rendered files read as a reader's tools read them: one typeface with every Vietnamese
letter, page numbers where HD 36 puts them, tables that keep their widths and headers, and a
Word file that LibreOffice prints on about as many pages as the PDF."""

import datetime as dt
import io

from docx import Document
from docx.oxml.ns import qn

from exporters.party import (
    Heading,
    Paragraph,
    PartyDocument,
    Signer,
    Table,
    render_docx,
    render_pdf,
)
from exporters.testing import docx_to_pdf, flat, pdf_font_families, pdf_pages, pdf_text

# Every vowel with every tone, and đ, upper and lower case.
VIETNAMESE = "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đ"


def long_document(rows: int = 120) -> PartyDocument:
    return PartyDocument(
        superior_body="Đảng bộ Khối Thử nghiệm",
        issuing_body="Đảng ủy Công ty Ượng Ửng",
        number_symbol="-BC/ĐU",
        place="Cần Thơ",
        date=None,
        doc_type="Báo cáo",
        summary="kết quả thử nghiệm",
        blocks=[
            Heading("I. ĐẶC ĐIỂM TÌNH HÌNH"),
            Paragraph(VIETNAMESE),
            Paragraph(VIETNAMESE.upper(), bold=True),
            Paragraph(VIETNAMESE, italic=True),
            Table(
                ["STT", "Họ và tên", "Chi bộ", "Mức xếp loại"],
                [
                    [i, f"Nguyễn Thị Ưởng {i}", "Chi bộ Phòng Tổ chức", "Hoàn thành tốt nhiệm vụ"]
                    for i in range(1, rows + 1)
                ],
                widths=[0.6, 3, 3, 3],
            ),
        ],
        signers=[Signer("PHÓ BÍ THƯ", "Trần Văn Ưng", "T/M ĐẢNG ỦY", for_head="BÍ THƯ")],
        recipients=["Các chi bộ"],
    )


def test_pdf_uses_one_typeface_with_every_vietnamese_letter():
    pdf = render_pdf(long_document(rows=5))
    assert len(pdf_font_families(pdf)) == 1, pdf_font_families(pdf)
    text = flat(pdf_text(pdf))
    assert VIETNAMESE in text and VIETNAMESE.upper() in text
    assert "Số -BC/ĐU" in text and "Cần Thơ, ngày … tháng … năm …" in text
    assert "K/T BÍ THƯ" in text and "PHÓ BÍ THƯ" in text and "Trần Văn Ưng" in text


def test_pdf_long_table_repeats_its_header_and_numbers_pages_from_the_second():
    pdf = render_pdf(long_document())
    pages = pdf_text(pdf).split("\f")
    assert pdf_pages(pdf) >= 3
    assert "ĐẶC ĐIỂM" in pages[0]
    for number, page in enumerate(pages[1:-1], start=2):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == str(number)  # the page number, at the top
        assert "Họ và tên" in page  # the header row again
    first_lines = [line.strip() for line in pages[0].splitlines() if line.strip()]
    assert first_lines[0] != "1"


def test_docx_keeps_widths_repeats_headers_never_splits_rows_and_numbers_pages():
    document = Document(io.BytesIO(render_docx(long_document())))
    table = document.tables[1]  # after the header block
    widths = [cell.width.cm for cell in table.rows[1].cells]
    assert widths[0] < 1.5 and widths[1] > 4.5  # 0.6 : 3 of 16.5 cm
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert section.first_page_header.paragraphs[0].text == ""


def test_libreoffice_prints_the_docx_on_about_as_many_pages_as_the_pdf():
    document = long_document()
    pdf_pages_count = pdf_pages(render_pdf(document))
    converted = docx_to_pdf(render_docx(document))
    assert abs(pdf_pages(converted) - pdf_pages_count) <= 2
    text = flat(pdf_text(converted))
    assert "Nguyễn Thị Ưởng 120" in text and "Họ và tên" in text


def test_an_undated_draft_leaves_blanks_in_the_date_line():
    document = long_document(rows=1)
    document.date = dt.date(2024, 1, 5)
    assert document.date_line == "Cần Thơ, ngày 05 tháng 01 năm 2024"
