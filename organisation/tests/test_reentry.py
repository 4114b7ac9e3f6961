"""A member who moved out of the committee and later moved back in, into another cell: the
"Đến" cell of the move in is his cell from that day (form, service and "Biến động")."""

import datetime as dt
import io

import pytest
from django.urls import reverse

from core.actors import SYSTEM
from organisation import membership, timeline
from organisation.models import MemberEvent, Person
from organisation.services import member_event_delete, member_event_record, person_move_out
from reports.figures import compute
from workbook.services import workbook_export, workbook_import
from workbook.testing import make_workbook, read_workbook

from .test_history_sheet import UNITS, person, wipe_register

pytestmark = pytest.mark.django_db
OUT, BACK = dt.date(2019, 5, 1), dt.date(2021, 3, 1)
DAY = dt.timedelta(days=1)


def test_the_timeline_puts_him_in_the_new_cell_from_the_move_in():
    events = [timeline.Event("move_out", OUT, 1), timeline.Event("move_in", BACK, None, 2)]
    periods = timeline.periods(current_unit=2, events=events, joined_on=dt.date(2005, 1, 1))
    assert periods == [
        timeline.Period(1, None, OUT, "active"),
        timeline.Period(2, BACK, None, "active"),
    ]
    # His unit now must be where the move in led.
    with pytest.raises(timeline.HistoryError):
        timeline.periods(current_unit=1, events=events, joined_on=dt.date(2005, 1, 1))


def test_recorded_through_the_services_the_roll_changes_on_each_boundary(tree, users):
    member = tree.members_a[0]
    person_move_out(user=users["office"], person=member, on=OUT)
    member_event_record(
        user=users["office"], person=member, kind="move_in", date=BACK, to_unit=tree.cell_b
    )
    member.refresh_from_db()
    assert member.unit == tree.cell_b and member.moved_out_on is None
    assert member in membership.roll(tree.cell_a, OUT - DAY)
    assert member not in membership.roll(tree.committee, OUT)
    assert member not in membership.roll(tree.committee, BACK - DAY)
    assert member in membership.roll(tree.cell_b, BACK)
    assert member not in membership.roll(tree.cell_a, BACK)
    assert membership.cell_of(member, BACK + DAY) == tree.cell_b
    figures = compute(tree.committee, dt.date(2019, 1, 1), dt.date(2021, 12, 31))
    changes = {year["year"]: year["roll_changes"] for year in figures["years"]}
    assert (changes[2019]["moved_out"], changes[2019]["moved_in"]) == (1, 0)
    assert (changes[2021]["moved_out"], changes[2021]["moved_in"]) == (0, 1)
    # Undoing the move in puts him back in the cell he left from, off the roll.
    member_event_delete(user=users["office"], event=member.events.get(kind="move_in"))
    member.refresh_from_db()
    assert member.unit == tree.cell_a and member.moved_out_on == OUT
    assert member not in membership.roll(tree.committee, BACK)


def test_the_event_form_records_a_move_back_into_another_cell(tree, users, client_as):
    member = tree.members_a[1]
    person_move_out(user=users["office"], person=member, on=OUT)
    url = reverse("organisation:person_event", kwargs={"pk": member.pk})
    response = client_as("office").post(
        url, {"kind": "move_in", "date": "2021-03-01", "to_unit": tree.cell_b.pk, "note": ""}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    member.refresh_from_db()
    assert member.unit == tree.cell_b
    assert membership.cell_of(member, BACK) == tree.cell_b


def test_the_sheet_records_a_move_back_into_another_cell_and_round_trips():
    rows = {
        "Đơn vị": UNITS,
        "Nhân sự": [person("A", "C2")],
        "Biến động": [
            ["A", "Chuyển sinh hoạt đi", "01/05/2019", "C1", "", "Về Bộ"],
            ["A", "Chuyển sinh hoạt đến", "01/03/2021", "", "C2", "Từ Bộ"],
        ],
    }
    result = workbook_import(make_workbook(rows))
    assert result.applied, [str(error) for error in result.errors]
    a = Person.objects.get(code="A")
    c1, c2 = a.events.get(kind="move_out").from_unit, a.unit
    assert (c1.code, c2.code) == ("C1", "C2")
    assert membership.cell_of(a, OUT - DAY) == c1
    assert membership.cell_of(a, OUT) is None and membership.cell_of(a, BACK - DAY) is None
    assert membership.cell_of(a, BACK) == c2
    first = workbook_export(c1.parent)
    wipe_register()
    assert workbook_import(io.BytesIO(first)).applied
    second = workbook_export(Person.objects.get(code="A").unit.parent)
    assert read_workbook(second) == read_workbook(first)


def test_a_stored_member_who_moved_out_comes_back_through_the_sheet(tree):
    member = tree.members_a[2]
    person_move_out(user=SYSTEM, person=member, on=OUT)
    member.refresh_from_db()
    row = [member.code, member.full_name, "", "", "CBB", "Chính thức"]
    row += [member.party_joined_on.strftime("%d/%m/%Y"), "", ""]
    result = workbook_import(
        make_workbook(
            {
                "Nhân sự": [row],
                "Biến động": [[member.code, "Chuyển sinh hoạt đến", "01/03/2021", "", "CBB", ""]],
            }
        )
    )
    assert result.applied, [str(error) for error in result.errors]
    member.refresh_from_db()
    assert member.unit == tree.cell_b and member.moved_out_on is None
    kinds = set(member.events.values_list("kind", flat=True))
    assert kinds == {MemberEvent.Kind.MOVE_OUT, MemberEvent.Kind.MOVE_IN}  # not undone
    assert member not in membership.roll(tree.committee, BACK - DAY)
    assert member in membership.roll(tree.cell_b, BACK)
