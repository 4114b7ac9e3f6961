"""Every printed document, for the demo and for a committee imported from the interchange
headers alone, read as a reader would: one typeface in the PDF with every Vietnamese letter,
the HD 36 header parts (with their sizes in Word), a date line for the document's own time, a
signer, and a Word file LibreOffice prints on about as many pages as the PDF."""

import copy
import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from docx import Document
from docx.shared import Pt

from core.actors import SYSTEM
from exporters.party import render_docx, render_pdf
from exporters.testing import docx_to_pdf, flat, pdf_font_families, pdf_pages, pdf_text
from inspections.models import Inspection, InspectionPlan
from inspections.printing import conclusion_notice, plan_document
from meetings.documents import minutes_document
from meetings.models import Meeting, Minutes
from organisation import services as organisation_services
from organisation.models import Unit
from pledges.documents import pledge_document
from pledges.models import Pledge
from ratings.documents import cell_proposals, committee_decisions
from ratings.models import Rating
from reports.content import report_content
from reports.document import party_document
from reports.services import review_preview
from workbook.services import workbook_import
from workbook.testing import make_workbook

from .test_report_contract import SHEETS

pytestmark = pytest.mark.django_db
DATE_LINE = re.compile(r", ngày (\d{2}|…) tháng (\d{1,2}|…) năm (\d{4}|…)")


def documents_of(committee: Unit, period: tuple[dt.date, dt.date]) -> dict:
    """One document of every kind the committee prints."""
    units = Unit.objects.filter(path__startswith=committee.path)
    meeting = Meeting.objects.filter(unit__in=units, unit__kind=Unit.Kind.CELL).first()
    rating = Rating.objects.filter(committee=committee, person__isnull=False).first()
    inspection = Inspection.objects.filter(subject_unit__in=units).exclude(conclusion="").first()
    pledge = Pledge.objects.filter(person__unit__in=units).first()
    assert meeting and rating and rating.person and inspection and pledge, "the demo lacks a record"
    minutes = Minutes.objects.filter(meeting=meeting).first() or Minutes.objects.create(
        meeting=meeting, proceedings="Đồng chí Bí thư quán triệt nội dung chuyên đề."
    )
    cell = rating.cell or rating.person.unit
    plan = InspectionPlan.objects.filter(committee=committee, year=inspection.year).first()
    if plan is None:
        plan = InspectionPlan.objects.create(committee=committee, year=inspection.year)
        Inspection.objects.filter(pk=inspection.pk).update(plan=plan)
        inspection.refresh_from_db()
    review = review_preview(
        committee_code=committee.code, period_from=period[0], period_to=period[1]
    )
    return {
        "report": party_document(review, report_content(review)),
        "minutes": minutes_document(minutes),
        "cell list": cell_proposals(cell, rating.year),
        "decisions": committee_decisions(committee, rating.year),
        "pledge": pledge_document(pledge),
        "plan": plan_document(plan),
        "conclusion": conclusion_notice(inspection),
    }


def check_as_a_reader(name: str, document, *, year: int | None = None) -> None:
    pdf = render_pdf(document)
    assert len(pdf_font_families(pdf)) == 1, (name, pdf_font_families(pdf))
    text = flat(pdf_text(pdf))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text, name
    assert document.issuing_body.upper() in text, name
    if document.superior_body:
        assert document.superior_body.upper() in text, name
    assert DATE_LINE.search(text), name
    for signer in document.signatures:
        assert all(line in text for line in signer.lines), (name, signer.lines)
    if year and document.date:
        assert year <= document.date.year <= year + 1, (name, document.date)
    docx = render_docx(document)
    word = Document(io.BytesIO(docx))
    runs = [
        run
        for table in word.tables[:1]
        for cell in table._cells
        for p in cell.paragraphs
        for run in p.runs
    ]
    party = next(run for run in runs if run.text == "ĐẢNG CỘNG SẢN VIỆT NAM")
    assert party.font.size == Pt(15) and party.bold, name
    issuer = next(run for run in runs if run.text == document.issuing_body.upper())
    assert issuer.font.size == Pt(14) and issuer.bold, name
    converted = docx_to_pdf(docx)
    assert abs(pdf_pages(converted) - pdf_pages(pdf)) <= 2, name
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in pdf_text(converted), name


def check_all(documents: dict, year: int) -> None:
    for name, document in documents.items():
        check_as_a_reader(name, document, year=year if name in ("cell list", "decisions") else None)
    minutes = flat(pdf_text(render_pdf(documents["minutes"])))
    assert "THƯ KÝ" in minutes and "CHỦ TRÌ" in minutes and "Lưu VP" not in minutes
    pledge = flat(pdf_text(render_pdf(documents["pledge"])))
    assert "XÁC NHẬN CỦA CHI BỘ" in pledge and "NGƯỜI CAM KẾT" in pledge


def test_every_document_of_the_demo():
    call_command("load_demo", stdout=io.StringIO())
    committee = Unit.objects.get(code="SVHTT")
    documents = documents_of(committee, (dt.date(2016, 5, 15), dt.date(2020, 6, 30)))
    report = documents["report"]
    assert report.summary.startswith("sơ kết 4 năm thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016")
    assert report.signer_name and report.number_symbol == "15-BC/ĐU"
    check_all(documents, year=Rating.objects.filter(committee=committee).first().year)


def test_every_document_of_an_imported_committee():
    sheets = copy.deepcopy(SHEETS)
    sheets["Văn bản"].append(
        ["05-CT/TW", "Chỉ thị", "15/05/2016", "Bộ Chính trị", "về đẩy mạnh học tập và làm theo"]
    )
    result = workbook_import(make_workbook(sheets))
    assert result.ok, [str(error) for error in result.errors]
    committee = Unit.objects.get(code="DBX")
    period = (dt.date(2016, 5, 15), dt.date(2018, 12, 31))
    # Before the office fills the profile: a draft with its blanks, as drafts are printed.
    draft = documents_of(committee, period)["report"]
    text = flat(pdf_text(render_pdf(draft)))
    assert "Số -BC/ĐU" in text and "ngày … tháng … năm …" in text
    assert draft.summary.startswith("sơ kết 3 năm thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016")
    assert "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị" in text
    for heading in ("ĐẶC ĐIỂM TÌNH HÌNH", "BÀI HỌC KINH NGHIỆM", "ĐỀ XUẤT, KIẾN NGHỊ"):
        assert heading in text
    assert "[Chưa viết" in text and "Kèm theo Báo cáo số …" in text
    organisation_services.unit_profile_update(
        user=SYSTEM,
        unit=committee,
        superior_body="Đảng bộ Khối Doanh nghiệp Thành phố",
        place="Cần Thơ",
        secretary_name="Nguyễn Văn An",
        deputy_names="Trần Thị Bình",
        usual_recipients="Ban Tuyên giáo Đảng ủy Khối\nCác chi bộ trực thuộc",
    )
    documents = documents_of(committee, period)
    report = flat(pdf_text(render_pdf(documents["report"])))
    assert "ĐẢNG BỘ KHỐI DOANH NGHIỆP THÀNH PHỐ" in report and "ĐẢNG ỦY THỬ NGHIỆM X" in report
    assert "Cần Thơ, ngày … tháng … năm …" in report and "Nguyễn Văn An" in report
    assert "- Ban Tuyên giáo Đảng ủy Khối," in report and "- Lưu VP." in report
    check_all(documents, year=2017)
