"""Imports and exports stay inside the user's own committee, or the secretary's own cell."""

import pytest

from accounts.tests.factories import RoleAssignmentFactory, UserFactory
from core.roles import Role
from meetings.models import Meeting
from organisation.models import Person
from organisation.tests.factories import CommitteeFactory, PersonFactory, UnitFactory
from workbook.services import workbook_export, workbook_import
from workbook.testing import make_workbook, read_workbook


@pytest.fixture
def second(tree):
    """A second committee in the same installation, with its office user and secretary."""
    committee = CommitteeFactory(code="DB2", name="Đảng bộ thứ hai")
    cell = UnitFactory(code="C2A", name="Chi bộ 2A", parent=committee)
    person = PersonFactory(unit=cell, full_name="Người Thứ Hai")
    office = UserFactory(username="office2")
    RoleAssignmentFactory(user=office, role=Role.OFFICE, unit=committee)
    return committee, cell, person, office


def person_row(person, unit_code, name=None):
    return [person.code, name or person.full_name, "", "", unit_code, "", "", "", "", "", ""]


def test_the_office_of_another_committee_cannot_rewrite_our_people(tree, second):
    *_rest, office2 = second
    victim = tree.members_a[0]
    rows = [person_row(victim, "C2A", "Tên Đã Đổi")]
    result = workbook_import(make_workbook({"Nhân sự": rows}), user=office2)
    assert [(e.row, e.column) for e in result.errors] == [(2, "Mã nhân sự")]
    assert "ngoài" in result.errors[0].message
    victim.refresh_from_db()
    assert victim.full_name != "Tên Đã Đổi" and victim.unit == tree.cell_a


def test_our_office_cannot_move_a_person_into_another_committee(tree, second, users):
    _committee, _cell, _person, _office2 = second
    row = person_row(tree.members_a[0], "C2A")
    result = workbook_import(make_workbook({"Nhân sự": [row]}), user=users["office"])
    assert [(e.row, e.column) for e in result.errors] == [(2, "Mã đơn vị")]
    assert Person.objects.get(pk=tree.members_a[0].pk).unit == tree.cell_a


def test_one_row_outside_means_nothing_is_written(tree, second, users):
    _committee, _cell, other_person, _office2 = second
    rows = [person_row(tree.members_a[1], "CBA", "Đổi Tên Hợp Lệ"), person_row(other_person, "CBA")]
    result = workbook_import(make_workbook({"Nhân sự": rows}), user=users["office"])
    assert [(e.row, e.column) for e in result.errors] == [(3, "Mã nhân sự")]
    assert not result.applied
    assert Person.objects.get(pk=tree.members_a[1].pk).full_name != "Đổi Tên Hợp Lệ"


MEETING = ["HN-S1", "Sinh hoạt định kỳ", "CBA", "05/03/2020", "", "Sinh hoạt tháng 3"]


def test_a_secretary_imports_meetings_of_his_own_cell(tree, users):
    attendance = [["HN-S1", tree.members_a[0].code, "Có"]]
    result = workbook_import(
        make_workbook({"Hội nghị": [MEETING], "Tham dự": attendance}), user=users["secretary"]
    )
    assert result.ok, [str(e) for e in result.errors]
    assert Meeting.objects.get(code="HN-S1").unit == tree.cell_a


def test_a_secretary_cannot_name_another_cell_or_its_people(tree, users):
    meetings = [MEETING, ["HN-S2", "Sinh hoạt định kỳ", "CBB", "05/03/2020", "", "x"]]
    attendance = [["HN-S1", tree.members_b[0].code, "Có"]]
    result = workbook_import(
        make_workbook({"Hội nghị": meetings, "Tham dự": attendance}), user=users["secretary"]
    )
    assert [(e.sheet, e.row, e.column) for e in result.errors] == [
        ("Hội nghị", 3, "Mã đơn vị"),
        ("Tham dự", 2, "Mã nhân sự"),
    ]
    assert not Meeting.objects.exists()


def test_a_secretary_may_not_import_the_committee_sheets(tree, users):
    rows = [person_row(tree.members_a[1], "CBA", "Tên Mới")]
    result = workbook_import(make_workbook({"Nhân sự": rows}), user=users["secretary"])
    assert [(e.sheet, e.row) for e in result.errors] == [("Nhân sự", None)]
    assert Person.objects.get(pk=tree.members_a[1].pk).full_name != "Tên Mới"


def test_a_secretary_exports_his_cell_only(client_as, tree, users):
    from django.urls import reverse

    client = client_as("secretary")
    job = client.get(client.post(reverse("workbook:export"))["Location"]).context["job"]
    content = b"".join(client.get(reverse("workbook:download", args=[job.pk])).streaming_content)
    people = {row[0] for row in read_workbook(content)["Nhân sự"][1:]}
    assert people == {p.code for p in [*tree.members_a, *tree.staff_a]}
    assert {row[0] for row in read_workbook(content)["Đơn vị"][1:]} == {"CBA"}


def test_the_export_of_one_committee_holds_none_of_the_other(tree, second):
    committee, _cell, other_person, _office2 = second
    ours = read_workbook(workbook_export(tree.committee))
    assert other_person.code not in {row[0] for row in ours["Nhân sự"]}
    theirs = read_workbook(workbook_export(committee))
    assert {row[0] for row in theirs["Nhân sự"][1:]} == {other_person.code}
