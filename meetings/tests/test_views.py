import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document as WordDocument
from pypdf import PdfReader

from core.actors import SYSTEM
from core.testing import post_refused
from meetings import services
from meetings.models import Attendance, Meeting, Minutes
from organisation.models import Person
from organisation.tests.factories import PersonFactory

from .factories import GuestFactory, MeetingFactory, topic


def test_list_search_and_filters(tree, client_as, meeting_a, meeting_b, conference_a):
    MeetingFactory(unit=tree.cell_a, date=dt.date(2023, 5, 5), content="Sinh hoạt tháng Năm")
    client = client_as("office")
    url = reverse("meetings:list")
    page = client.get(url).content.decode()
    assert meeting_a.code in page and meeting_b.code in page
    page = client.get(url, {"year": 2023}).content.decode()
    assert "Sinh hoạt tháng Năm" not in page  # content is not a column, but the code is
    assert meeting_a.code not in page and "HN" in page
    page = client.get(url, {"kind": "briefing"}).content.decode()
    assert conference_a.code in page and meeting_a.code not in page
    page = client.get(url, {"unit": tree.cell_b.pk}).content.decode()
    assert meeting_b.code in page and meeting_a.code not in page
    page = client.get(url, {"topic": topic("CD-TK-XIII").pk}).content.decode()
    assert conference_a.code in page and meeting_b.code not in page
    page = client.get(url, {"q": "thang nam"}).content.decode()  # no diacritics
    assert "2023" in page and meeting_b.code not in page


def test_secretary_sees_only_own_cell(tree, client_as, meeting_a, meeting_b):
    client = client_as("secretary")
    page = client.get(reverse("meetings:list")).content.decode()
    assert meeting_a.code in page and meeting_b.code not in page
    assert client.get(reverse("meetings:detail", args=[meeting_b.pk])).status_code == 404
    assert client.get(reverse("meetings:attendance", args=[meeting_b.pk])).status_code == 404
    response = client.post(
        reverse("meetings:attendance_mark", args=[meeting_b.pk, tree.members_b[0].pk]),
        {"status": "present"},
    )
    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_list_query_count_does_not_grow(tree, client_as, django_assert_max_num_queries):
    for day in range(1, 29):
        meeting = MeetingFactory(unit=tree.cell_a, date=dt.date(2024, 2, day))
        for person in tree.members_a:
            Attendance.objects.create(meeting=meeting, person=person, status="present")
    client = client_as("office")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("meetings:list"))
    assert response.status_code == 200


def test_create_form_shows_errors_next_to_fields_and_keeps_input(tree, client_as):
    client = client_as("secretary")
    post_refused(
        client,
        reverse("meetings:create"),
        {
            "kind": "regular",
            "unit": tree.cell_a.pk,
            "date": "2024-03-01",
            "held": "on",
            "start_time": "15:00",
            "end_time": "14:00",
            "place": "Phòng họp tầng 3",
        },
        "Giờ kết thúc phải sau giờ bắt đầu.",
        "Phòng họp tầng 3",
    )
    assert not Meeting.objects.exists()
    # Another cell is not even a choice for the secretary.
    response = client.post(
        reverse("meetings:create"),
        {"kind": "regular", "unit": tree.cell_b.pk, "date": "2024-03-01"},
    )
    assert response.status_code == 200 and not Meeting.objects.exists()


def test_create_and_edit(tree, client_as):
    client = client_as("secretary")
    response = client.post(
        reverse("meetings:create"),
        {
            "kind": "study",
            "unit": tree.cell_a.pk,
            "date": "2024-03-01",
            "held": "on",
            "start_time": "14:00",
            "end_time": "16:00",
            "topics": [topic("CD-TK-XIII").pk],
            "agenda": "Kiểm điểm công tác tháng\nPhân công nhiệm vụ",
            "materials": "Tài liệu chuyên đề",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Phân công nhiệm vụ" in page and "CD-TK-XIII" in page and "120" in page
    future = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    response = client.post(
        reverse("meetings:edit", args=[meeting.pk]),
        {"kind": "study", "unit": tree.cell_a.pk, "date": future, "held": "on"},
    )
    assert "không thể đánh dấu là đã tổ chức" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.date == dt.date(2024, 3, 1)


def test_htmx_attendance_returns_the_row(tree, client_as, meeting_a):
    client = client_as("secretary")
    person = tree.members_a[1]
    url = reverse("meetings:attendance_mark", args=[meeting_a.pk, person.pk])
    response = client.post(
        url, {"status": "excused", "reason": "Đi công tác"}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f'id="roll-{person.pk}"' in page and "is-excused" in page
    assert 'hx-swap-oob="true"' in page  # the counts update out of band
    assert "<html" not in page
    assert Attendance.objects.get(meeting=meeting_a, person=person).reason == "Đi công tác"
    # Another cell's member: the same answer as an id that does not exist (nothing about him
    # is disclosed), and nothing is written.
    outsider = tree.members_b[0]
    missing = max(Person.objects.values_list("pk", flat=True)) + 1
    for pk in (outsider.pk, missing):
        url = reverse("meetings:attendance_mark", args=[meeting_a.pk, pk])
        response = client.post(url, {"status": "present"}, HTTP_HX_REQUEST="true")
        body = response.content.decode()
        assert response.status_code == 404
        assert outsider.full_name not in body and outsider.code not in body
    assert not Attendance.objects.filter(person=outsider).exists()


def test_attendance_page_and_everyone_present(
    tree, client_as, meeting_a, django_assert_max_num_queries
):
    client = client_as("secretary")
    with django_assert_max_num_queries(15):
        page = client.get(reverse("meetings:attendance", args=[meeting_a.pk])).content.decode()
    for person in tree.members_a:
        assert person.full_name in page
    assert tree.members_b[0].code not in page
    client.post(reverse("meetings:attendance_everyone", args=[meeting_a.pk]))
    assert meeting_a.attendance.filter(status="present").count() == 3


def test_attendance_page_queries_do_not_grow(tree, client_as, django_assert_max_num_queries):
    from organisation.tests.factories import PersonFactory

    PersonFactory.create_batch(40, unit=tree.cell_a)
    meeting = MeetingFactory(unit=tree.cell_a, kind=Meeting.Kind.BRIEFING)
    services.attendance_mark_everyone_present(user=SYSTEM, meeting=meeting)
    GuestFactory.create_batch(3, meeting=meeting)
    client = client_as("secretary")
    with django_assert_max_num_queries(15):
        response = client.get(reverse("meetings:attendance", args=[meeting.pk]))
    assert response.content.decode().count('class="roll-row') == 43


def test_conference_staff_and_guests(tree, client_as, conference_a):
    client = client_as("secretary")
    client.post(
        reverse("meetings:attendance_add", args=[conference_a.pk]), {"people": [tree.staff_a[0].pk]}
    )
    client.post(
        reverse("meetings:guest_add", args=[conference_a.pk]),
        {"name": "Lê Khách", "organisation": "Ban Tuyên giáo"},
    )
    page = client.get(reverse("meetings:attendance", args=[conference_a.pk])).content.decode()
    assert tree.staff_a[0].full_name in page and "Lê Khách (Ban Tuyên giáo)" in page
    assert conference_a.attendance.get(person=tree.staff_a[0]).status == "present"


def test_minutes_workflow_and_versions(tree, client_as, meeting_a):
    client = client_as("secretary")
    page = client.get(reverse("meetings:minutes_edit", args=[meeting_a.pk])).content.decode()
    assert "khai mạc" in page  # the template's standard parts
    client.post(
        reverse("meetings:minutes_edit", args=[meeting_a.pk]),
        {
            "number": "7",
            "proceedings": "Khai mạc.",
            "discussion": "",
            "conclusion": "Nhất trí.",
            "closing": "",
        },
    )
    services.attendance_mark_everyone_present(user=SYSTEM, meeting=meeting_a)
    client.post(reverse("meetings:minutes_approve", args=[meeting_a.pk]))
    assert Minutes.objects.get().is_locked
    client.post(
        reverse("meetings:minutes_edit", args=[meeting_a.pk]),
        {
            "reason": "Sửa lời khai mạc.",
            "number": "7",
            "proceedings": "Khai mạc (sửa).",
            "discussion": "",
            "conclusion": "Nhất trí.",
            "closing": "",
        },
    )
    assert Minutes.objects.count() == 2
    old = client.get(reverse("meetings:minutes_version", args=[meeting_a.pk, 1])).content.decode()
    assert "Khai mạc." in old and "Khai mạc (sửa)." not in old and "Bản cũ" in old
    assert (
        client.get(reverse("meetings:minutes_version", args=[meeting_a.pk, 9])).status_code == 404
    )


def _minutes(tree, meeting):
    for index, person in enumerate(tree.members_a):
        status = ["present", "excused", "absent"][index]
        services.attendance_mark(user=SYSTEM, meeting=meeting, person=person, status=status)
    # Two more members present: 3 of 5 full members, a quorum (more than half).
    for person in PersonFactory.create_batch(2, unit=tree.cell_a):
        services.attendance_mark(user=SYSTEM, meeting=meeting, person=person, status="present")
    meeting.chair = tree.members_a[0]
    meeting.save()
    minutes = services.minutes_save(
        user=SYSTEM, meeting=meeting, number="12", proceedings="Đồng chí Bí thư khai mạc."
    )
    return services.minutes_approve(user=SYSTEM, minutes=minutes)


def test_minutes_docx(tree, client_as, meeting_a):
    _minutes(tree, meeting_a)
    response = client_as("member").get(reverse("meetings:minutes_docx", args=[meeting_a.pk, 1]))
    assert response.status_code == 200
    document = WordDocument(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "BIÊN BẢN" in text
    assert "Số 12-BB/CB" in "\n".join(text.split("\n") + cells)
    assert "Đồng chí Bí thư khai mạc." in text
    assert tree.members_a[2].full_name in cells and "Vắng không lý do" in cells


def test_minutes_pdf(tree, client_as, meeting_a):
    _minutes(tree, meeting_a)
    response = client_as("office").get(reverse("meetings:minutes_pdf", args=[meeting_a.pk, 1]))
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "BIÊN BẢN" in text and "12-BB/CB" in text
    assert "Vắng có lý do" in text and tree.members_a[1].full_name in text


@pytest.mark.parametrize(
    "name",
    [
        "meetings:coverage",
        "meetings:topic_coverage",
        "meetings:attention",
        "meetings:rules",
        "meetings:deadlines",
        "meetings:focus_areas",
    ],
)
def test_oversight_pages_render_in_vietnamese(tree, client_as, meeting_a, name):
    page = client_as("office").get(reverse(name)).content.decode()
    assert "<h1>" in page


def test_settings_edit_by_office(tree, client_as):
    client = client_as("office")
    response = client.post(
        reverse("meetings:rules_create"),
        {
            "committee": tree.committee.pk,
            "effective_from": "2026-01-01",
            "source": "Quy định của Đảng ủy",
            "min_minutes": "100",
            "min_minutes_combined": "130",
            "thematic_per_quarter": "1",
            "absence_months": "3",
            "quorum_percent": "50",
            "attendance_indicator_percent": "85",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("meetings:rules")).content.decode()
    assert "Quy định của Đảng ủy" in page
    response = client.post(
        reverse("meetings:deadline_create"),
        {"committee": tree.committee.pk, "topic": topic("CD-2020").pk, "deadline": "2020-04-30"},
    )
    assert response.status_code == 302
    assert "CD-2020" in client.get(reverse("meetings:deadlines")).content.decode()


def test_attention_page_checks_a_past_year(tree, client_as, meeting_a):
    for month in (1, 2, 3):
        meeting = MeetingFactory(unit=tree.cell_a, date=dt.date(2023, month, 5))
        Attendance.objects.create(meeting=meeting, person=tree.members_a[2], status="absent")
    client = client_as("secretary")
    page = client.get(reverse("meetings:attention"), {"year": 2023}).content.decode()
    assert tree.members_a[2].full_name in page and "Điều 8" in page
    page = (
        client_as("other_secretary")
        .get(reverse("meetings:attention"), {"year": 2023})
        .content.decode()
    )
    assert tree.members_a[2].full_name not in page


def test_minutes_upload_keeps_the_file_and_refuses_other_types(tree, client_as, meeting_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_as("secretary")
    url = reverse("meetings:minutes_edit", args=[meeting_a.pk])
    parts = {"number": "", "proceedings": "", "discussion": "", "conclusion": "", "closing": ""}
    response = client.post(url, {**parts, "file": SimpleUploadedFile("x.exe", b"MZ")})
    assert response.status_code == 200 and not Minutes.objects.exists()
    client.post(url, {**parts, "file": SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 scan")})
    services.attendance_mark_everyone_present(user=SYSTEM, meeting=meeting_a)
    minutes = Minutes.objects.get()
    response = client.get(reverse("meetings:minutes_file", args=[meeting_a.pk, 1]))
    assert b"".join(response.streaming_content) == b"%PDF-1.4 scan"
    client.post(reverse("meetings:minutes_approve", args=[meeting_a.pk]))
    minutes.refresh_from_db()
    assert minutes.is_locked  # an uploaded file is enough to approve
