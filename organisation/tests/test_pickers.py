"""Person pickers: search among the roll of a unit on a date; a value outside it is refused."""

import datetime as dt

import pytest
from django.urls import reverse

from meetings.models import Meeting
from organisation import services
from organisation.tests.factories import CommitteeFactory, PersonFactory, StaffFactory, UnitFactory

pytestmark = pytest.mark.django_db

PICKER = "/to-chuc/chon-nguoi/"


@pytest.fixture
def people(tree, users):
    thuy = PersonFactory(unit=tree.cell_a, full_name="Đặng Thị Thuỷ", code="NS-THUY")
    left = PersonFactory(unit=tree.cell_a, full_name="Đặng Quốc Thắng", code="NS-THANG")
    services.person_move_out(user=users["office"], person=left, on=dt.date(2020, 6, 1))
    other_cell = PersonFactory(unit=tree.cell_b, full_name="Đặng Văn Thịnh", code="NS-THINH")
    staff = StaffFactory(unit=tree.cell_a, full_name="Đặng Thu Trang", code="NS-TRANG")
    elsewhere = CommitteeFactory(code="DBK", name="Đảng bộ khác")
    stranger = PersonFactory(
        unit=UnitFactory(parent=elsewhere), full_name="Đặng Thị Thuý", code="NS-KHAC"
    )
    return {"thuy": thuy, "left": left, "other_cell": other_cell, "staff": staff, "x": stranger}


def ask(client, unit, on, text, scope="roll"):
    params = {
        "field": "chair",
        "scope": scope,
        "unit_field": "unit",
        "unit": unit.pk,
        "date_field": "date",
        "date": on,
        "chair__q": text,
    }
    return client.get(PICKER, params).content.decode()


def test_search_without_diacritics_among_the_roll_of_the_unit_on_the_date(tree, client_as, people):
    client = client_as("office")
    page = ask(client, tree.cell_a, "2026-03-01", "dang")
    assert "Đặng Thị Thuỷ" in page
    assert "Đặng Quốc Thắng" not in page  # moved out in 2020
    assert "Đặng Văn Thịnh" not in page  # another cell
    assert "Đặng Thu Trang" not in page  # not a party member
    assert "Đặng Thị Thuý" not in page  # another committee
    # Before his move-out he was on the roll; by code as well as by name.
    assert "Đặng Quốc Thắng" in ask(client, tree.cell_a, "01/01/2019", "ns-thang")
    # Members and staff when the picker takes the unit's people.
    assert "Đặng Thu Trang" in ask(client, tree.cell_a, "2026-03-01", "trang", scope="people")


def test_nobody_found_says_so_and_a_unit_outside_the_scope_gives_nothing(tree, client_as, people):
    page = ask(client_as("office"), tree.cell_a, "2026-03-01", "zzz")
    assert "Không có ai" in page and "Chi bộ A" in page
    secretary = client_as("secretary")
    assert "Đặng Văn Thịnh" not in ask(secretary, tree.cell_b, "2026-03-01", "dang")
    assert "Chọn đơn vị trước" in ask(secretary, tree.cell_b, "2026-03-01", "dang")


def meeting_data(tree, chair, on="2024-03-01"):
    return {"kind": "regular", "unit": tree.cell_a.pk, "date": on, "chair": chair.pk}


def test_a_chair_outside_the_roll_on_the_meeting_date_is_refused(tree, client_as, people):
    client = client_as("office")
    response = client.post(reverse("meetings:create"), meeting_data(tree, people["left"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Đặng Quốc Thắng không có tên trong danh sách đảng viên của Chi bộ A" in page
    assert "01/03/2024" in page
    assert not Meeting.objects.exists()
    response = client.post(reverse("meetings:create"), meeting_data(tree, people["other_cell"]))
    assert not Meeting.objects.exists()
    response = client.post(reverse("meetings:create"), meeting_data(tree, people["thuy"]))
    assert response.status_code == 302
    assert Meeting.objects.get().chair == people["thuy"]


def test_the_same_chair_is_fine_on_a_date_he_was_on_the_roll(tree, client_as, people):
    client = client_as("office")
    data = meeting_data(tree, people["left"], on="2019-05-02")
    assert client.post(reverse("meetings:create"), data).status_code == 302
    assert Meeting.objects.get().chair == people["left"]


def test_the_edit_form_shows_the_chosen_person(tree, client_as, people):
    client = client_as("office")
    client.post(reverse("meetings:create"), meeting_data(tree, people["thuy"]))
    meeting = Meeting.objects.get()
    page = client.get(reverse("meetings:edit", args=[meeting.pk])).content.decode()
    assert f'value="{people["thuy"].pk}" checked' in page
    assert "<select" not in page.split('id="picker-chair"')[1].split("</div>")[0]
