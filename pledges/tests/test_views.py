import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from core.testing import png_bytes
from organisation.tests.factories import PersonFactory, StaffFactory, UnitFactory
from pledges.models import Pledge, PledgeVersion
from pledges.tests.factories import ConductStandardFactory, PersonalPlanFactory, PledgeFactory

pytestmark = pytest.mark.django_db


def record_paper_2019(client, person, content: str, **extra):
    """The secretary's form for a paper pledge of 2019, registered on 1 March."""
    return client.post(
        reverse("pledges:pledge_record"),
        {
            "person": person.pk,
            "year": 2019,
            "registered_on": "2019-03-01",
            "content": content,
            **extra,
        },
    )


TODAY = timezone.localdate()


def test_member_writes_his_own_pledge_prefilled(client_as, tree, users):
    ConductStandardFactory(unit=tree.cell_a, year=TODAY.year, items="Đúng giờ, đủ ngày công")
    client = client_as("member")
    url = reverse("pledges:my_pledge", kwargs={"year": TODAY.year})
    page = client.get(url)
    assert "Đúng giờ, đủ ngày công" in page.content.decode()
    response = client.post(
        url, {"registered_on": TODAY.isoformat(), "content": "Tôi cam kết hoàn thành tốt"}
    )
    pledge = Pledge.objects.get()
    assert response.status_code == 302
    assert pledge.person == tree.members_a[1] and pledge.source == Pledge.Source.ONLINE
    assert pledge.recorded_by == users["member"]


def test_member_errors_keep_what_was_typed(client_as, tree):
    client = client_as("member")
    url = reverse("pledges:my_pledge", kwargs={"year": TODAY.year})
    response = client.post(url, {"registered_on": "2001-01-01", "content": "Nội dung đã gõ"})
    body = response.content.decode()
    assert response.status_code == 200 and "Nội dung đã gõ" in body
    assert 'class="error"' in body and not Pledge.objects.exists()


def test_member_cannot_open_another_persons_pledge(client_as, tree):
    other = PledgeFactory(person=tree.members_a[2])
    client = client_as("member")
    assert client.get(reverse("pledges:pledge_detail", args=[other.pk])).status_code == 404
    assert client.post(reverse("pledges:pledge_confirm", args=[other.pk])).status_code == 404


def test_member_changes_his_confirmed_pledge_as_a_new_version(client_as, tree, users):
    pledge = PledgeFactory(
        person=tree.members_a[1], year=TODAY.year, registered_on=TODAY, content="Bản đầu"
    )
    client_as("secretary").post(reverse("pledges:pledge_confirm", args=[pledge.pk]))
    pledge.refresh_from_db()
    assert pledge.is_locked
    client = client_as("member")
    response = client.post(
        reverse("pledges:my_pledge", kwargs={"year": TODAY.year}),
        {"registered_on": TODAY.isoformat(), "content": "Bản sửa"},
    )
    assert response.status_code == 302
    pledge.refresh_from_db()
    assert pledge.version == 2 and not pledge.is_locked
    assert PledgeVersion.objects.get(pledge=pledge).content == "Bản đầu"
    detail = client.get(reverse("pledges:pledge_detail", args=[pledge.pk])).content.decode()
    assert "Bản đầu" in detail and "Bản sửa" in detail


def test_secretary_records_a_paper_pledge_with_scan(client_as, tree, users):
    client = client_as("secretary")
    scan = SimpleUploadedFile("scan.png", png_bytes(), content_type="image/png")
    response = record_paper_2019(client, tree.staff_a[0], "Bản giấy", scan=scan)
    assert response.status_code == 302
    pledge = Pledge.objects.get()
    assert pledge.source == Pledge.Source.PAPER and pledge.scan
    download = client.get(reverse("pledges:pledge_scan", args=[pledge.pk]))
    assert download.status_code == 200


def test_secretary_cannot_record_for_another_cell(client_as, tree):
    response = record_paper_2019(client_as("secretary"), tree.members_b[1], "x")
    assert response.status_code == 200 and not Pledge.objects.exists()


def test_a_bad_scan_is_shown_next_to_its_field(client_as, tree):
    scan = SimpleUploadedFile("scan.pdf", b"not a pdf")
    response = record_paper_2019(client_as("secretary"), tree.members_a[2], "Bản giấy", scan=scan)
    body = response.content.decode()
    assert 'id="id_scan_error"' in body and "PDF, PNG hoặc JPEG" in body
    assert not Pledge.objects.exists()


def test_a_duplicate_paper_pledge_is_refused(client_as, tree):
    PledgeFactory(person=tree.members_a[2], year=2019)
    response = record_paper_2019(client_as("secretary"), tree.members_a[2], "Bản thứ hai")
    assert "đã có bản cam kết năm 2019" in response.content.decode()
    assert Pledge.objects.count() == 1


def test_pledge_prints_as_word_and_pdf_with_signature_places(client_as, tree):
    pledge = PledgeFactory(person=tree.members_a[2], content="Dòng một\nDòng hai")
    client = client_as("secretary")
    docx = client.get(reverse("pledges:pledge_download", args=[pledge.pk, "docx"]))
    document = Document(io.BytesIO(docx.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "BẢN CAM KẾT" in text and "Dòng hai" in text
    # Side by side, each with room to sign: the cell confirms, the member signs.
    assert "XÁC NHẬN CỦA CHI BỘ" in cells and "NGƯỜI CAM KẾT" in cells
    assert pledge.person.full_name in cells
    assert "ngày 15 tháng 02 năm 2019" in cells
    pdf = client.get(reverse("pledges:pledge_download", args=[pledge.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(pdf.content))
    assert len(reader.pages) == 1
    pdf_text = reader.pages[0].extract_text()
    assert "BẢN CAM KẾT" in pdf_text and "NGƯỜI CAM KẾT" in pdf_text
    assert client.get(f"/cam-ket/{pledge.pk}/tai-ve.exe").status_code == 404


def test_pledge_list_searches_without_diacritics(client_as, tree):
    PledgeFactory(person=tree.members_a[2])
    PledgeFactory(person=tree.members_b[2])
    client = client_as("office")
    name = tree.members_a[2].full_name
    from core.vn import search_key

    body = client.get(reverse("pledges:pledge_list"), {"q": search_key(name)}).content.decode()
    assert name in body and tree.members_b[2].full_name not in body
    own = client_as("secretary").get(reverse("pledges:pledge_list")).content.decode()
    assert tree.members_b[2].full_name not in own


def _crowd(cell, count):
    PersonFactory.create_batch(count, unit=cell)
    StaffFactory.create_batch(count // 2, unit=cell)


def _progress_queries(client, django_assert_max_num_queries, url, cap):
    with django_assert_max_num_queries(cap):
        response = client.get(url, {"year": 2019})
    assert response.status_code == 200
    return response


def test_progress_counts_and_runs_a_fixed_number_of_queries(
    client_as, tree, django_assert_max_num_queries
):
    youth = tree.members_a[0].mass_organisations.model.objects.create(
        name="Đoàn Thanh niên", short_name="ĐTN"
    )
    tree.members_a[0].mass_organisations.add(youth)
    PledgeFactory(person=tree.members_a[0])
    PledgeFactory(person=tree.members_b[0])
    PersonalPlanFactory(person=tree.members_a[0])
    client = client_as("office")
    url = reverse("pledges:progress")
    small = _progress_queries(client, django_assert_max_num_queries, url, 12)
    body = small.content.decode()
    assert "Đảng viên đã đăng ký cam kết: 2/6" in body
    for _ in range(3):
        _crowd(UnitFactory(parent=tree.committee), 10)
    _crowd(tree.cell_a, 20)
    _progress_queries(client, django_assert_max_num_queries, url, 12)
    cell_url = reverse("pledges:progress_cell", args=[tree.cell_a.pk])
    with django_assert_max_num_queries(12):
        cell_page = client.get(cell_url, {"year": 2019}).content.decode()
    assert tree.members_a[2].full_name in cell_page
    with django_assert_max_num_queries(12):
        reminder = client.get(
            reverse("pledges:reminder", args=[tree.cell_a.pk]), {"year": 2019}
        ).content.decode()
    assert tree.members_a[1].full_name in reminder
    assert "Danh sách nhắc nhở" in reminder


def test_reminder_lists_only_people_without_pledge_or_plan(client_as, tree):
    PledgeFactory(person=tree.members_a[0])
    PersonalPlanFactory(person=tree.members_a[0])
    PledgeFactory(person=tree.members_a[1])
    body = (
        client_as("secretary")
        .get(
            reverse("pledges:reminder", args=[tree.cell_a.pk]),
            {"year": 2019},
        )
        .content.decode()
    )
    listed = body.split("<tbody>")[1]
    assert tree.members_a[0].code not in listed
    assert tree.members_a[1].code in listed and tree.members_a[2].code in listed
    assert tree.staff_a[0].code in listed


def test_progress_uses_the_date_counted_on(client_as, tree):
    late = PersonFactory(unit=tree.cell_a, party_joined_on=dt.date(2019, 11, 1))
    client = client_as("office")
    mid = client.get(
        reverse("pledges:progress_cell", args=[tree.cell_a.pk]),
        {"year": 2019, "on_date": "2019-06-30"},
    ).content.decode()
    end = client.get(
        reverse("pledges:progress_cell", args=[tree.cell_a.pk]), {"year": 2019}
    ).content.decode()
    row = f"<td>{late.full_name}</td><td>{late.code}</td><td>Có</td>"
    assert row not in mid and row in end


def test_standards_page_shows_which_cells_defined_theirs(client_as, tree):
    ConductStandardFactory(unit=tree.cell_a, items="Riêng A")
    body = client_as("office").get(reverse("pledges:standard_list"), {"year": 2019})
    text = body.content.decode()
    assert "1/2 chi bộ đã xây dựng chuẩn mực riêng năm 2019" in text
    assert "Riêng A" in text


def test_secretary_edits_his_cells_standards_not_the_common_ones(client_as, tree):
    client = client_as("secretary")
    url = reverse("pledges:standard_edit", kwargs={"unit_pk": tree.cell_a.pk, "year": 2019})
    assert client.post(url, {"items": "Một\nHai"}).status_code == 302
    common = reverse("pledges:standard_edit", kwargs={"unit_pk": tree.committee.pk, "year": 2019})
    assert client.get(common).status_code == 403
    office = client_as("office")
    assert office.post(common, {"items": "Chung"}).status_code == 302
    template = reverse("pledges:template_edit", kwargs={"year": 2019})
    assert office.post(template, {"text": "Mẫu {year}"}).status_code == 302
    from pledges.selectors import template_text

    assert template_text(tree.committee, 2019) == "Mẫu 2019"


def test_member_writes_his_plan(client_as, tree):
    client = client_as("member")
    url = reverse("pledges:my_plan", kwargs={"year": 2019})
    response = client.post(url, {"content": "Mục tiêu", "items": "Việc 1\nViệc 2"})
    assert response.status_code == 302
    plan = tree.members_a[1].personal_plans.get()
    assert plan.item_list == ["Việc 1", "Việc 2"]
    detail = client.get(reverse("pledges:plan_detail", args=[plan.pk])).content.decode()
    assert "<li>Việc 2</li>" in detail
    mine = client.get(reverse("pledges:mine")).content.decode()
    assert "2019" in mine


def test_office_without_person_sees_a_message_on_my_pledge_page(client_as):
    body = client_as("office").get(reverse("pledges:mine")).content.decode()
    assert "chưa gắn với một người" in body


def test_secretary_filters_pledges_awaiting_confirmation(client_as, tree):
    PledgeFactory(person=tree.members_a[2], year=TODAY.year, registered_on=TODAY)
    confirmed = PledgeFactory(person=tree.members_a[0], confirmed_at=timezone.now())
    client = client_as("secretary")
    pending = client.get(reverse("pledges:pledge_list"), {"status": "pending"}).content.decode()
    assert tree.members_a[2].code in pending and confirmed.person.code not in pending
    done = client.get(reverse("pledges:pledge_list"), {"status": "confirmed"}).content.decode()
    assert confirmed.person.code in done and tree.members_a[2].code not in done


@pytest.mark.parametrize(
    "url_name", ["pledges:pledge_list", "pledges:plan_list", "pledges:standard_list"]
)
def test_lists_run_a_fixed_number_of_queries(
    client_as, tree, url_name, django_assert_max_num_queries
):
    client = client_as("office")
    for person in tree.members_a + tree.members_b:
        PledgeFactory(person=person)
        PersonalPlanFactory(person=person)
    with django_assert_max_num_queries(10):
        assert client.get(reverse(url_name), {"year": 2019}).status_code == 200
    for _ in range(4):
        cell = UnitFactory(parent=tree.committee)
        ConductStandardFactory(unit=cell)
        for person in PersonFactory.create_batch(6, unit=cell):
            PledgeFactory(person=person)
            PersonalPlanFactory(person=person)
    with django_assert_max_num_queries(10):
        assert client.get(reverse(url_name), {"year": 2019}).status_code == 200
