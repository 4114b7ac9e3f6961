"""Reads and figures of the meetings app. Every function runs a fixed number of queries,
whatever the number of cells, members and meetings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.policy import ancestor_paths
from core.search import search
from core.vn import search_key
from documents.models import StudyTopic
from organisation import membership
from organisation.models import Person, Unit
from organisation.selectors import people_on, roll_on

from . import policies, reference
from .models import Attendance, FocusArea, Meeting, MeetingRules, Minutes, TopicDeadline

# Rules


def _rules_rows(committee: Unit | None) -> list[MeetingRules]:
    rows = list(
        MeetingRules.objects.filter(
            Q(committee__isnull=True) | Q(committee=committee)
            if committee
            else Q(committee__isnull=True)
        ).order_by("effective_from")
    )
    if not rows:
        # An empty table (a fresh test database, a flushed one): the reference defaults.
        rows = [MeetingRules(committee=None, **row) for row in reference.DEFAULT_RULES]
    return rows


def rules_in_force(
    committee: Unit | None, on_date: dt.date, rows: list[MeetingRules] | None = None
) -> MeetingRules:
    """The committee's meeting rules in force on `on_date` (its own rows before defaults).

    Pass `rows` from `rules_timeline` to look up several dates with one query."""
    rows = _rules_rows(committee) if rows is None else rows
    own = [row for row in rows if committee is not None and row.committee_id == committee.pk]
    for candidates in (own, [row for row in rows if row.committee_id is None]):
        in_force = [row for row in candidates if row.effective_from <= on_date]
        if in_force:
            return in_force[-1]
    # Before the first rule set: the earliest one is the fair default.
    return (own or rows)[0]


def rules_timeline(committee: Unit | None) -> list[MeetingRules]:
    """Every rule set that may apply to the committee, oldest first (one query)."""
    return _rules_rows(committee)


# Meeting lists


@dataclass
class MeetingFilters:
    q: str = ""
    year: int | None = None
    kind: str = ""
    unit: int | None = None
    topic: int | None = None
    held: str = ""  # "", "held", "planned"


def meetings_visible(user: Any) -> QuerySet[Meeting]:
    return policies.meetings.queryset_for(user)


def meeting_list(user: Any, filters: MeetingFilters) -> QuerySet[Meeting]:
    """Meetings the user may see, filtered, with attendance counts; newest first."""
    queryset = meetings_visible(user).select_related("unit")
    queryset = search(queryset, filters.q)
    if filters.year:
        queryset = queryset.filter(date__year=filters.year)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.unit:
        unit = Unit.objects.filter(pk=filters.unit).only("path").first()
        queryset = queryset.filter(unit__path__startswith=unit.path) if unit else queryset.none()
    if filters.topic:
        queryset = queryset.filter(topics__pk=filters.topic)
    if filters.held == "held":
        queryset = queryset.filter(held=True)
    elif filters.held == "planned":
        queryset = queryset.filter(held=False)
    return queryset.annotate(
        present=Count("attendance", filter=Q(attendance__status=Attendance.Status.PRESENT)),
        marked=Count("attendance"),
    ).order_by("-date", "code")


def meeting_detail(user: Any, pk: int) -> Meeting:
    """One meeting the user may see, with what its pages show; another cell's is a 404."""
    queryset = (
        meetings_visible(user)
        .select_related("unit", "chair", "secretary", "focus_area")
        .prefetch_related("topics", "guests")
    )
    try:
        return queryset.get(pk=pk)
    except Meeting.DoesNotExist as exc:
        raise Http404 from exc


def meeting_guest(meeting: Meeting, pk: int) -> Any:
    return get_object_or_404(meeting.guests, pk=pk)


def unit_or_404(pk: int | str) -> Unit:
    return get_object_or_404(Unit, pk=pk)


def units_for_recording(user: Any) -> QuerySet[Unit]:
    """Units whose meetings the user may record (the committee and its cells for the office,
    his own cell for a secretary)."""
    return Unit.objects.filter(policies.meetings.unit_q(user)).order_by("path")


def units_for_filter(user: Any) -> QuerySet[Unit]:
    return Unit.objects.filter(policies.meetings.unit_q(user, "view")).order_by("path")


# Attendance


@dataclass
class RollRow:
    person: Person
    attendance: Attendance | None
    on_roll: bool = True  # False: non-member staff added to a conference
    exempt: bool = False  # on the roll but exempted or suspended: not expected to attend
    cell: Unit | None = None  # where the person was posted on the meeting's date

    @property
    def status(self) -> str:
        return self.attendance.status if self.attendance else ""


def meeting_roll(meeting: Meeting) -> list[RollRow]:
    """The members on the unit's roll on the meeting's date, each with his mark, then anyone
    else marked (staff at a conference). Three queries, whatever the size of the cell."""
    members = list(roll_on(meeting.unit, meeting.date).order_by("sort_key", "code"))
    active = set(
        membership.roll(meeting.unit, meeting.date, active=True).values_list("pk", flat=True)
    )
    marks = {
        row.person_id: row
        for row in Attendance.objects.filter(meeting=meeting).select_related("person")
    }
    rows = [
        RollRow(person, marks.pop(person.pk, None), exempt=person.pk not in active)
        for person in members
    ]
    extra = sorted(marks.values(), key=lambda row: (row.person.sort_key, row.person.code))
    rows += [RollRow(row.person, row, on_roll=False) for row in extra]
    return rows


@dataclass
class RollGroup:
    """The rows of one cell of a committee-wide meeting, with their counts."""

    unit: Unit | None
    rows: list[RollRow]

    @property
    def summary(self) -> dict[str, int]:
        return attendance_summary(self.rows)


def roll_groups(meeting: Meeting, rows: list[RollRow], text: str = "") -> list[RollGroup]:
    """The roll of a meeting above a cell, grouped by the cell each person was posted to on
    the meeting's date (one query), filtered by name or code without diacritics."""
    postings = membership.periods_on(meeting.date, meeting.unit.path).filter(
        person_id__in=[row.person.pk for row in rows]
    )
    cells = {posting.person_id: posting.unit for posting in postings.select_related("unit")}
    words = search_key(text).split()
    groups: dict[int | None, RollGroup] = {}
    for row in rows:
        if words and not all(word in row.person.search_key for word in words):
            continue
        row.cell = cells.get(row.person.pk)
        key = row.cell.pk if row.cell else None
        groups.setdefault(key, RollGroup(row.cell, [])).rows.append(row)
    return sorted(groups.values(), key=lambda g: g.unit.path if g.unit else "~")


def roll_row(meeting: Meeting, person: Person) -> RollRow:
    attendance = Attendance.objects.filter(meeting=meeting, person=person).first()
    on_roll = roll_on(meeting.unit, meeting.date).filter(pk=person.pk).exists()
    active = membership.is_on_roll(person, meeting.unit, meeting.date, active=True)
    return RollRow(person, attendance, on_roll=on_roll, exempt=on_roll and not active)


def people_to_mark(meeting: Meeting) -> QuerySet[Person]:
    """People who may be marked: the unit's party members on the roll that day, and for a
    conference also the non-member staff of the unit."""
    if meeting.is_conference:
        return people_on(meeting.unit, meeting.date)
    return roll_on(meeting.unit, meeting.date)


def attendance_person(user: Any, meeting: Meeting, person_pk: int) -> Person:
    """The person a mark is about, looked up only among those the user may see or who belong
    to this meeting: any other id answers 404 like one that does not exist, so that no name,
    code or status of another cell's member is disclosed."""
    from organisation.policies import people as people_policy

    allowed = (
        Q(pk__in=people_policy.queryset_for(user).values("pk"))
        | Q(pk__in=people_to_mark(meeting).values("pk"))
        | Q(attendance__meeting=meeting)
    )
    found = Person.objects.filter(allowed, pk=person_pk).distinct().first()
    if found is None:
        raise Http404
    return found


def staff_to_add(meeting: Meeting) -> QuerySet[Person]:
    """Non-member staff of the unit on that day who are not marked yet (conferences)."""
    return (
        people_on(meeting.unit, meeting.date)
        .exclude(pk__in=roll_on(meeting.unit, meeting.date).values("pk"))
        .exclude(attendance__meeting=meeting)
        .order_by("sort_key", "code")
    )


def attendance_summary(rows: list[RollRow]) -> dict[str, int]:
    summary = {"total": len(rows), "unmarked": 0}
    for status in Attendance.Status.values:
        summary[status] = 0
    for row in rows:
        if row.attendance:
            summary[row.attendance.status] += 1
        else:
            summary["unmarked"] += 1
    return summary


# Minutes


def minutes_version(user: Any, pk: int, version: int) -> Minutes:
    """One version of the minutes of a meeting the user sees; any other is a 404."""
    meeting = meeting_detail(user, pk)
    return get_object_or_404(meeting.minutes.select_related("meeting__unit"), version=version)


def minutes_versions(meeting: Meeting) -> list[Minutes]:
    return list(meeting.minutes.select_related("approved_by", "created_by").order_by("-version"))


# Settings lists


def focus_areas_visible(user: Any) -> QuerySet[FocusArea]:
    return policies.focus_areas.queryset_for(user).select_related("committee")


def deadlines_visible(user: Any) -> QuerySet[TopicDeadline]:
    return policies.deadlines.queryset_for(user).select_related("committee", "topic")


def rules_visible(user: Any) -> QuerySet[MeetingRules]:
    return (
        policies.rules.queryset_for(user)
        .select_related("committee")
        .order_by("committee__code", "-effective_from")
    )


def study_topics() -> list[StudyTopic]:
    return list(StudyTopic.objects.order_by("start_year", "code"))


def committees_for(user: Any, action: str = "view") -> QuerySet[Unit]:
    """Committees the user holds a role on (or that contain his units): those in his units'
    subtrees and those above them, one query (no list of the subtree's paths first)."""
    units = policies.meetings.unit_q(user, action)
    roots = policies.meetings.scope_paths(user, action)
    if roots:
        units |= Q(path__in=ancestor_paths(roots))
    return Unit.objects.filter(units, kind=Unit.Kind.COMMITTEE).order_by("code")
