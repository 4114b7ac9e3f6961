"""Figures across the boundaries of a history: an event on the roll date, the day before and
the day after; a cell dissolved the day after its last meeting. Every expected number is
worked out by hand below from the records the test builds (interchange.md, "History")."""

import datetime as dt

import pytest

from core.actors import SYSTEM
from organisation import services
from organisation.models import Unit
from reports.figures import compute

from .factories import (
    CommitteeFactory,
    MeetingFactory,
    PersonFactory,
    PledgeFactory,
    UnitFactory,
)

START, END, TODAY = dt.date(2016, 1, 1), dt.date(2018, 12, 31), dt.date(2026, 1, 10)


def d(year, month, day):
    return dt.date(year, month, day)


@pytest.fixture
def history(db):
    """Cells A and B since always, cell C from 2015 until 31/12/2017 (merged into B on
    01/01/2018). Members and their events:

    a1 exempted 31/12/2017 (on the 2017 roll date)   a2 exempted 01/01/2018 (the day after)
    a3 moved out 30/12/2017 (the day before)          a4 nothing happens
    b1 died 31/12/2016 (on the 2016 roll date)        b2 moved from B to A on 31/12/2016
    b3 nothing happens                                c1, c2 in C, moved to B by the merger
    n1 admitted 31/12/2017 into A                     n2 admitted 01/01/2018 into A
    m1 moved in from outside into B on 31/12/2018
    """
    committee = CommitteeFactory(code="DBH")
    cell_a = UnitFactory(code="HA", name="Chi bộ A", parent=committee)
    cell_b = UnitFactory(code="HB", name="Chi bộ B", parent=committee)
    cell_c = UnitFactory(code="HC", name="Chi bộ C", parent=committee, founded_on=d(2015, 1, 1))
    people = {}
    for code, cell in [("a1", cell_a), ("a2", cell_a), ("a3", cell_a), ("a4", cell_a)] + [
        ("b1", cell_b),
        ("b2", cell_b),
        ("b3", cell_b),
        ("c1", cell_c),
        ("c2", cell_c),
    ]:
        people[code] = PersonFactory(code=code.upper(), unit=cell)
    people["n1"] = PersonFactory(code="N1", unit=cell_a, party_joined_on=d(2017, 12, 31))
    people["n2"] = PersonFactory(code="N2", unit=cell_a, party_joined_on=d(2018, 1, 1))
    for code in ("n1", "n2"):
        people[code].party_official_on = None
        people[code].party_status = "probationary"
        people[code].save()
    people["m1"] = services.person_create(
        user=SYSTEM,
        unit=cell_b,
        since=d(2018, 12, 31),
        code="M1",
        full_name="Đỗ Văn Mới",
        party_status="full",
        party_joined_on=d(2001, 1, 1),
        party_official_on=d(2002, 1, 1),
    )
    record = services.member_event_record
    record(user=SYSTEM, person=people["a1"], kind="exempt", date=d(2017, 12, 31))
    record(user=SYSTEM, person=people["a2"], kind="exempt", date=d(2018, 1, 1))
    record(user=SYSTEM, person=people["a3"], kind="move_out", date=d(2017, 12, 30))
    record(user=SYSTEM, person=people["b1"], kind="deceased", date=d(2016, 12, 31))
    record(user=SYSTEM, person=people["b2"], kind="transfer", date=d(2016, 12, 31), to_unit=cell_a)
    # Cell C meets one last time on 31/12/2017 and is merged into B the next day.
    for cell in (cell_a, cell_b, cell_c):
        MeetingFactory(unit=cell, kind="thematic", date=d(2017, 12, 31))
    for cell in (cell_a, cell_b):
        MeetingFactory(unit=cell, kind="thematic", date=d(2018, 6, 1))
    services.unit_dissolve(user=SYSTEM, unit=cell_c, on=d(2018, 1, 1), successor=cell_b)
    # In 2017 every member expected to pledge did (a1, exempted on the roll date, is not).
    for code in ("a2", "a4", "b2", "b3", "c1", "c2", "n1"):
        PledgeFactory(person=people[code], year=2017, registered_on=d(2017, 3, 1))
    return committee, people


def year(result, number):
    return next(entry for entry in result["years"] if entry["year"] == number)


def test_the_roll_on_each_roll_date_follows_the_events_to_the_day(history):
    committee, _people = history
    result = compute(committee, START, END, today=TODAY)
    # 2016 (31/12/2016): a1–a4, b2, b3, c1, c2 = 8 (b1 died that day); nobody exempt.
    # 2017 (31/12/2017): a1, a2, a4, b2, b3, c1, c2, n1 = 8 (a3 left the day before);
    #   a1 exempt from that day → 7 active.
    # 2018 (31/12/2018): a1, a2, a4, b2, b3, c1, c2, n1, n2, m1 = 10; a1, a2 exempt → 8.
    expected = {2016: (8, 8), 2017: (8, 7), 2018: (10, 8)}
    for number, (on_roll, active) in expected.items():
        entry = year(result, number)
        assert (entry["members_on_roll"], entry["members_active"]) == (on_roll, active), number


def test_the_roll_changes_of_each_year(history):
    committee, _people = history
    result = compute(committee, START, END, today=TODAY)
    # Moves caused by the merger are inside the committee: neither in nor out.
    assert year(result, 2016)["roll_changes"] == {
        "admitted": 0,
        "moved_in": 0,
        "moved_out": 0,
        "left": 1,  # b1
    }
    assert year(result, 2017)["roll_changes"] == {
        "admitted": 1,  # n1
        "moved_in": 0,
        "moved_out": 1,  # a3
        "left": 0,
    }
    assert year(result, 2018)["roll_changes"] == {
        "admitted": 1,  # n2
        "moved_in": 1,  # m1
        "moved_out": 0,
        "left": 0,
    }


def test_a_cell_dissolved_the_day_after_its_last_meeting_counts_only_until_then(history):
    committee, _people = history
    result = compute(committee, START, END, today=TODAY)
    # C exists on 31/12/2016 and 31/12/2017, not on 31/12/2018.
    assert [year(result, n)["cells_total"] for n in (2016, 2017, 2018)] == [3, 3, 2]
    assert year(result, 2017)["thematic_meetings"] == {"cells_held": 3, "meetings": 3}
    assert year(result, 2018)["thematic_meetings"] == {"cells_held": 2, "meetings": 2}
    assert result["cells_total"] == 2  # on the period's last day
    # A report ending on C's last day still counts it.
    earlier = compute(committee, START, d(2017, 12, 31), today=TODAY)
    assert earlier["cells_total"] == 3


def test_the_exempt_member_is_not_expected_to_pledge(history):
    committee, _people = history
    pledges = year(compute(committee, START, END, today=TODAY), 2017)["pledges"]
    # 7 of the 7 active members pledged; a1 (exempt since the roll date) is not counted.
    assert (pledges["members_pledged"], pledges["percent"]) == (7, 100.0)


def test_the_day_before_and_after_move_the_figures_by_one(history):
    committee, people = history
    # A report ending on 30/12/2017: a3 has just left (moved out that day), a1 not yet exempt,
    # n1 not yet admitted: a1, a2, a4, b2, b3, c1, c2 = 7, all active.
    entry = year(compute(committee, START, d(2017, 12, 30), today=TODAY), 2017)
    assert (entry["members_on_roll"], entry["members_active"]) == (7, 7)
    # Ending on 29/12/2017: a3 is still there: 8, all active.
    entry = year(compute(committee, START, d(2017, 12, 29), today=TODAY), 2017)
    assert (entry["members_on_roll"], entry["members_active"]) == (8, 8)
    assert Unit.objects.get(code="HC").dissolved_on == d(2018, 1, 1)
    assert people["c1"].events.get().to_unit.code == "HB"
