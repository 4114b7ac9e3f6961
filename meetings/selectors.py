"""Reads and figures of the meetings app. Every function runs a fixed number of queries,
whatever the number of cells, members and meetings."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Min, Q, QuerySet
from django.db.models.functions import ExtractMonth
from django.http import Http404

from core.search import search
from core.vn import search_key
from organisation import membership
from organisation.models import Person, Unit
from organisation.selectors import committee_cells, people_on, roll_on

from . import policies, reference
from .models import Attendance, FocusArea, Meeting, MeetingRules, Minutes, TopicDeadline

MONTHS = list(range(1, 13))
COMBINED_KINDS = (Meeting.Kind.REGULAR, Meeting.Kind.THEMATIC)


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
    return policies.meetings.visible_to(user)


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
        Q(pk__in=people_policy.visible_to(user).values("pk"))
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


def minutes_versions(meeting: Meeting) -> list[Minutes]:
    return list(meeting.minutes.select_related("approved_by", "created_by").order_by("-version"))


# Coverage


@dataclass
class CoverageCell:
    unit: Unit
    months: list[dict[str, int]] = field(default_factory=list)  # per month: kind -> count
    regular_missing: int = 0
    thematic_quarters_missing: int = 0
    attendance_percent: float | None = None  # present / marked over the year's meetings
    indicator_percent: int = 85  # Hướng dẫn 12-HD/BTCTW (2018), 3.1 (meeting settings)

    @property
    def indicator_met(self) -> bool:
        percent = self.attendance_percent
        return percent is not None and percent > self.indicator_percent


def coverage_grid(
    committee: Unit,
    year: int,
    *,
    visible_units: QuerySet[Unit] | None = None,
    upto: dt.date | None = None,
) -> list[CoverageCell]:
    """Cells × 12 months: how many regular, thematic, briefing and study meetings each cell
    held each month of `year`. Months after `upto` are not counted as missing. Three queries."""
    cells_qs = committee_cells(committee)
    if visible_units is not None:
        cells_qs = cells_qs.filter(pk__in=visible_units.values("pk"))
    cells = list(cells_qs.order_by("code"))
    counts = (
        Meeting.objects.filter(
            unit__path__startswith=committee.path,
            unit__kind=Unit.Kind.CELL,
            held=True,
            date__year=year,
        )
        .annotate(month=ExtractMonth("date"))
        .values("unit_id", "month", "kind", "combined")
        .annotate(count=Count("pk"))
    )
    table: dict[int, dict[int, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for row in counts:
        month = table[row["unit_id"]][row["month"]]
        # A sitting held as both the regular and the thematic meeting counts as both.
        kinds = {row["kind"], *(COMBINED_KINDS if row["combined"] else ())}
        for kind in kinds:
            month[kind] = month.get(kind, 0) + row["count"]
    marks = (
        Attendance.objects.filter(
            meeting__unit__in=cells, meeting__held=True, meeting__date__year=year
        )
        .values("meeting__unit_id")
        .annotate(
            present=Count("pk", filter=Q(status=Attendance.Status.PRESENT)), marked=Count("pk")
        )
    )
    attendance = {row["meeting__unit_id"]: row for row in marks}
    last_month = 12
    if upto is not None:
        if upto.year < year:
            last_month = 0
        elif upto.year == year:
            last_month = upto.month
    rows = rules_timeline(committee)
    # A quarter is judged by the rules in force on its last day.
    needed = [
        max(
            rules_in_force(
                committee, _quarter_bounds(dt.date(year, q * 3 + 1, 1))[1], rows
            ).thematic_per_quarter,
            1,
        )
        for q in range(4)
    ]
    indicator = rules_in_force(committee, dt.date(year, 12, 31), rows).attendance_indicator_percent
    result = []
    for cell in cells:
        months = [dict(table[cell.pk][month]) for month in MONTHS]
        coverage = CoverageCell(unit=cell, months=months, indicator_percent=indicator)
        mark = attendance.get(cell.pk)
        if mark and mark["marked"]:
            coverage.attendance_percent = round(100 * mark["present"] / mark["marked"], 2)
        coverage.regular_missing = sum(
            1
            for index, month in enumerate(months, 1)
            if index <= last_month and not month.get("regular")
        )
        coverage.thematic_quarters_missing = sum(
            1
            for quarter in range(4)
            if (quarter * 3 + 3) <= last_month
            and sum(months[quarter * 3 + i].get("thematic", 0) for i in range(3)) < needed[quarter]
        )
        result.append(coverage)
    return result


@dataclass
class TopicCoverageRow:
    unit: Unit
    meetings: list[dict[str, Any]] = field(default_factory=list)

    @property
    def first_date(self) -> dt.date | None:
        return self.meetings[0]["date"] if self.meetings else None

    @property
    def present(self) -> int:
        return sum(item["present"] for item in self.meetings)

    @property
    def marked(self) -> int:
        return sum(item["marked"] for item in self.meetings)

    @property
    def percent(self) -> float | None:
        return round(100 * self.present / self.marked, 2) if self.marked else None


def topic_coverage(
    committee: Unit,
    topic: Any,
    *,
    year: int | None = None,
    kind: str = "",
    visible_units: QuerySet[Unit] | None = None,
) -> list[TopicCoverageRow]:
    """For a study topic: which cells studied it, when, with what attendance. Two queries."""
    cells_qs = committee_cells(committee)
    if visible_units is not None:
        cells_qs = cells_qs.filter(pk__in=visible_units.values("pk"))
    cells = list(cells_qs.order_by("code"))
    meetings = Meeting.objects.filter(
        unit__path__startswith=committee.path, held=True, topics=topic
    )
    if year:
        meetings = meetings.filter(date__year=year)
    if kind:
        meetings = meetings.filter(kind=kind)
    meetings = (
        meetings.values("pk", "code", "unit_id", "date", "kind")
        .annotate(
            present=Count("attendance", filter=Q(attendance__status=Attendance.Status.PRESENT)),
            marked=Count("attendance"),
        )
        .order_by("date", "code")
    )
    by_unit: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in meetings:
        by_unit[row["unit_id"]].append(row)
    return [TopicCoverageRow(unit=cell, meetings=by_unit.get(cell.pk, [])) for cell in cells]


# Needs attention


def _quarter_bounds(today: dt.date) -> tuple[dt.date, dt.date]:
    first_month = 3 * ((today.month - 1) // 3) + 1
    start = dt.date(today.year, first_month, 1)
    end = dt.date(today.year + (first_month == 10), (first_month + 2) % 12 + 1, 1) - dt.timedelta(
        days=1
    )
    return start, end


@dataclass
class Attention:
    no_thematic: list[Unit] = field(default_factory=list)
    quarter: tuple[dt.date, dt.date] | None = None
    skipped_monthly: list[tuple[Unit, list[int]]] = field(default_factory=list)
    absentees: list[tuple[Person, int]] = field(default_factory=list)
    absence_months: int = 3
    overdue_topics: list[tuple[TopicDeadline, list[Unit]]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.no_thematic or self.skipped_monthly or self.absentees or self.overdue_topics
        )


def cells_in_scope(user: Any) -> list[Unit]:
    return list(
        Unit.objects.filter(policies.meetings.unit_q(user, "view"), kind=Unit.Kind.CELL)
        .exclude(pk__in=[])
        .order_by("code")
    )


def attention(cells: list[Unit], committee: Unit | None, today: dt.date) -> Attention:
    """What needs attention in `cells` on `today` (a fixed number of queries)."""
    result = Attention()
    if not cells:
        return result
    rule = rules_in_force(committee, today)
    result.absence_months = rule.absence_months
    cell_ids = [cell.pk for cell in cells]
    start, end = _quarter_bounds(today)
    result.quarter = (start, end)
    thematic = dict(
        Meeting.objects.filter(
            Q(kind=Meeting.Kind.THEMATIC) | Q(combined=True),
            unit_id__in=cell_ids,
            held=True,
            date__gte=start,
            date__lte=end,
        )
        .values_list("unit_id")
        .annotate(count=Count("pk"))
    )
    result.no_thematic = [
        cell for cell in cells if thematic.get(cell.pk, 0) < max(rule.thematic_per_quarter, 1)
    ]
    # Months of this year already over in which a cell held no regular meeting.
    months_over = today.month - 1
    if months_over:
        held_months: dict[int, set[int]] = defaultdict(set)
        for unit_id, month in (
            Meeting.objects.filter(
                Q(kind=Meeting.Kind.REGULAR) | Q(combined=True),
                unit_id__in=cell_ids,
                held=True,
                date__year=today.year,
                date__month__lte=months_over,
            )
            .annotate(month=ExtractMonth("date"))
            .values_list("unit_id", "month")
            .distinct()
        ):
            held_months[unit_id].add(month)
        for cell in cells:
            missing = [m for m in range(1, months_over + 1) if m not in held_months[cell.pk]]
            if missing:
                result.skipped_monthly.append((cell, missing))
    result.absentees = absentees(cell_ids, today.year, rule.absence_months)
    result.overdue_topics = overdue_topics(cells, committee, today)
    return result


def absentees(cell_ids: list[int], year: int, threshold: int) -> list[tuple[Person, int]]:
    """Members absent without reason in at least `threshold` different months of `year`
    (Điều lệ Đảng, Điều 8). Two queries."""
    rows = (
        Attendance.objects.filter(
            meeting__unit_id__in=cell_ids,
            meeting__held=True,
            meeting__date__year=year,
            status=Attendance.Status.ABSENT,
        )
        .values("person_id")
        .annotate(months=Count(ExtractMonth("meeting__date"), distinct=True))
        .filter(months__gte=threshold)
    )
    months = {row["person_id"]: row["months"] for row in rows}
    people = Person.objects.filter(pk__in=months).select_related("unit").order_by("sort_key")
    return [(person, months[person.pk]) for person in people]


def overdue_topics(
    cells: list[Unit], committee: Unit | None, today: dt.date
) -> list[tuple[TopicDeadline, list[Unit]]]:
    """Topics whose committee deadline has passed, with the cells that had not studied them
    by the deadline. Two queries."""
    if committee is None:
        return []
    deadlines = list(
        TopicDeadline.objects.filter(committee=committee, deadline__lt=today).select_related(
            "topic"
        )
    )
    if not deadlines:
        return []
    through = Meeting.topics.through
    studied = (
        through.objects.filter(
            meeting__unit_id__in=[cell.pk for cell in cells],
            meeting__held=True,
            studytopic_id__in=[deadline.topic_id for deadline in deadlines],
        )
        .values("meeting__unit_id", "studytopic_id")
        .annotate(first=Min("meeting__date"))
    )
    first = {(row["meeting__unit_id"], row["studytopic_id"]): row["first"] for row in studied}
    result = []
    for deadline in deadlines:
        late = [
            cell
            for cell in cells
            if not (when := first.get((cell.pk, deadline.topic_id))) or when > deadline.deadline
        ]
        if late:
            result.append((deadline, late))
    return result


# Settings lists


def focus_areas_visible(user: Any) -> QuerySet[FocusArea]:
    return policies.focus_areas.visible_to(user).select_related("committee")


def deadlines_visible(user: Any) -> QuerySet[TopicDeadline]:
    return policies.deadlines.visible_to(user).select_related("committee", "topic")


def rules_visible(user: Any) -> QuerySet[MeetingRules]:
    return (
        policies.rules.visible_to(user)
        .select_related("committee")
        .order_by("committee__code", "-effective_from")
    )


def committees_for(user: Any, action: str = "view") -> QuerySet[Unit]:
    """Committees the user holds a role on (or that contain his units)."""
    units = Unit.objects.filter(policies.meetings.unit_q(user, action))
    ids = set()
    for path in units.values_list("path", flat=True):
        ids.update(int(pk) for pk in path.strip(".").split("."))
    return Unit.objects.filter(pk__in=ids, kind=Unit.Kind.COMMITTEE).order_by("code")
