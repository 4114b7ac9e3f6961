"""What the committee oversees in the cells' meetings: the coverage grid by month and
quarter, the study topics' coverage, and the cells and members that need attention."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Min, Q, QuerySet
from django.db.models.functions import ExtractMonth

from organisation.models import Person, Unit
from organisation.selectors import committee_cells

from . import policies
from .models import Attendance, Meeting, TopicDeadline
from .selectors import rules_in_force, rules_timeline

MONTHS = list(range(1, 13))

COMBINED_KINDS = (Meeting.Kind.REGULAR, Meeting.Kind.THEMATIC)


# Coverage


@dataclass
class CoverageCell:
    unit: Unit
    months: list[Counter[str]] = field(default_factory=list)  # per month: kind -> count
    regular_missing: int = 0
    thematic_quarters_missing: int = 0
    attendance_percent: float | None = None  # present / marked over the year's meetings
    indicator_percent: int = 85  # Hướng dẫn 12-HD/BTCTW (2018), 3.1 (meeting settings)

    @property
    def indicator_met(self) -> bool:
        percent = self.attendance_percent
        return percent is not None and percent > self.indicator_percent


CELLS_PER_PAGE = 50  # the coverage grid is paged by cell: a province has 20,000 cells


def coverage_cells(committee: Unit, visible_units: QuerySet[Unit] | None = None) -> QuerySet[Unit]:
    """The cells of the coverage grid, in order: the committee's, limited to `visible_units`."""
    cells = committee_cells(committee)
    if visible_units is not None:
        cells = cells.filter(pk__in=visible_units.values("pk"))
    return cells.order_by("code")


def coverage_grid(
    committee: Unit,
    year: int,
    *,
    visible_units: QuerySet[Unit] | None = None,
    upto: dt.date | None = None,
    cells: list[Unit] | None = None,
) -> list[CoverageCell]:
    """Cells × 12 months: how many regular, thematic, briefing and study meetings each cell
    held each month of `year`. Months after `upto` are not counted as missing. `cells` (a
    page of `coverage_cells`) limits the counting to the cells shown; without it, every cell
    of the committee. Three queries (four without `cells`)."""
    if cells is None:
        cells = list(coverage_cells(committee, visible_units))
    cell_ids = [cell.pk for cell in cells]
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    counts = (
        Meeting.objects.filter(unit_id__in=cell_ids, held=True, date__range=(first, last))
        .annotate(month=ExtractMonth("date"))
        .values("unit_id", "month", "kind", "combined")
        .annotate(count=Count("pk"))
        .order_by()
    )
    # A Counter per month: a kind not held that month is 0, not a failed template lookup.
    table: dict[int, dict[int, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for row in counts:
        month = table[row["unit_id"]][row["month"]]
        # A sitting held as both the regular and the thematic meeting counts as both.
        kinds = {row["kind"], *(COMBINED_KINDS if row["combined"] else ())}
        for kind in kinds:
            month[kind] += row["count"]
    marks = (
        Attendance.objects.filter(
            meeting__unit_id__in=cell_ids,
            meeting__held=True,
            meeting__date__range=(first, last),
        )
        .values("meeting__unit_id")
        .annotate(
            present=Count("pk", filter=Q(status=Attendance.Status.PRESENT)), marked=Count("pk")
        )
        .order_by()
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
        months = [Counter(table[cell.pk][month]) for month in MONTHS]
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
    rows = (
        meetings.values("pk", "code", "unit_id", "date", "kind")
        .annotate(
            present=Count("attendance", filter=Q(attendance__status=Attendance.Status.PRESENT)),
            marked=Count("attendance"),
        )
        .order_by("date", "code")
    )
    by_unit: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_unit[row["unit_id"]].append(dict(row))
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
