"""Word, PDF, HTML and JSON of a report: the party's format and the figures in them."""

import io
import json

import pytest
from docx import Document
from pypdf import PdfReader

from exporters import registry
from reports import charts
from reports.content import report_content
from reports.exports import FORMATS

pytestmark = pytest.mark.django_db


def render(review, fmt):
    return registry.get(FORMATS[fmt]).render({"review": review})


def test_docx_has_the_party_format_and_the_figures(review, records):
    filename, content_type, data = render(review, "docx")
    assert filename == "bao-cao-15-bc-du-2016-2020.docx"
    assert content_type.startswith("application/vnd.openxmlformats")
    document = Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in cells
    assert "Số 15-BC/ĐU" in cells and "Hà Nội, ngày 30 tháng 6 năm 2020" in cells
    assert "T/M ĐẢNG ỦY" in cells and "BÍ THƯ" in cells and "Nguyễn Văn An" in cells
    assert "Nơi nhận:" in cells and "- Ban Tuyên giáo Thành ủy," in cells and "- Lưu VP." in cells
    assert "BÁO CÁO" in text
    assert "sơ kết 4 năm thực hiện Chỉ thị số 05-CT/TW" in text
    for heading in (
        "I. ĐẶC ĐIỂM TÌNH HÌNH",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. ĐÁNH GIÁ CHUNG",
        "IV. BÀI HỌC KINH NGHIỆM",
        "V. PHƯƠNG HƯỚNG",
        "VI. ĐỀ XUẤT, KIẾN NGHỊ",
    ):
        assert heading in text
    assert "2/2 chi bộ trong các năm 2016–2020 có sinh hoạt chuyên đề." in text
    assert "2/2 chi bộ (100% số chi bộ)" in text
    assert "(Kèm theo Báo cáo số 15-BC/ĐU ngày 30/6/2020 của Đảng ủy thử nghiệm)" in text
    assert "PHỤ LỤC" in text
    assert "Chi bộ A" in cells and "Chi bộ B" in cells  # the per-cell appendix
    assert len(document.inline_shapes) == len(charts.CHARTS)


def test_pdf_has_the_party_format_and_the_figures(review, records):
    filename, content_type, data = render(review, "pdf")
    assert filename.endswith(".pdf") and content_type == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    flat = " ".join(text.split())
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in flat and "Số 15-BC/ĐU" in flat
    assert "BÁO CÁO" in flat and "T/M ĐẢNG ỦY" in flat and "Nơi nhận" in flat
    assert "được đảng viên đăng ký đạt 100% trong các năm 2016–2020" in flat
    assert "Chi bộ A" in flat and "PHỤ LỤC" in flat


def test_html_and_json(review, records):
    _name, content_type, data = render(review, "html")
    html = data.decode()
    assert content_type.startswith("text/html") and "ĐẢNG CỘNG SẢN VIỆT NAM" in html
    assert "data:image/svg+xml;base64," in html
    _name, content_type, data = render(review, "json")
    figures = json.loads(data)
    assert figures["report"]["number_symbol"] == "15-BC/ĐU"
    assert figures["committee"]["code"] == "DBT"
    year = figures["years"][1]
    assert set(year) >= {
        "year",
        "cells_total",
        "members_on_roll",
        "briefing",
        "thematic_meetings",
        "regular_meetings",
        "attendance_percent",
        "pledges",
        "ratings",
        "activities",
        "inspections",
    }
    assert year["pledges"] == {"members_pledged": 6, "percent": 100.0, "non_members_pledged": 0}
    assert year["ratings"]["excellent_percent"] == 16.67


def test_documents_render_in_vietnamese_whatever_the_language(review, records):
    from django.utils import translation

    with translation.override("en"):
        _name, _type, data = render(review, "docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "I. KẾT QUẢ THỰC HIỆN" in text and "RESULTS" not in text


def test_charts_are_deterministic(review, records):
    figures = report_content(review).figures
    for name in charts.CHARTS:
        assert charts.draw(figures, name, "svg") == charts.draw(figures, name, "svg")
        assert charts.draw(figures, name, "png") == charts.draw(figures, name, "png")
    assert charts.draw(figures, "thematic", "svg").startswith("<svg")
