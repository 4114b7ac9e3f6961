import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from activities.models import Activity, Commendation
from activities.tests.factories import ActivityFactory, CommendationFactory, kind, png_upload
from organisation.tests.factories import MassOrganisationFactory, StaffFactory, UnitFactory

pytestmark = pytest.mark.django_db


def form_data(tree, **extra):
    data = {
        "code": "",
        "organisation": MassOrganisationFactory(name="Đoàn Thanh niên").pk,
        "unit": tree.cell_a.pk,
        "kind": kind("Trao quà").pk,
        "date": "2019-12-20",
        "title": "Trao quà cho gia đình đoàn viên khó khăn",
        "participants": "12",
        "quantity": "20",
        "measure_unit": "",
        "description": "",
    }
    data.update(extra)
    return data


def test_secretary_adds_an_activity_with_a_photo(client_as, tree):
    client = client_as("secretary")
    data = form_data(tree, image=png_upload(), people=[tree.members_a[0].pk])
    response = client.post(reverse("activities:activity_create"), data)
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.measure_unit == "suất quà" and activity.photos.count() == 1
    detail = client.get(response["Location"]).content.decode()
    assert "20 suất quà" in detail and tree.members_a[0].full_name in detail


def test_secretary_cannot_add_for_another_cell(client_as, tree):
    response = client_as("secretary").post(
        reverse("activities:activity_create"), form_data(tree, unit=tree.cell_b.pk)
    )
    assert response.status_code == 200 and not Activity.objects.exists()


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({"participants": "-3"}, "participants", "không được âm"),
        ({"quantity": "-1"}, "quantity", "không được âm"),
        ({"date": "1900-01-01"}, "date", "01/01/1930"),
        ({"image": SimpleUploadedFile("x.jpg", b"GIF? no")}, "image", "không phải là ảnh"),
    ],
)
def test_bad_input_is_shown_next_to_the_field_and_kept(client_as, tree, extra, field, message):
    response = client_as("office").post(
        reverse("activities:activity_create"), form_data(tree, **extra)
    )
    body = response.content.decode()
    assert response.status_code == 200 and not Activity.objects.exists()
    assert f'id="id_{field}_error"' in body and message in body
    assert "Trao quà cho gia đình đoàn viên khó khăn" in body


def test_list_searches_without_diacritics_and_filters(client_as, tree):
    ActivityFactory(unit=tree.cell_a, title="Hiến máu tình nguyện", code="HD-A")
    ActivityFactory(unit=tree.cell_a, title="Giải bóng đá", code="HD-B", kind=kind("Khác"))
    client = client_as("office")
    body = client.get(reverse("activities:activity_list"), {"q": "hien mau"}).content.decode()
    assert "Hiến máu tình nguyện" in body and "Giải bóng đá" not in body
    body = client.get(
        reverse("activities:activity_list"), {"kind": kind("Khác").pk}
    ).content.decode()
    assert "Giải bóng đá" in body and "Hiến máu tình nguyện" not in body


def test_a_bad_photo_on_the_detail_page_is_refused(client_as, tree):
    activity = ActivityFactory(unit=tree.cell_a)
    response = client_as("secretary").post(
        reverse("activities:photo_add", args=[activity.pk]),
        {"image": SimpleUploadedFile("a.png", b"text")},
    )
    assert response.status_code == 400 and "không phải là ảnh" in response.content.decode()
    assert not activity.photos.exists()


def test_totals_per_kind_and_year_in_fixed_queries(client_as, tree, django_assert_max_num_queries):
    ActivityFactory(unit=tree.cell_a, quantity=Decimal(30), participants=35)
    ActivityFactory(unit=tree.cell_b, quantity=Decimal(15), participants=20)
    ActivityFactory(
        unit=tree.cell_a,
        kind=kind("Từ thiện"),
        quantity=Decimal(12_500_000),
        measure_unit="đồng",
        date=dt.date(2018, 6, 1),
    )
    client = client_as("office")
    url = reverse("activities:totals")
    with django_assert_max_num_queries(10):
        body = client.get(url).content.decode()
    assert "45 đơn vị máu" in body and "12.500.000 đồng" in body
    for _ in range(3):
        cell = UnitFactory(parent=tree.committee)
        ActivityFactory.create_batch(5, unit=cell, date=dt.date(2017, 4, 1))
        CommendationFactory.create_batch(3, person=StaffFactory(unit=cell))
    with django_assert_max_num_queries(10):
        client.get(url)
    with django_assert_max_num_queries(10):
        client.get(reverse("activities:activity_list"))
    with django_assert_max_num_queries(10):
        client.get(reverse("activities:commendation_list"))
    # The secretary's totals count his own cell only.
    own = client_as("secretary").get(url).content.decode()
    assert "30 đơn vị máu" in own and "45 đơn vị máu" not in own


def test_commendations_counted_by_level_and_membership(users, tree):
    from activities.selectors import commendation_counts

    CommendationFactory(person=tree.members_a[0])
    CommendationFactory(person=tree.staff_a[0])
    CommendationFactory(person=None, unit=tree.cell_a, level=Commendation.Level.HIGHER)
    # Joined the party after the decision: counted as a non-member for that commendation.
    late = tree.members_b[0]
    late.party_joined_on = dt.date(2020, 1, 1)
    late.save()
    CommendationFactory(person=late, decided_on=dt.date(2019, 5, 19))
    counts = commendation_counts(users["office"])
    assert counts == [
        {
            "year": 2019,
            "grassroots": 3,
            "higher": 1,
            "members": 1,
            "non_members": 2,
            "collectives": 1,
            "total": 4,
            Commendation.Level.GRASSROOTS: 3,
            Commendation.Level.HIGHER: 1,
        }
    ]


def test_office_adds_a_commendation_of_a_non_member(client_as, tree):
    staff = tree.staff_a[0]
    response = client_as("office").post(
        reverse("activities:commendation_create"),
        {
            "code": "",
            "person": staff.pk,
            "unit": "",
            "level": "grassroots",
            "form": "Giấy khen",
            "decision_number": "45-QĐ/ĐU",
            "decided_on": "2019-05-19",
            "reason": "Điển hình tiên tiến trong học tập và làm theo",
        },
    )
    assert response.status_code == 302
    detail = client_as("office").get(response["Location"]).content.decode()
    assert "không phải đảng viên" in detail


def test_commendation_needs_exactly_one_subject(client_as, tree):
    response = client_as("office").post(
        reverse("activities:commendation_create"),
        {
            "person": tree.members_a[0].pk,
            "unit": tree.cell_a.pk,
            "level": "grassroots",
            "form": "Giấy khen",
            "decided_on": "2019-05-19",
        },
    )
    assert "không chọn cả hai" in response.content.decode()
    assert not Commendation.objects.exists()
