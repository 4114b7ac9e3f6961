"""Every error message and lookup answers only about what the user may see: an id or a code
outside the user's scope gets the same answer as one that does not exist."""

import datetime as dt

import pytest
from django.urls import reverse

from meetings.models import Attendance, Meeting
from organisation.models import Person


@pytest.fixture
def meeting_a(tree):
    return Meeting.objects.create(
        code="SH-A", kind=Meeting.Kind.REGULAR, unit=tree.cell_a, date=dt.date(2024, 3, 15)
    )


def test_attendance_for_another_cells_person_answers_like_a_missing_id(tree, client_as, meeting_a):
    client = client_as("secretary")
    missing = max(Person.objects.values_list("pk", flat=True)) + 1
    for outsider in [*tree.members_b]:
        answers = {}
        for label, pk in (("other cell", outsider.pk), ("missing", missing)):
            for htmx in ({}, {"HTTP_HX_REQUEST": "true"}):
                url = reverse("meetings:attendance_mark", args=[meeting_a.pk, pk])
                response = client.post(url, {"status": "present"}, follow=True, **htmx)
                body = response.content.decode()
                assert outsider.full_name not in body and outsider.code not in body
                answers.setdefault(label, []).append(response.status_code)
        assert answers["other cell"] == answers["missing"] == [404, 404]
    assert not Attendance.objects.exists()
    # Removing a mark says nothing either.
    url = reverse("meetings:attendance_remove", args=[meeting_a.pk, tree.members_b[0].pk])
    assert client.post(url).status_code == 404


def test_the_audit_trail_of_a_second_committee_shows_nothing_of_the_first(
    tree, users, second_committee, client_as
):
    from organisation import services as organisation_services

    person = tree.members_a[0]
    organisation_services.person_update(
        user=users["office"], person=person, position="Chuyên viên mới"
    )
    client = client_as("office2")
    url = reverse("core:audit")
    page = client.get(url).content.decode()
    for marker in (tree.committee.name, tree.cell_a.name, person.code, "office</option>"):
        assert marker not in page
    for code in (person.code, "KHONG-CO-MA"):
        answer = client.get(url, {"person": code}).content.decode()
        assert "Không có người nào mang mã này" in answer
        assert person.full_name not in answer
    # The first committee's office still sees its own change.
    assert person.code in client_as("office").get(url).content.decode()
