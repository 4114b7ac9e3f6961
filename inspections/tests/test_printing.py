"""The plan and the conclusion notice, in Word and PDF, in the party's format."""

import io

from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from exporters.party import render_docx, render_pdf
from exporters.registry import get
from inspections import printing
from inspections.models import Finding
from inspections.tests.factories import FindingFactory


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(paragraphs + cells)


def test_the_plan_in_word_and_pdf(item, plan):
    plan.number_symbol = "03-KH/ĐU"
    plan.save()
    document = printing.plan_document(plan)
    assert document.doc_type == "KẾ HOẠCH"
    text = docx_text(render_docx(document))
    assert "Số 03-KH/ĐU" in text and "KẾ HOẠCH" in text
    assert "kiểm tra, giám sát năm 2020" in text
    assert "Chi bộ A" in text and "Giám sát thường xuyên" in text
    assert "01/03/2020 – 20/03/2020" in text
    pdf = "".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(document))).pages)
    assert "KẾ HOẠCH" in pdf and "Chi bộ A" in pdf


def test_the_conclusion_notice(task, concluded):
    FindingFactory(inspection=concluded, kind=Finding.Kind.STRENGTH, text="Chi bộ đoàn kết tốt.")
    document = printing.conclusion_notice(concluded)
    assert document.doc_type == "THÔNG BÁO KẾT LUẬN"
    assert document.number_symbol == "12-TB/ĐU"
    text = docx_text(render_docx(document))
    assert "THÔNG BÁO KẾT LUẬN" in text and "Số 12-TB/ĐU" in text
    assert "ngày 25 tháng 3 năm 2020" in text
    assert "Ưu điểm" in text and "Chi bộ đoàn kết tốt." in text
    assert "Khuyết điểm" in text and "Xây dựng chuẩn mực riêng" in text
    assert "30/06/2020" in text
    pdf = "".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(document))).pages)
    assert "THÔNG BÁO KẾT LUẬN" in pdf and "YÊU CẦU KHẮC PHỤC" in pdf


def test_downloads_and_exporters(client_as, concluded, plan):
    client = client_as("inspection")
    response = client.get(reverse("inspections:conclusion_print", args=[concluded.pk, "pdf"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    response = client.get(reverse("inspections:plan_print", args=[plan.pk, "docx"]))
    assert (
        response.status_code == 200
        and "ke-hoach-kiem-tra-2020.docx" in response["Content-Disposition"]
    )
    assert client.get(reverse("inspections:plan_print", args=[plan.pk, "odt"])).status_code == 404
    name, content_type, content = get("inspections.conclusion").render(
        {"inspection": concluded.pk, "format": "docx"}
    )
    assert name.endswith(".docx") and "THÔNG BÁO KẾT LUẬN" in docx_text(content)


def test_a_planned_item_has_no_notice(client_as, item):
    response = client_as("office").get(
        reverse("inspections:conclusion_print", args=[item.pk, "docx"])
    )
    assert response.status_code == 404
