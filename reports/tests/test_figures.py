"""The figures against hand-computed definitions of interchange.md, on small fixtures."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.actors import SYSTEM
from organisation import services as org_services
from organisation.models import Unit, UnitName
from reports import compiled
from reports.figures import compute, percent
from reports.scope import Period

from .factories import (
    ActivityFactory,
    ActivityKindFactory,
    AttendanceFactory,
    CommendationFactory,
    CommitteeFactory,
    DeliveryFactory,
    InspectionFactory,
    MeetingFactory,
    PersonFactory,
    PlanFactory,
    PledgeFactory,
    RatingFactory,
    RemediationFactory,
    StaffFactory,
    StandardFactory,
    TopicFactory,
    UnitFactory,
)

START, END = dt.date(2016, 5, 15), dt.date(2017, 6, 30)
TODAY = dt.date(2026, 1, 10)


@pytest.fixture
def org(db):
    committee = CommitteeFactory(code="DBX")
    sub = UnitFactory(code="BPX", kind=Unit.Kind.SUB_COMMITTEE, parent=committee)
    cell_a = UnitFactory(code="CA", name="Chi bộ A", parent=sub)
    cell_b = UnitFactory(code="CB", name="Chi bộ B", parent=committee)
    other = CommitteeFactory(code="KHAC")
    other_cell = UnitFactory(code="CK", parent=other)
    return committee, cell_a, cell_b, other_cell


def figures(committee, start=START, end=END):
    return compute(committee, start, end, today=TODAY)


def year(result, number):
    return next(entry for entry in result["years"] if entry["year"] == number)


def test_roll_dates_follow_the_period_and_today():
    period = Period(dt.date(2016, 5, 15), dt.date(2020, 6, 30))
    assert period.years == [2016, 2017, 2018, 2019, 2020]
    assert period.roll_date(2016, TODAY) == dt.date(2016, 12, 31)
    assert period.roll_date(2020, TODAY) == dt.date(2020, 6, 30)
    current = Period(dt.date(2025, 1, 1), dt.date(2026, 12, 31))
    assert current.roll_date(2026, TODAY) == TODAY
    assert current.roll_date(2025, TODAY) == dt.date(2025, 12, 31)


def test_percent_rounds_to_two_decimals():
    assert percent(627, 638) == 98.28
    assert percent(1, 3) == 33.33
    assert percent(0, 0) is None


def test_members_on_the_roll(org):
    committee, cell_a, cell_b, other_cell = org
    PersonFactory.create_batch(2, unit=cell_a)
    PersonFactory(unit=cell_a, party_joined_on=dt.date(2016, 12, 31))  # joined on roll date
    PersonFactory(unit=cell_a, party_joined_on=dt.date(2017, 1, 1))  # only 2017
    PersonFactory(unit=cell_b, moved_out_on=dt.date(2017, 6, 30))  # out on the roll date
    PersonFactory(unit=cell_b, moved_out_on=dt.date(2017, 7, 1))  # out after it
    StaffFactory(unit=cell_b)  # not a member
    PersonFactory(unit=other_cell)  # another committee
    mover = PersonFactory(unit=cell_a)
    org_services.person_transfer(user=SYSTEM, person=mover, unit=cell_b, on=dt.date(2017, 3, 1))
    result = figures(committee)
    assert year(result, 2016)["members_on_roll"] == 6
    assert year(result, 2017)["members_on_roll"] == 6
    assert year(result, 2016)["roll_date"] == "2016-12-31"
    assert year(result, 2017)["roll_date"] == "2017-06-30"
    cells = {cell["code"]: cell for cell in result["cells"]}
    assert [y["members_on_roll"] for y in cells["CA"]["years"]] == [4, 4]
    assert [y["members_on_roll"] for y in cells["CB"]["years"]] == [2, 2]
    assert result["cells_total"] == 2


def test_meetings_briefing_and_attendance(org):
    committee, cell_a, cell_b, other_cell = org
    topic = TopicFactory()
    member = PersonFactory(unit=cell_a)
    staff = StaffFactory(unit=cell_a)
    # Outside the period, not held, another committee: none of these count.
    MeetingFactory(unit=cell_a, kind="thematic", date=dt.date(2016, 5, 14))
    MeetingFactory(unit=cell_a, kind="thematic", date=dt.date(2017, 7, 1))
    MeetingFactory(unit=cell_a, kind="thematic", date=dt.date(2016, 9, 1), held=False)
    MeetingFactory(unit=other_cell, kind="thematic", date=dt.date(2016, 9, 1))
    # Counted: the first day of the period; a regular meeting with a topic briefs the cell.
    first = MeetingFactory(unit=cell_a, kind="thematic", date=START)
    regular = MeetingFactory(unit=cell_b, kind="regular", date=dt.date(2017, 3, 5), topics=[topic])
    MeetingFactory(unit=cell_b, kind="thematic", date=dt.date(2017, 3, 6))
    MeetingFactory(unit=committee, kind="briefing", date=dt.date(2016, 6, 1))
    AttendanceFactory(meeting=first, person=member, status="present")
    AttendanceFactory(meeting=first, person=staff, status="excused")
    AttendanceFactory(meeting=regular, person=member, status="present")
    result = figures(committee)
    y2016, y2017 = year(result, 2016), year(result, 2017)
    assert y2016["thematic_meetings"] == {"cells_held": 1, "meetings": 1}
    assert y2016["briefing"]["cells_held"] == 0  # the committee's conference is not a cell's
    assert y2016["briefing"]["meetings"] == 1
    assert y2016["briefing"]["committee_conferences"] == 1
    assert y2016["attendance_percent"] == 50.0
    assert y2017["thematic_meetings"] == {"cells_held": 1, "meetings": 1}
    assert y2017["regular_meetings"]["meetings"] == 1
    assert y2017["briefing"]["cells_held"] == 1
    assert y2017["attendance_percent"] == 100.0
    assert result["totals"]["cells_thematic_every_year"] == 0
    assert result["totals"]["cells_briefed"] == 1
    topics = result["topics"]
    assert topics[0]["code"] == "CD-TK-XII" and topics[0]["years"]["2017"] == {
        "cells": 1,
        "meetings": 1,
    }
    assert y2017["topics"][0]["cells"] == 1


def test_study_session_briefs_and_no_attendance_is_none(org):
    committee, cell_a, _cell_b, _ = org
    MeetingFactory(unit=cell_a, kind="study", date=dt.date(2016, 8, 1))
    result = figures(committee)
    assert year(result, 2016)["briefing"]["cells_held"] == 1
    assert year(result, 2016)["attendance_percent"] is None


def test_pledges_and_plans(org):
    committee, cell_a, cell_b, _ = org
    members = PersonFactory.create_batch(3, unit=cell_a)
    leaver = PersonFactory(unit=cell_b, moved_out_on=dt.date(2016, 10, 1))
    staff = StaffFactory(unit=cell_b)
    for person in members[:2]:
        PledgeFactory(person=person, year=2016, registered_on=dt.date(2016, 6, 1))
    PledgeFactory(person=members[2], year=2016, registered_on=dt.date(2016, 5, 1))  # too early
    PledgeFactory(person=leaver, year=2016, registered_on=dt.date(2016, 6, 1))
    PledgeFactory(person=staff, year=2016, registered_on=dt.date(2016, 6, 1))
    for person in members:
        PledgeFactory(person=person, year=2017, registered_on=dt.date(2017, 1, 20))
    PlanFactory(person=members[0], year=2017)
    PlanFactory(person=staff, year=2017)
    result = figures(committee)
    assert year(result, 2016)["members_on_roll"] == 3
    assert year(result, 2016)["pledges"] == {
        "members_pledged": 2,
        "percent": 66.67,
        "non_members_pledged": 1,
    }
    assert year(result, 2017)["pledges"] == {
        "members_pledged": 3,
        "percent": 100.0,
        "non_members_pledged": 0,
    }
    assert year(result, 2017)["personal_plans"] == {
        "members": 1,
        "percent": 33.33,
        "non_members": 1,
    }
    cell_a_2016 = result["cells"][0]["years"][0]
    assert cell_a_2016["members_pledged"] == 2 and cell_a_2016["pledge_percent"] == 66.67


def test_ratings_count_members_on_the_roll_with_a_decided_level(org):
    committee, cell_a, cell_b, _ = org
    a, b, c, d = PersonFactory.create_batch(4, unit=cell_a)
    gone = PersonFactory(unit=cell_b, moved_out_on=dt.date(2017, 12, 1))
    staff = StaffFactory(unit=cell_b)
    RatingFactory(person=a, year=2016, level="excellent")
    RatingFactory(person=b, year=2016, level="good")
    RatingFactory(person=c, year=2016, level="complete")
    RatingFactory(person=d, year=2016, level="")  # not decided
    RatingFactory(person=gone, year=2016, level="not_complete")
    RatingFactory(person=staff, year=2016, level="good")
    RatingFactory(unit=cell_a, year=2016, level="excellent")
    result = figures(committee)
    ratings = year(result, 2016)["ratings"]
    assert ratings == {
        "members_rated": 4,
        "excellent": 1,
        "good": 1,
        "complete": 1,
        "not_complete": 1,
        "good_or_better_percent": 50.0,
        "excellent_percent": 25.0,
    }
    assert year(result, 2017)["ratings"]["members_rated"] == 0
    assert year(result, 2017)["ratings"]["good_or_better_percent"] is None


def test_inspections_and_remediations(org):
    committee, cell_a, _cell_b, other_cell = org
    person = PersonFactory(unit=cell_a)
    first = InspectionFactory(subject_unit=cell_a, year=2016, concluded_on=dt.date(2016, 11, 1))
    InspectionFactory(subject_person=person, year=2016)
    InspectionFactory(subject_unit=other_cell, year=2016)
    second = InspectionFactory(subject_unit=committee, year=2017)
    old = InspectionFactory(subject_unit=cell_a, year=2015)
    RemediationFactory(
        inspection=first, deadline=dt.date(2016, 10, 1), completed_on=dt.date(2017, 2, 1)
    )
    RemediationFactory(inspection=second, deadline=dt.date(2017, 12, 1))  # open, not late
    RemediationFactory(
        inspection=second, deadline=dt.date(2017, 5, 1), completed_on=dt.date(2017, 8, 1)
    )
    RemediationFactory(
        inspection=old, deadline=dt.date(2016, 1, 1), completed_on=dt.date(2016, 3, 1)
    )
    result = figures(committee)
    assert year(result, 2016)["inspections"] == {
        "planned": 2,
        "concluded": 1,
        "remediations_open": 1,
        "remediations_done": 1,
        "remediations_late": 1,
    }
    # 2017's roll date is 30/06: the task completed on 01/08 is still open then, and a year's
    # events count only up to its roll date (interchange.md, "History").
    assert year(result, 2017)["inspections"] == {
        "planned": 1,
        "concluded": 0,
        "remediations_open": 2,
        "remediations_done": 1,
        "remediations_late": 1,
    }


def test_activities_per_kind(org):
    committee, cell_a, cell_b, other_cell = org
    blood = ActivityKindFactory(name="Hiến máu")
    charity = ActivityKindFactory(name="Từ thiện", default_measure_unit="đồng")
    ActivityFactory(unit=cell_a, kind=blood, participants=20, quantity=20, date=dt.date(2017, 1, 5))
    ActivityFactory(unit=cell_b, kind=blood, participants=25, quantity=24, date=dt.date(2017, 3, 5))
    ActivityFactory(unit=cell_b, kind=blood, date=dt.date(2017, 7, 5))  # after the period
    ActivityFactory(unit=other_cell, kind=blood, date=dt.date(2017, 3, 5))
    ActivityFactory(
        unit=cell_a,
        kind=charity,
        participants=12,
        quantity=12500000,
        measure_unit="đồng",
        date=dt.date(2017, 2, 1),
    )
    result = figures(committee)
    assert year(result, 2017)["activities"] == [
        {"kind": "Hiến máu", "count": 2, "participants": 45, "quantity": 44, "unit": "đơn vị máu"},
        {"kind": "Từ thiện", "count": 1, "participants": 12, "quantity": 12500000, "unit": "đồng"},
    ]
    assert year(result, 2016)["activities"] == []
    assert result["totals"]["activities_count"] == 3


def test_documents_standards_and_commendations(org):
    committee, cell_a, cell_b, _ = org
    member = PersonFactory(unit=cell_a)
    staff = StaffFactory(unit=cell_a)
    guidance = DeliveryFactory(unit=cell_a, sent_on=dt.date(2017, 2, 1)).document
    DeliveryFactory(document=guidance, unit=cell_b, sent_on=dt.date(2017, 2, 2))
    StandardFactory(unit=cell_a, year=2017)
    StandardFactory(unit=committee, year=2017, kind="common")
    spring = dt.date(2017, 5, 20)
    CommendationFactory(person=member, level="higher", decided_on=spring)
    CommendationFactory(person=staff, decided_on=spring)
    CommendationFactory(unit=cell_b, decided_on=spring)
    CommendationFactory(unit=cell_b, decided_on=dt.date(2018, 1, 5))  # after the period
    result = figures(committee)
    y2017 = year(result, 2017)
    assert y2017["documents"]["deliveries"] == 2
    assert y2017["documents"]["documents_delivered"] == 1
    assert y2017["documents"]["cells_reached"] == 2
    assert y2017["standards"] == {"common": True, "cells_with_specific": 1}
    assert y2017["commendations"] == {
        "collective": {"grassroots": 1, "higher": 0},
        "members": {"grassroots": 0, "higher": 1},
        "non_members": {"grassroots": 1, "higher": 0},
        "total": 3,
    }


def build(committee, cells: int, per_cell: int, years: range):
    topic = TopicFactory()
    kind = ActivityKindFactory()
    for _index in range(cells):
        cell = UnitFactory(parent=committee)
        people = PersonFactory.create_batch(per_cell, unit=cell)
        StaffFactory(unit=cell)
        for year in years:
            meeting = MeetingFactory(
                unit=cell, kind="thematic", date=dt.date(year, 6, 1), topics=[topic]
            )
            MeetingFactory(unit=cell, kind="regular", date=dt.date(year, 7, 1))
            ActivityFactory(unit=cell, kind=kind, date=dt.date(year, 8, 1))
            StandardFactory(unit=cell, year=year)
            InspectionFactory(subject_unit=cell, year=year)
            for person in people:
                AttendanceFactory(meeting=meeting, person=person)
                PledgeFactory(person=person, year=year)
                RatingFactory(person=person, year=year)
                PlanFactory(person=person, year=year)
            CommendationFactory(person=people[0], decided_on=dt.date(year, 12, 1))
            DeliveryFactory(
                unit=cell,
                sent_on=dt.date(year, 3, 1),
                document__number_symbol=f"{year}-HD/ĐU",
                document__issuer="ĐU",
            )


@pytest.mark.parametrize(
    "cells,per_cell,years", [(2, 2, range(2017, 2018)), (20, 4, range(2016, 2021))]
)
def test_query_count_does_not_grow(db, django_assert_max_num_queries, cells, per_cell, years):
    committee = CommitteeFactory()
    build(committee, cells, per_cell, years)
    with django_assert_max_num_queries(20):
        result = compute(
            committee, dt.date(years[0], 1, 1), dt.date(years[-1], 12, 31), today=TODAY
        )
    last = result["years"][-1]
    assert last["members_on_roll"] == cells * per_cell
    assert last["pledges"]["percent"] == 100.0
    assert last["thematic_meetings"]["cells_held"] == cells
    assert last["briefing"]["cells_held"] == cells
    assert last["inspections"]["planned"] == cells


def test_a_topic_is_dated_when_the_last_cell_first_studies_it(org):
    committee, cell_a, cell_b, _other = org
    topic = TopicFactory()
    MeetingFactory(unit=cell_a, kind="study", date=dt.date(2016, 9, 1), topics=[topic])
    MeetingFactory(unit=cell_a, kind="regular", date=dt.date(2017, 9, 1), topics=[topic])
    assert figures(committee)["topics"][0]["all_cells_by"] is None  # cell B has not yet
    MeetingFactory(unit=cell_b, kind="regular", date=dt.date(2017, 3, 5), topics=[topic])
    MeetingFactory(unit=cell_b, kind="thematic", date=dt.date(2018, 3, 5), topics=[topic])
    assert figures(committee)["topics"][0]["all_cells_by"] == "2017-03-05"


def test_a_cell_is_printed_with_the_name_it_carried_at_the_end_of_the_period(org):
    committee, cell_a, cell_b, _other = org
    rename = org_services.unit_rename
    rename(user=SYSTEM, unit=cell_a, name="Chi bộ A hai", on=dt.date(2018, 1, 1))
    rename(user=SYSTEM, unit=cell_a, name="Chi bộ A ba", on=dt.date(2019, 1, 1))
    # Dissolved inside the period and renamed after (its name on its last day is kept).
    UnitName.objects.create(unit=cell_b, name="Chi bộ B cũ", until=dt.date(2017, 3, 31))
    Unit.objects.filter(pk=cell_b.pk).update(dissolved_on=dt.date(2017, 3, 1))

    def names(end):
        return [cell["name"] for cell in figures(committee, START, end)["cells"]]

    assert names(dt.date(2017, 6, 30)) == ["Chi bộ A", "Chi bộ B cũ"]
    assert names(dt.date(2017, 12, 31)) == ["Chi bộ A", "Chi bộ B cũ"]
    assert names(dt.date(2018, 6, 30)) == ["Chi bộ A hai", "Chi bộ B cũ"]
    assert names(dt.date(2020, 6, 30)) == ["Chi bộ A ba", "Chi bộ B cũ"]


def test_each_unit_runs_the_compiled_queries_with_its_own_path(db):
    """The figure queries are compiled once per period and roll dates (reports.compiled): a
    second committee runs the same statements with its own path, in as many queries, and
    gets its own figures, the same as from querysets built afresh."""
    small, large = CommitteeFactory(), CommitteeFactory()
    build(small, 1, 2, range(2016, 2018))
    build(large, 3, 4, range(2016, 2018))
    start, end = dt.date(2016, 1, 1), dt.date(2017, 12, 31)
    compiled.forget()
    with CaptureQueriesContext(connection) as first:
        small_figures = compute(small, start, end, today=TODAY)
    shapes = compiled.shapes()
    with CaptureQueriesContext(connection) as second:
        large_figures = compute(large, start, end, today=TODAY)
    assert compiled.shapes() == shapes > 15  # nothing compiled again
    assert len(second) == len(first)
    # The same statements but for the path (and the committee's own name, by its id).
    assert [sql(q, large.path, small.path) for q in second] == [sql(q) for q in first]
    assert small_figures["years"][-1]["members_on_roll"] == 2
    assert large_figures["years"][-1]["members_on_roll"] == 12
    assert large_figures["cells_total"] == 3
    one_year = compute(large, dt.date(2017, 1, 1), end, today=TODAY)  # its own shapes
    assert compiled.shapes() > shapes
    assert one_year["years"] == large_figures["years"][1:]
    compiled.forget()
    assert compute(large, start, end, today=TODAY) == large_figures
    assert compute(small, start, end, today=TODAY) == small_figures


def sql(query, path="", by=""):
    """A query's SQL, its path literal replaced, its own-name lookup dropped."""
    if '"organisation_unitname"."unit_id" = ' in query["sql"]:
        return None
    return query["sql"].replace(f"'{path}", f"'{by}") if path else query["sql"]
