"""Closed years read from their stored snapshot give the very figures the live computation
gives, and a change to a closed year's records refreshes its snapshot."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import transaction

from organisation.models import Unit
from reports import snapshots
from reports.figures import compute
from reports.models import YearFigures

from .factories import MeetingFactory
from .test_history_figures import END, START, TODAY, history  # noqa: F401  (fixture)

LATER = dt.date(2026, 12, 2)  # every year of the demo's period is closed
INSIDE = dt.date(2019, 8, 1)  # 2016–2018 closed, 2019 and 2020 open


def both_ways(committee, start, end, today):
    """The live figures, the first stored run (storing) and the second (reading)."""
    live = compute(committee, start, end, today=today)
    first = snapshots.figures_for(committee, start, end, today=today)
    second = snapshots.figures_for(committee, start, end, today=today)
    return live, first, second


@pytest.mark.django_db
@pytest.mark.parametrize("today", [LATER, INSIDE])
def test_stored_years_give_the_live_figures_of_the_demo(today):
    call_command("load_demo", stdout=io.StringIO())
    committee = Unit.objects.get(code="SVHTT")
    start, end = dt.date(2016, 5, 15), dt.date(2020, 6, 30)
    YearFigures.objects.all().delete()  # the demo's own review may have stored its years
    live, first, second = both_ways(committee, start, end, today)
    assert first == live
    assert second == live
    closed = [2016, 2017, 2018, 2019, 2020] if today == LATER else [2016, 2017, 2018]
    stored = YearFigures.objects.filter(committee=committee)
    assert sorted(stored.values_list("year", flat=True)) == closed


def test_stored_years_give_the_live_figures_across_a_history(history):  # noqa: F811
    committee, _people = history
    live, first, second = both_ways(committee, START, END, TODAY)
    assert first == live == second
    assert YearFigures.objects.filter(committee=committee).count() == 3


def test_a_change_in_a_closed_year_refreshes_its_snapshot(
    history,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    committee, _people = history
    before = snapshots.figures_for(committee, START, END, today=TODAY)
    stored = {row.year: row for row in YearFigures.objects.filter(committee=committee)}
    cell = Unit.objects.get(code="HA")
    # A transaction of its own, as a request is: its years move once it commits.
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        MeetingFactory(unit=cell, kind="regular", date=dt.date(2017, 5, 5))
    after = snapshots.figures_for(committee, START, END, today=TODAY)
    assert after == compute(committee, START, END, today=TODAY)
    regular = {entry["year"]: entry["regular_meetings"]["meetings"] for entry in after["years"]}
    was = {entry["year"]: entry["regular_meetings"]["meetings"] for entry in before["years"]}
    assert regular[2017] == was[2017] + 1
    now = {row.year: row for row in YearFigures.objects.filter(committee=committee)}
    # Only 2017 was computed again; 2016 and 2018 were read as stored.
    assert now[2017].version != stored[2017].version
    assert now[2017].computed_at > stored[2017].computed_at
    for year in (2016, 2018):
        assert now[year].computed_at == stored[year].computed_at
