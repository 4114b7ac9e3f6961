"""The workbook carries the history: "Đơn vị" dates and the sheet "Biến động"."""

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from openpyxl import Workbook

from core.demo import DemoContext
from organisation import membership, services
from organisation.demo import build_units_and_people
from organisation.models import MassOrganisation, MemberEvent, Person, Posting, Unit
from organisation.tests.factories import PersonFactory, UnitFactory
from workbook.services import workbook_export, workbook_import
from workbook.testing import make_workbook, read_workbook

UNITS = [
    ["DB", "Đảng bộ Thử", "Đảng bộ", "", "", "", ""],
    ["C1", "Chi bộ Một", "Chi bộ", "DB", "", "", ""],
    ["C2", "Chi bộ Hai", "Chi bộ", "DB", "01/03/2015", "", ""],
    ["C3", "Chi bộ Ba", "Chi bộ", "DB", "", "01/07/2018", "C2"],
]


def person(code, unit, joined="03/04/2005", moved=""):
    return [code, f"Người {code}", "01/02/1970", "Nam", unit, "Chính thức", joined, "", moved]


def rows_of(result):
    return [(error.sheet, error.row, error.column) for error in result.errors]


def wipe_register():
    """Empty the register (units, people and their history) as in a new installation."""
    get_user_model().objects.all().delete()
    MemberEvent.objects.all().delete()
    Posting.objects.all().delete()
    Person.objects.all().delete()
    MassOrganisation.objects.all().delete()
    Unit.objects.update(successor=None)
    for unit in Unit.objects.order_by("-depth"):
        unit.delete()


def round_trip(committee_code):
    first = workbook_export(Unit.objects.get(code=committee_code))
    wipe_register()
    result = workbook_import(io.BytesIO(first))
    assert result.applied, [str(error) for error in result.errors][:10]
    second = workbook_export(Unit.objects.get(code=committee_code))
    return read_workbook(first), read_workbook(second)


@pytest.mark.django_db
def test_a_history_imports_and_sets_the_roll_on_each_day():
    book = make_workbook(
        {
            "Đơn vị": UNITS,
            "Nhân sự": [person("A", "C2"), person("B", "C1"), person("C", "C2")],
            "Biến động": [
                ["A", "Chuyển sinh hoạt trong Đảng bộ", "01/07/2018", "C3", "C2", "Sáp nhập"],
                ["B", "Miễn sinh hoạt", "10/10/2019", "", "", "Tuổi cao"],
                ["C", "Chuyển sinh hoạt đến", "15/05/2016", "", "C2", ""],
                ["C", "Từ trần", "20/12/2020", "", "", ""],
            ],
        }
    )
    result = workbook_import(book)
    assert result.applied, [str(error) for error in result.errors]
    c2, c3 = Unit.objects.get(code="C2"), Unit.objects.get(code="C3")
    assert (c2.founded_on, c3.dissolved_on, c3.successor) == (
        dt.date(2015, 3, 1),
        dt.date(2018, 7, 1),
        c2,
    )
    a, b, c = (Person.objects.get(code=code) for code in "ABC")
    assert membership.cell_of(a, dt.date(2018, 6, 30)) == c3
    assert membership.cell_of(a, dt.date(2018, 7, 1)) == c2
    assert b in membership.roll(None, dt.date(2019, 10, 10))
    assert b not in membership.roll(None, dt.date(2019, 10, 10), active=True)
    assert b in membership.roll(None, dt.date(2019, 10, 9), active=True)
    assert c not in membership.roll(c2, dt.date(2016, 5, 14))
    assert c in membership.roll(c2, dt.date(2016, 5, 15))
    assert c in membership.roll(c2, dt.date(2020, 12, 19))
    assert c not in membership.roll(c2, dt.date(2020, 12, 20))
    c.refresh_from_db()
    assert (c.moved_out_on, c.left_kind) == (dt.date(2020, 12, 20), "deceased")
    # Importing the same workbook again finds nothing to change.
    exported = read_workbook(workbook_export(Unit.objects.get(code="DB")))["Biến động"][1:]
    again = workbook_import(make_workbook({"Biến động": exported}))
    assert again.applied and again.plans["Biến động"].unchanged == 4


BAD_HISTORIES = [
    # An exemption before the person joined the party (03/04/2005).
    ([["A", "Miễn sinh hoạt", "01/01/2004", "", "", ""]], [("Biến động", 2, "Ngày")]),
    # A move into a cell dissolved on 01/07/2018 (and back out of it).
    (
        [
            ["A", "Chuyển sinh hoạt trong Đảng bộ", "01/01/2019", "C1", "C3", ""],
            ["A", "Chuyển sinh hoạt trong Đảng bộ", "01/01/2020", "C3", "C1", ""],
        ],
        [("Biến động", 2, "Đến đơn vị")],
    ),
    # Two exemptions overlapping (the first has not ended).
    (
        [
            ["A", "Miễn sinh hoạt", "01/01/2010", "", "", ""],
            ["A", "Miễn sinh hoạt", "01/01/2012", "", "", ""],
        ],
        [("Biến động", 3, "Ngày")],
    ),
    # An exemption after he left the party.
    (
        [
            ["A", "Ra khỏi Đảng", "01/01/2010", "", "", ""],
            ["A", "Miễn sinh hoạt", "01/01/2012", "", "", ""],
        ],
        [("Biến động", 3, "Ngày")],
    ),
    # Unknown person, unknown cell, an unknown kind, and the same event twice.
    (
        [
            ["Z", "Từ trần", "01/01/2010", "", "", ""],
            ["A", "Chuyển sinh hoạt trong Đảng bộ", "01/01/2010", "C9", "C1", ""],
            ["A", "Nghỉ hưu", "01/01/2010", "", "", ""],
            ["A", "Từ trần", "01/01/2011", "", "", ""],
            ["A", "Từ trần", "01/01/2011", "", "", ""],
        ],
        [
            ("Biến động", 2, "Mã nhân sự"),
            ("Biến động", 3, "Từ đơn vị"),
            ("Biến động", 4, "Loại"),
            ("Biến động", 6, "Ngày"),
        ],
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("history", "expected"), BAD_HISTORIES)
def test_a_wrong_history_is_reported_on_its_row_and_nothing_is_written(history, expected):
    book = make_workbook({"Đơn vị": UNITS, "Nhân sự": [person("A", "C1")], "Biến động": history})
    result = workbook_import(book)
    assert not result.applied
    assert rows_of(result) == expected, [str(error) for error in result.errors]
    assert not Unit.objects.exists() and not MemberEvent.objects.exists()


@pytest.mark.django_db
def test_wrong_unit_dates_are_reported_on_their_cells():
    units = [
        ["DB", "Đảng bộ Thử", "Đảng bộ", "", "", "", ""],
        ["C1", "Chi bộ Một", "Chi bộ", "DB", "01/01/2015", "01/01/2014", ""],
        ["C2", "Chi bộ Hai", "Chi bộ", "DB", "", "", "C1"],
        ["C3", "Chi bộ Ba", "Chi bộ", "DB", "01/01/2019", "", ""],
        ["C4", "Chi bộ Bốn", "Chi bộ", "DB", "", "01/01/2018", "C3"],
    ]
    result = workbook_import(make_workbook({"Đơn vị": units}))
    assert rows_of(result) == [
        ("Đơn vị", 3, "Ngày giải thể"),
        ("Đơn vị", 4, "Mã đơn vị tiếp nhận"),
        ("Đơn vị", 6, "Mã đơn vị tiếp nhận"),
    ]
    assert not Unit.objects.exists()


@pytest.mark.django_db
def test_a_member_left_in_a_dissolved_cell_is_an_error():
    book = make_workbook({"Đơn vị": UNITS, "Nhân sự": [person("A", "C3")], "Biến động": []})
    result = workbook_import(book)
    assert [(error.sheet, error.column) for error in result.errors] == [("Nhân sự", "Mã đơn vị")]
    assert "A" in result.errors[0].message and "01/07/2018" in result.errors[0].message


@pytest.mark.django_db
def test_a_workbook_without_the_optional_columns_keeps_the_stored_dates():
    workbook_import(make_workbook({"Đơn vị": UNITS}))
    book = io.BytesIO()
    workbook = Workbook()
    workbook.active.title = "Đơn vị"
    workbook.active.append(["Mã đơn vị", "Tên đơn vị", "Loại", "Mã cấp trên"])
    for row in UNITS:
        workbook.active.append(row[:4])
    workbook.save(book)
    book.seek(0)
    result = workbook_import(book)
    assert result.applied and result.plans["Đơn vị"].unchanged == 4
    assert Unit.objects.get(code="C3").dissolved_on == dt.date(2018, 7, 1)


@pytest.mark.django_db
def test_round_trip_of_a_committee_with_a_history(users):
    """Exemptions, a death, transfers and a cell merged into another survive export → import
    into an empty database → export."""
    office = users["office"]
    committee = Unit.objects.get(code="DBT")
    old = UnitFactory(code="CBC", name="Chi bộ C", parent=committee, founded_on=dt.date(2001, 1, 1))
    cell_b = Unit.objects.get(code="CBB")
    cell_a = Unit.objects.get(code="CBA")
    movers = PersonFactory.create_batch(2, unit=old)
    services.unit_dissolve(user=office, unit=old, on=dt.date(2018, 7, 1), successor=cell_b)
    services.unit_rename(user=office, unit=cell_b, name="Chi bộ B mới", on=dt.date(2019, 1, 1))
    people = list(Person.objects.filter(unit=cell_a, party_status="full").order_by("code"))
    record = services.member_event_record
    record(user=office, person=people[0], kind="exempt", date=dt.date(2016, 3, 1), note="Ốm")
    record(user=office, person=people[0], kind="exempt_end", date=dt.date(2017, 3, 1))
    record(user=office, person=people[1], kind="deceased", date=dt.date(2020, 2, 2))
    record(user=office, person=movers[0], kind="transfer", date=dt.date(2019, 5, 1), to_unit=cell_a)
    record(user=office, person=people[2], kind="suspend", date=dt.date(2021, 4, 1))
    first, second = round_trip("DBT")
    assert second == first
    events = first["Biến động"]
    assert events[0] == ("Mã nhân sự", "Loại", "Ngày", "Từ đơn vị", "Đến đơn vị", "Ghi chú")
    kinds = {row[1] for row in events[1:]}
    assert {"Miễn sinh hoạt", "Thôi miễn sinh hoạt", "Từ trần", "Đình chỉ sinh hoạt"} <= kinds
    merged = [row for row in events[1:] if row[3] == "CBC"]
    assert len(merged) == 2 and all(row[2] == "01/07/2018" for row in merged)
    unit_row = next(row for row in first["Đơn vị"] if row[0] == "CBC")
    assert unit_row[4:7] == ("01/01/2001", "01/07/2018", "CBB")


@pytest.mark.django_db
def test_round_trip_of_the_demo_register():
    build_units_and_people(DemoContext(log=lambda *args: None))
    assert MemberEvent.objects.exclude(kind="move_out").exists()
    committee = Unit.objects.get(parent__isnull=True).code
    first, second = round_trip(committee)
    assert len(first["Biến động"]) > 10
    assert second == first


@pytest.mark.django_db
def test_a_new_cell_without_a_move_row_is_a_move_on_the_day_of_import():
    """Changing Mã đơn vị of a person who moved before, with the exported "Biến động" sheet
    left as it was, moves him today — the check agrees with what "Nhân sự" will write."""
    history = [["A", "Chuyển sinh hoạt trong Đảng bộ", "01/01/2019", "C2", "C1", ""]]
    first = make_workbook({"Đơn vị": UNITS, "Nhân sự": [person("A", "C1")], "Biến động": history})
    assert workbook_import(first).applied
    again = make_workbook({"Nhân sự": [person("A", "C2")], "Biến động": history})
    result = workbook_import(again)
    assert result.applied, [str(error) for error in result.errors]
    a = Person.objects.get(code="A")
    today = timezone.localdate()
    assert membership.cell_of(a, today) == Unit.objects.get(code="C2")
    assert membership.cell_of(a, today - dt.timedelta(days=1)).code == "C1"
    assert membership.cell_of(a, dt.date(2018, 12, 31)).code == "C2"
