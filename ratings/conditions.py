"""Reads the rating conditions are judged on: the rating window of a year, and a cell's
members' results. Kept apart from selectors.py, whose roll queries the lead is rebuilding;
the roll comes from `organisation.selectors.roll_on` (the one definition)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from organisation.models import Unit
from organisation.selectors import roll_on

from . import rules
from .models import CapCondition, Rating


def review_window(rule_set: Any, year: int) -> tuple[dt.date, dt.date]:
    """The days a cell may hold the meeting that reviews the year `year` (rule set fields):
    from the first day of the start month of the year to the last day of the end month of
    the next year; never after today."""
    first = dt.date(year, rule_set.review_start_month, 1)
    end_month = rule_set.review_end_month
    after = dt.date(year + 1 + end_month // 12, end_month % 12 + 1, 1)
    return first, after - dt.timedelta(days=1)


def unit_facts(cell: Unit, year: int, rule_set: Any) -> rules.UnitFacts:
    """The cell's members that year — those on its roll at the year's end (roll_on) and any
    rated by it — how many are still undecided, and who among them was disciplined."""
    # Members exempted or suspended at the year's end are not rated (rules.md).
    on_roll = set(roll_on(cell, dt.date(year, 12, 31), active=True).values_list("pk", flat=True))
    ratings = dict(
        Rating.objects.filter(year=year, cell=cell, person__isnull=False).values_list(
            "person_id", "level"
        )
    )
    members = on_roll | set(ratings)
    undecided = sum(1 for pk in members if not ratings.get(pk))
    disciplined = CapCondition.objects.filter(
        person_id__in=members, year=year, kind=CapCondition.Kind.DISCIPLINED
    )
    if rule_set.self_fixed_exempt:
        disciplined = disciplined.exclude(self_fixed=True)
    names = sorted({cap.person.full_name for cap in disciplined.select_related("person")})
    return rules.UnitFacts(len(members), undecided, names)


def review_meetings(cell: Unit, year: int, rule_set: Any) -> list[dict[str, Any]]:
    """The cell's meetings in the rating window (none in the future), newest first, each with
    its quorum (present / required) and what, if anything, keeps it from standing as the
    reviewing meeting — shown before anyone submits."""
    from django.utils import timezone

    from meetings.models import Meeting
    from meetings.quorum import meeting_quorum, meeting_quorum_problem

    first, last = review_window(rule_set, year)
    last = min(last, timezone.localdate())
    meetings = Meeting.objects.filter(unit=cell, date__gte=first, date__lte=last).order_by("-date")
    return [
        {
            "meeting": meeting,
            "quorum": meeting_quorum(meeting),
            "problem": meeting_quorum_problem(meeting),
        }
        for meeting in meetings
    ]
