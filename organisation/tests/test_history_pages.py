"""The office manages units over time and members' events through the pages."""

import datetime as dt

import pytest
from django.urls import reverse

from core.actors import SYSTEM
from organisation import membership, services
from organisation.models import MemberEvent, Unit, UnitName


def post(client, name, pk, data, **kwargs):
    return client.post(reverse(f"organisation:{name}", kwargs={"pk": pk, **kwargs}), data)


def field_errors(response, field):
    return " ".join(response.context["form"].errors.get(field, []))


@pytest.mark.django_db
def test_found_rename_and_move_a_cell(client_as, tree):
    office = client_as("office")
    response = post(
        office,
        "unit_found",
        tree.sub_committee.pk,
        {
            "code": "CBM",
            "name": "Chi bộ Mới",
            "kind": "cell",
            "parent": tree.sub_committee.pk,
            "founded_on": "2019-03-01",
        },
    )
    assert response.status_code == 302
    cell = Unit.objects.get(code="CBM")
    assert (cell.parent, cell.founded_on) == (tree.sub_committee, dt.date(2019, 3, 1))
    assert cell.path.startswith(tree.sub_committee.path)
    # Renamed on 01/01/2021: the old name stays for the years before.
    response = post(office, "unit_rename", cell.pk, {"name": "Chi bộ Đổi Tên", "on": "2021-01-01"})
    assert response.status_code == 302
    cell.refresh_from_db()
    assert membership.unit_name_on(cell, dt.date(2020, 12, 31)) == "Chi bộ Mới"
    assert membership.unit_name_on(cell, dt.date(2021, 1, 1)) == "Chi bộ Đổi Tên"
    page = office.get(reverse("organisation:unit", args=[cell.pk])).content.decode()
    assert "Chi bộ Mới, đến 31/12/2020" in page and "01/03/2019" in page
    # Moved under the committee itself.
    response = post(office, "unit_move", cell.pk, {"parent": tree.committee.pk})
    assert response.status_code == 302
    cell.refresh_from_db()
    assert cell.parent == tree.committee and cell.path == f"{tree.committee.path}{cell.pk}."


@pytest.mark.django_db
def test_wrong_unit_dates_are_refused_next_to_the_field(client_as, tree):
    office = client_as("office")
    data = {"code": "CBX", "name": "Chi bộ X", "kind": "cell", "parent": tree.committee.pk}
    response = post(office, "unit_found", tree.committee.pk, {**data, "founded_on": "2999-01-01"})
    assert "tương lai" in field_errors(response, "founded_on")
    assert 'value="Chi bộ X"' in response.content.decode()
    assert not Unit.objects.filter(code="CBX").exists()
    tree.cell_b.founded_on = dt.date(2010, 1, 1)
    tree.cell_b.save()
    response = post(office, "unit_rename", tree.cell_b.pk, {"name": "B mới", "on": "2009-05-05"})
    assert "thành lập" in field_errors(response, "on")
    assert not UnitName.objects.exists()
    response = post(office, "unit_dissolve", tree.cell_b.pk, {"on": "2009-05-05"})
    assert response.status_code == 200
    tree.cell_b.refresh_from_db()
    assert tree.cell_b.dissolved_on is None


@pytest.mark.django_db
def test_dissolve_moves_members_to_the_receiving_cell_or_their_own_choice(client_as, tree):
    office = client_as("office")
    other = Unit.objects.create(code="CBD", name="Chi bộ D", kind="cell", parent=tree.committee)
    page = office.get(reverse("organisation:unit_dissolve", args=[tree.cell_b.pk]))
    names = page.content.decode()
    assert all(person.full_name in names for person in tree.members_b)
    chosen = tree.members_b[1]
    # Without a receiving unit, every member needs a destination: nothing is written.
    response = post(office, "unit_dissolve", tree.cell_b.pk, {"on": "2020-07-01"})
    assert "đơn vị tiếp nhận" in field_errors(response, "successor")
    assert not MemberEvent.objects.exists()
    data = {"on": "2020-07-01", "successor": tree.cell_a.pk, f"member_{chosen.pk}": other.pk}
    response = post(office, "unit_dissolve", tree.cell_b.pk, data)
    assert response.status_code == 302
    tree.cell_b.refresh_from_db()
    assert (tree.cell_b.dissolved_on, tree.cell_b.successor) == (dt.date(2020, 7, 1), tree.cell_a)
    for person in tree.members_b:
        target = other if person == chosen else tree.cell_a
        assert membership.cell_of(person, dt.date(2020, 6, 30)) == tree.cell_b
        assert membership.cell_of(person, dt.date(2020, 7, 1)) == target
    assert not membership.cells_on(tree.committee, dt.date(2020, 7, 1)).filter(pk=tree.cell_b.pk)
    page = office.get(reverse("organisation:unit", args=[tree.cell_a.pk])).content.decode()
    assert "Chi bộ B" in page  # among the units merged into A
    overview = office.get(reverse("organisation:overview")).content.decode()
    assert "Đã giải thể ngày 01/07/2020" in overview
    # A member cannot then be moved into the dissolved cell.
    response = post(
        office,
        "person_event",
        tree.members_a[2].pk,
        {"kind": "transfer", "date": "2021-01-05", "to_unit": tree.cell_b.pk},
    )
    assert "không tồn tại" in field_errors(response, "date") or "giải thể" in field_errors(
        response, "date"
    )
    assert not tree.members_a[2].events.exists()


@pytest.mark.django_db
def test_overlapping_exemptions_and_events_after_leaving_are_refused(client_as, tree):
    office = client_as("office")
    person = tree.members_a[2]
    url_kwargs = {"pk": person.pk}

    def record(kind, date):
        return office.post(
            reverse("organisation:person_event", kwargs=url_kwargs), {"kind": kind, "date": date}
        )

    assert record("exempt", "2015-01-01").status_code == 302
    response = record("exempt", "2016-01-01")
    assert "Trùng" in field_errors(response, "date")
    assert record("exempt_end", "2017-01-01").status_code == 302
    assert record("deceased", "2020-01-01").status_code == 302
    response = record("suspend", "2021-01-01")
    assert "không có trong danh sách" in field_errors(response, "date")
    assert person.events.count() == 3
    # The list of cell A says "Miễn sinh hoạt" beside an exempted member only while exempt.
    exempt = tree.members_a[1]
    services.member_event_record(
        user=SYSTEM, person=exempt, kind="exempt", date=dt.date(2022, 1, 1)
    )
    page = office.get(reverse("organisation:unit", args=[tree.cell_a.pk])).content.decode()
    assert page.count("Miễn sinh hoạt") == 1
    on_2021 = office.get(reverse("organisation:unit", args=[tree.cell_a.pk]), {"on": "2021-06-01"})
    assert "Miễn sinh hoạt" not in on_2021.content.decode()


@pytest.mark.django_db
def test_the_timeline_lists_admission_and_events_and_a_wrong_one_can_be_deleted(client_as, tree):
    office = client_as("office")
    person = tree.members_a[2]
    services.member_event_record(
        user=SYSTEM, person=person, kind="transfer", date=dt.date(2019, 9, 1), to_unit=tree.cell_b
    )
    event = services.member_event_record(
        user=SYSTEM, person=person, kind="suspend", date=dt.date(2020, 2, 1)
    )
    page = office.get(reverse("organisation:person", args=[person.pk])).content.decode()
    page = page[page.index('id="timeline"') :]
    order = [page.index(text) for text in ("02/03/2005", "02/03/2006", "01/09/2019", "01/02/2020")]
    assert order == sorted(order)
    assert "Kết nạp vào Đảng" in page and "Đình chỉ sinh hoạt" in page
    url = reverse("organisation:person_event_delete", args=[person.pk, event.pk])
    confirm = office.get(url).content.decode()
    assert "Đình chỉ sinh hoạt" in confirm and "01/02/2020" in confirm
    assert person.events.count() == 2  # asking is not deleting
    assert office.post(url).status_code == 302
    assert list(person.events.values_list("kind", flat=True)) == ["transfer"]
    assert membership.roll(tree.committee, dt.date(2021, 1, 1), active=True).filter(pk=person.pk)
    # Deleting the move puts him back in cell A.
    move = person.events.get()
    office.post(reverse("organisation:person_event_delete", args=[person.pk, move.pk]))
    person.refresh_from_db()
    assert person.unit == tree.cell_a
    assert client_as("secretary").post(url).status_code in (403, 404)
