import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from organisation import services
from organisation.models import Person, Posting
from organisation.selectors import roll_on
from organisation.tests.factories import MassOrganisationFactory

TOMORROW = timezone.localdate() + dt.timedelta(days=1)


def form_data(tree, **changes):
    data = {
        "unit": tree.cell_a.pk,
        "code": "NEW1",
        "full_name": "Đỗ Thị Mai",
        "birth_date": "1990-04-02",
        "gender": "female",
        "position": "Chuyên viên",
        "party_status": "probationary",
        "party_joined_on": "2024-03-01",
        "party_official_on": "",
        "since": "",
    }
    data.update(changes)
    return data


def test_office_adds_a_person_through_the_form(client_as, tree, users):
    organisation = MassOrganisationFactory(name="Hội Phụ nữ")
    data = form_data(tree, mass_organisations=[organisation.pk], birth_date="02/04/1990")
    response = client_as("office").post(
        reverse("organisation:person_add", args=[tree.cell_a.pk]), data, follow=True
    )
    person = Person.objects.get(code="NEW1")
    assert "Đỗ Thị Mai" in response.content.decode()
    assert person.birth_date == dt.date(1990, 4, 2)
    assert list(person.mass_organisations.all()) == [organisation]
    assert person.postings.get().unit == tree.cell_a
    assert person.history.first().history_user == users["office"]


@pytest.mark.parametrize(
    "changes,field,message",
    [
        ({"party_official_on": "2024-06-01"}, "party_official_on", "Đảng viên dự bị"),
        ({"birth_date": TOMORROW.isoformat()}, "birth_date", "tương lai"),
        ({"party_status": "", "party_joined_on": "2024-03-01"}, "party_joined_on", "không phải"),
        ({"party_status": "full", "party_joined_on": ""}, "party_joined_on", "ngày vào Đảng"),
        ({"party_joined_on": "1989-01-01"}, "party_joined_on", "ngày sinh"),
        ({"code": "P-DUP"}, "code", "đã tồn tại"),
    ],
)
def test_bad_input_is_refused_next_to_its_field(client_as, tree, changes, field, message):
    if changes.get("code") == "P-DUP":
        Person.objects.filter(pk=tree.members_b[0].pk).update(code="P-DUP")
    response = client_as("office").post(
        reverse("organisation:person_add", args=[tree.cell_a.pk]), form_data(tree, **changes)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert message in " ".join(errors[field])
    # What was typed is kept.
    assert 'value="Đỗ Thị Mai"' in response.content.decode()
    assert not Person.objects.filter(code="NEW1").exists()


def test_edit_keeps_the_history_and_records_who(client_as, tree, users):
    person = tree.members_a[2]
    data = {
        "code": person.code,
        "full_name": "Tên Mới Hẳn",
        "birth_date": "1980-05-01",
        "gender": "male",
        "position": "Trưởng phòng",
        "party_status": "full",
        "party_joined_on": "2005-03-02",
        "party_official_on": "2006-03-02",
    }
    response = client_as("office").post(reverse("organisation:person_edit", args=[person.pk]), data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.full_name == "Tên Mới Hẳn" and person.position == "Trưởng phòng"
    latest = person.history.first()
    assert latest.history_user == users["office"]
    assert latest.prev_record.full_name != "Tên Mới Hẳn"


def test_transfer_closes_the_posting_and_opens_a_new_one(client_as, tree):
    person = tree.members_a[2]
    response = client_as("office").post(
        reverse("organisation:person_event", args=[person.pk]),
        {"kind": "transfer", "to_unit": tree.cell_b.pk, "date": "2020-07-01", "note": "Điều động"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.unit == tree.cell_b
    old, new = person.postings.order_by("pk")
    assert (old.unit, old.end) == (tree.cell_a, dt.date(2020, 7, 1))
    assert (new.unit, new.start, new.end) == (tree.cell_b, dt.date(2020, 7, 1), None)
    # The roll on either side of the date follows the transfer.
    assert person in roll_on(tree.cell_a, dt.date(2020, 6, 30))
    assert person not in roll_on(tree.cell_a, dt.date(2020, 7, 1))
    assert person in roll_on(tree.cell_b, dt.date(2020, 7, 1))
    event = person.events.get()
    assert (event.from_unit, event.note) == (tree.cell_a, "Điều động")


def test_transfer_to_the_same_unit_or_in_the_future_is_refused(tree, users):
    person = tree.members_a[2]
    with pytest.raises(ValidationError):
        services.person_transfer(
            user=users["office"], person=person, unit=tree.cell_a, on=dt.date(2020, 1, 1)
        )
    with pytest.raises(ValidationError):
        services.person_transfer(user=users["office"], person=person, unit=tree.cell_b, on=TOMORROW)


def test_move_out_sets_the_date_and_closes_the_posting(client_as, tree):
    person = tree.members_a[2]
    url = reverse("organisation:person_event", args=[person.pk])
    response = client_as("office").post(url, {"kind": "move_out", "date": "2021-02-03"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.moved_out_on == dt.date(2021, 2, 3)
    assert person.postings.get().end == dt.date(2021, 2, 3)
    assert person not in roll_on(tree.committee, dt.date(2021, 2, 3))
    assert person in roll_on(tree.committee, dt.date(2021, 2, 2))
    assert Person.objects.filter(pk=person.pk).exists()  # nothing is deleted
    page = client_as("office").get(reverse("organisation:person", args=[person.pk]))
    assert "Chuyển sinh hoạt đi" in page.content.decode()


def test_exemption_before_joining_is_refused_next_to_the_date(client_as, tree):
    person = tree.members_a[2]
    response = client_as("office").post(
        reverse("organisation:person_event", args=[person.pk]),
        {"kind": "exempt", "date": "2001-01-01", "note": "Tuổi cao"},
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["date"])
    assert "vào Đảng" in errors
    assert 'value="2001-01-01"' in response.content.decode()  # what was typed stays
    assert not person.events.exists()
    assert not Posting.objects.filter(person=person, end__isnull=False).exists()


def test_a_secretary_cannot_change_people(client_as, tree):
    person = tree.members_a[2]
    data = {"kind": "move_out", "date": "2021-02-03"}
    url = reverse("organisation:person_event", args=[person.pk])
    assert client_as("secretary").post(url, data).status_code == 403
    assert client_as("other_secretary").post(url, data).status_code == 404
    person.refresh_from_db()
    assert person.moved_out_on is None
