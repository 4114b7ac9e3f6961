import datetime as dt
import io

from docx import Document
from pypdf import PdfReader

from exporters.party import (
    Heading,
    Paragraph,
    PartyDocument,
    Table,
    date_line,
    render_docx,
    render_pdf,
)
from exporters.testing import party_document


def sample() -> PartyDocument:
    return party_document(
        blocks=[
            Heading("I. KẾT QUẢ"),
            Paragraph("Đảng ủy đã tổ chức quán triệt."),
            Table(["Chi bộ", "Số đảng viên"], [["Chi bộ A", 12]]),
        ],
        signer_name="Nguyễn Văn An",
        recipients=["Ban Tuyên giáo Thành ủy", "Các chi bộ trực thuộc"],
    )


def test_date_line_pads_days_and_early_months():
    assert date_line("Hà Nội", dt.date(2020, 6, 5)) == "Hà Nội, ngày 05 tháng 6 năm 2020"
    assert date_line("Hà Nội", dt.date(2020, 2, 15)) == "Hà Nội, ngày 15 tháng 02 năm 2020"


def test_docx_has_the_party_format_parts():
    document = Document(io.BytesIO(render_docx(sample())))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in cells and "Số 15-BC/ĐU" in cells
    assert "ĐẢNG ỦY SỞ VĂN HÓA VÀ THỂ THAO" in cells
    assert "Hà Nội, ngày 05 tháng 6 năm 2020" in cells
    assert "BÁO CÁO" in text and "T/M ĐẢNG ỦY" in cells and "- Lưu VP." in cells
    assert round(document.sections[0].page_width.cm, 1) == 21.0


def test_pdf_renders_vietnamese_text():
    reader = PdfReader(io.BytesIO(render_pdf(sample())))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Chi bộ A" in text and "Nơi nhận" in text
