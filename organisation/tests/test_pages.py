import datetime as dt

import pytest
from django.urls import reverse

from organisation.models import Person, Unit
from organisation.tests.factories import (
    MassOrganisationFactory,
    PersonFactory,
    StaffFactory,
    UnitFactory,
)


def test_overview_shows_the_tree_with_counts(client_as, tree):
    tree.members_a[0].mass_organisations.add(MassOrganisationFactory(name="Công đoàn"))
    PersonFactory(
        unit=tree.cell_b,
        party_status=Person.PartyStatus.PROBATIONARY,
        party_official_on=None,
    )
    response = client_as("office").get(reverse("organisation:overview"))
    html = response.content.decode()
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [(node.unit.code, level) for node, level in rows] == [
        ("DBT", 0),
        ("BP1", 1),
        ("CBA", 2),
        ("CBB", 1),
    ]
    committee = rows[0][0].counts
    assert (committee.full, committee.probationary, committee.staff, committee.mass) == (
        6,
        1,
        1,
        1,
    )
    cell_a = rows[2][0].counts
    assert (cell_a.full, cell_a.probationary, cell_a.staff) == (3, 0, 1)
    assert "Đảng bộ bộ phận thử" in html and "Chi bộ B" in html


def test_moved_out_people_leave_the_counts(client_as, tree):
    person = tree.members_b[0]
    person.moved_out_on = dt.date(2020, 1, 1)
    person.save()
    rows = client_as("office").get(reverse("organisation:overview")).context["rows"]
    assert rows[-1][0].counts.full == 2


def test_secretary_sees_only_his_cell(client_as, tree):
    client = client_as("secretary")
    rows = client.get(reverse("organisation:overview")).context["rows"]
    assert [node.unit.code for node, _ in rows] == ["CBA"]
    assert client.get(reverse("organisation:unit", args=[tree.cell_b.pk])).status_code == 404
    other = tree.members_b[1]
    assert client.get(reverse("organisation:person", args=[other.pk])).status_code == 404
    assert client.get(reverse("organisation:unit", args=[tree.committee.pk])).status_code == 404


def test_member_sees_himself_only(client_as, tree, users):
    client = client_as("member")
    me = users["member"].person
    response = client.get(reverse("organisation:me"), follow=True)
    assert response.status_code == 200
    assert me.full_name in response.content.decode()
    assert (
        client.get(reverse("organisation:person", args=[tree.members_a[2].pk])).status_code == 404
    )
    assert client.get(reverse("organisation:overview")).status_code == 403


def test_cell_page_lists_people_in_vietnamese_order_and_searches(client_as, tree):
    cell = UnitFactory(code="CBX", parent=tree.committee)
    for name in ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn Ánh", "Phạm Thị Ân"]:
        PersonFactory(unit=cell, full_name=name)
    client = client_as("office")
    url = reverse("organisation:unit", args=[cell.pk])
    names = [p.full_name for p in client.get(url).context["page_obj"]]
    # Given names first; a < â as letters of the alphabet, so An, Ánh, Ân, then Bình.
    assert names == ["Nguyễn Thị An", "Lê Văn Ánh", "Phạm Thị Ân", "Trần Văn Bình"]
    found = client.get(url, {"q": "nguyen an"}).context["page_obj"]
    assert [p.full_name for p in found] == ["Nguyễn Thị An"]
    found = client.get(url, {"q": "THI AN"}).context["page_obj"]
    assert [p.full_name for p in found] == ["Nguyễn Thị An", "Phạm Thị Ân"]


def test_cell_page_filters_and_paginates(client_as, tree, settings):
    settings.PAGE_SIZE = 2
    client = client_as("office")
    url = reverse("organisation:unit", args=[tree.cell_a.pk])
    response = client.get(url)
    assert response.context["page_obj"].paginator.num_pages == 2
    staff = client.get(url, {"party": "staff"}).context["page_obj"]
    assert [p.pk for p in staff] == [tree.staff_a[0].pk]
    second = client.get(url, {"page": 2}).context["page_obj"]
    assert len(second) == 2


def _committee_with(cells: int, people: int):
    committee = Unit.objects.get(code="DBT")
    for index in range(cells):
        cell = UnitFactory(code=f"QC{index}", parent=committee)
        PersonFactory.create_batch(people, unit=cell)
        StaffFactory.create_batch(1, unit=cell)
    return committee


@pytest.mark.parametrize("cells,people", [(1, 2), (8, 6)])
def test_overview_query_count_does_not_grow(
    client_as, tree, cells, people, django_assert_max_num_queries
):
    _committee_with(cells, people)
    client = client_as("office")
    with django_assert_max_num_queries(9):
        response = client.get(reverse("organisation:overview"))
    assert len(response.context["rows"]) == 4 + cells


@pytest.mark.parametrize("people", [2, 30])
def test_cell_page_query_count_does_not_grow(
    client_as, tree, people, django_assert_max_num_queries
):
    MassOrganisationFactory(name="Công đoàn")
    PersonFactory.create_batch(people, unit=tree.cell_a)
    for person in Person.objects.filter(unit=tree.cell_a):
        person.mass_organisations.add(MassOrganisationFactory(name="Công đoàn"))
    client = client_as("office")
    with django_assert_max_num_queries(13):
        response = client.get(reverse("organisation:unit", args=[tree.committee.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("transfers", [1, 6])
def test_person_page_query_count_does_not_grow(
    client_as, tree, users, transfers, django_assert_max_num_queries
):
    from organisation import services

    person = tree.members_a[2]
    for organisation in ["Công đoàn", "Hội Phụ nữ", "Đoàn Thanh niên"][: 1 + transfers % 3]:
        person.mass_organisations.add(MassOrganisationFactory(name=organisation))
    target = [tree.cell_b, tree.cell_a]
    for index in range(transfers):
        person.refresh_from_db()
        services.person_transfer(
            user=users["office"],
            person=person,
            unit=target[index % 2],
            on=dt.date(2010 + index, 1, 1),
        )
    client = client_as("office")
    # 9 for the record, plus its change history (keys, rows, previous rows, the unit's and
    # the mass organisations' names): a fixed cost whatever the number of transfers.
    with django_assert_max_num_queries(17):
        response = client.get(reverse("organisation:person", args=[person.pk]))
    assert len(response.context["postings"]) == transfers + 1


def test_global_search_ignores_diacritics_and_scope(client_as, tree):
    PersonFactory(unit=tree.cell_a, full_name="Nguyễn Văn Ấn", code="ZZ1")
    PersonFactory(unit=tree.cell_b, full_name="Nguyễn Văn Ẩn", code="ZZ2")
    url = reverse("organisation:search")
    office = client_as("office").get(url, {"q": "NGUYEN VAN AN"})
    assert {p.code for p in office.context["page_obj"]} >= {"ZZ1", "ZZ2"}
    secretary = client_as("secretary").get(url, {"q": "nguyen van an"})
    codes = {p.code for p in secretary.context["page_obj"]}
    assert "ZZ1" in codes and "ZZ2" not in codes
    units = client_as("office").get(url, {"q": "cbb"}).context["units"]
    assert [u.code for u in units] == ["CBB"]
    by_code = client_as("office").get(url, {"q": "zz2"}).context["page_obj"]
    assert [p.code for p in by_code] == ["ZZ2"]


def test_dashboard_shows_the_register_figures(client_as, tree):
    response = client_as("office").get(reverse("core:home"))
    html = response.content.decode()
    assert "Sổ đảng viên" in html or "Tổ chức" in html
    panel = next(
        p for p in response.context["panels"] if p.template == "organisation/panel.html"
    )
    assert panel.context["cells"] == 2
    assert panel.context["totals"].members == 6


def test_the_person_page_links_to_his_change_history(client_as, tree):
    person = tree.members_a[2]
    html = client_as("office").get(reverse("organisation:person", args=[person.pk])).content
    link = f"/nhat-ky/?person={person.code}"
    assert link in html.decode()
    assert person.full_name in client_as("office").get(link).content.decode()


def test_a_member_sees_his_record_on_the_dashboard(client_as, users):
    response = client_as("member").get(reverse("core:home"))
    html = response.content.decode()
    assert users["member"].person.full_name in html
    assert reverse("organisation:person", args=[users["member"].person_id]) in html


def test_the_cell_page_answers_who_was_on_the_roll_on_a_date(client_as, tree, users):
    from organisation import services

    mover = tree.members_a[2]
    services.person_transfer(
        user=users["office"], person=mover, unit=tree.cell_b, on=dt.date(2020, 7, 1)
    )
    leaver = tree.members_a[1]
    services.person_move_out(user=users["office"], person=leaver, on=dt.date(2019, 1, 1))
    client = client_as("office")
    url = reverse("organisation:unit", args=[tree.cell_a.pk])
    before = {p.pk for p in client.get(url, {"on": "2018-12-31"}).context["page_obj"]}
    assert before == {p.pk for p in tree.members_a}  # staff are not on the roll
    between = {p.pk for p in client.get(url, {"on": "01/01/2020"}).context["page_obj"]}
    assert between == {tree.members_a[0].pk, mover.pk}
    after = client.get(url, {"on": "2020-07-01"})
    assert {p.pk for p in after.context["page_obj"]} == {tree.members_a[0].pk}
    assert "Đảng viên có tên trong danh sách ngày 01/07/2020" in after.content.decode()
