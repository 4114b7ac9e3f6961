"""Committee-wide attendance: grouped by cell, searchable, marked by cell; staff in bulk."""

import datetime as dt

import pytest
from django.urls import reverse

from meetings.models import Attendance
from organisation.tests.factories import CommitteeFactory, PersonFactory, StaffFactory, UnitFactory

from .factories import MeetingFactory, briefing_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def briefing(tree):
    return briefing_of(tree.committee)


def marked(meeting):
    return set(Attendance.objects.filter(meeting=meeting).values_list("person_id", flat=True))


def test_the_list_is_grouped_by_cell_and_searchable(tree, client_as, briefing):
    thuy = PersonFactory(unit=tree.cell_b, full_name="Đặng Thị Thuỷ")
    client = client_as("office")
    url = reverse("meetings:attendance", args=[briefing.pk])
    page = client.get(url).content.decode()
    section_a = page.split("<strong>Chi bộ A</strong>")[1].split("</details>")[0]
    section_b = page.split("<strong>Chi bộ B</strong>")[1].split("</details>")[0]
    assert all(p.full_name in section_a for p in tree.members_a)
    assert thuy.full_name in section_b and thuy.full_name not in section_a
    found = client.get(url, {"q": "dang thi thuy"}).content.decode()
    assert thuy.full_name in found
    assert found.count('class="roll-row') == 1


def test_mark_one_cell_present_then_all(tree, users, client_as, briefing):
    client = client_as("office")
    url = reverse("meetings:attendance_everyone", args=[briefing.pk])
    client.post(url, {"cell": tree.cell_b.pk})
    assert marked(briefing) == {p.pk for p in tree.members_b}
    client.post(url)
    assert marked(briefing) == {p.pk for p in tree.members_a + tree.members_b}
    assert set(Attendance.objects.values_list("status", flat=True)) == {"present"}


def test_a_cell_outside_the_meeting_is_refused(tree, client_as):
    meeting = MeetingFactory(unit=tree.cell_a, date=dt.date(2024, 3, 15))
    other = UnitFactory(parent=CommitteeFactory(code="DBK"))
    PersonFactory(unit=other)
    client = client_as("office")
    url = reverse("meetings:attendance_everyone", args=[meeting.pk])
    response = client.post(url, {"cell": tree.cell_b.pk}, follow=True)
    assert "không thuộc đơn vị của cuộc họp" in response.content.decode()
    client.post(url, {"cell": other.pk})
    assert not marked(meeting)


def test_staff_added_in_bulk(tree, client_as, briefing):
    more = StaffFactory.create_batch(3, unit=tree.cell_b)
    client = client_as("office")
    url = reverse("meetings:attendance_add", args=[briefing.pk])
    client.post(url, {"people": [more[0].pk, more[1].pk]})
    assert marked(briefing) == {more[0].pk, more[1].pk}
    response = client.post(url, {"all": "1"}, follow=True)
    assert marked(briefing) == {p.pk for p in [*more, *tree.staff_a]}
    assert "Đã thêm 2 cán bộ, nhân viên" in response.content.decode()  # the two not yet on the list
