"""The figures' database queries: a fixed handful, each grouped by year (and unit) in SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from django.db.models import Case, Count, F, Max, Min, Q, QuerySet, Sum, Value, When
from django.db.models.functions import ExtractYear

from meetings.models import Attendance, Meeting
from organisation.membership import covers_q
from organisation.models import MemberEvent, Posting

from .. import compiled
from ..scope import Scope

Row = Mapping[str, Any]

# Leaving the party, as opposed to moving out of the committee (interchange.md, "History").
LEFT_PARTY = (
    MemberEvent.Kind.DECEASED,
    MemberEvent.Kind.EXPELLED,
    MemberEvent.Kind.STRUCK_OFF,
    MemberEvent.Kind.RESIGNED,
)


class FigureQueries:
    """The grouped queries behind the figures; each returns plain rows."""

    def __init__(self, scope: Scope):
        self.scope = scope
        self.years = scope.years
        self.cells = scope.cell_list
        self.cell_ids = {cell["id"] for cell in self.cells}
        # Everything a query's SQL depends on besides the unit's path (reports.figures.compiled).
        self.shape = (scope.period, tuple(scope.roll_dates.items()))

    def compiled_rows(self, name: str, build: Callable[[], QuerySet]) -> list[Row]:
        """The rows of the values() queryset `build()`, compiled once per shape."""
        return compiled.rows((name, self.shape), self.scope.prefix, build)

    def existing_on(self, day: dt.date) -> set[int]:
        """Ids of the period's cells that exist on `day` (founded, not yet dissolved)."""
        return {
            cell["id"]
            for cell in self.cells
            if (cell["founded_on"] is None or cell["founded_on"] <= day)
            and (cell["dissolved_on"] is None or day < cell["dissolved_on"])
        }

    def existing_cells(self) -> dict[int, set[int]]:
        """Per year, the cells that exist on its roll date: they make up `cells_total`."""
        return {year: self.existing_on(day) for year, day in self.scope.roll_dates.items()}

    # -- queries ------------------------------------------------------------------------
    def by_year(
        self, name: str, records: Callable[[], QuerySet], date: str, *fields: str, **counts: Any
    ) -> list[Row]:
        """`counts` of `records()` grouped by the year of `date` and `fields`."""
        return self.compiled_rows(
            name,
            lambda: (
                records()
                .annotate(year=ExtractYear(date))
                .values("year", *fields)
                .annotate(**counts)
                .order_by()
            ),
        )

    def roll_counts(
        self,
    ) -> tuple[dict[int, dict[str, int]], dict[tuple[int, int], dict[str, int]]]:
        """Members on the roll, and of them active, per year: for the committee and per cell
        (the unit of the period covering the roll date). One grouped query."""

        def build() -> QuerySet:
            postings = self.scope.postings().filter(person__party_joined_on__isnull=False)
            active = Q(state=Posting.State.ACTIVE)
            counts = {}
            for year, day in self.scope.roll_dates.items():
                on_roll = covers_q(day) & Q(person__party_joined_on__lte=day)
                counts[f"r{year}"] = Count("person", distinct=True, filter=on_roll)
                counts[f"a{year}"] = Count("person", distinct=True, filter=on_roll & active)
            return postings.values("unit_id").annotate(**counts).order_by()

        per_unit = {}
        totals = {year: {"on_roll": 0, "active": 0} for year in self.years}
        for row in self.compiled_rows("roll", build):
            for year in self.years:
                figures = {"on_roll": row[f"r{year}"], "active": row[f"a{year}"]}
                per_unit[(year, row["unit_id"])] = figures
                totals[year]["on_roll"] += figures["on_roll"]
                totals[year]["active"] += figures["active"]
        # A person is in one unit on a given day, so the units' counts add up to the roll.
        return totals, per_unit

    def roll_change_rows(self) -> dict[int, dict[str, int]]:
        """Admissions, moves in and out, and departures within each year of the period."""
        period = self.scope.period
        changes = {
            year: {"admitted": 0, "moved_in": 0, "moved_out": 0, "left": 0} for year in self.years
        }
        admitted = self.compiled_rows(
            "admitted",
            lambda: (
                self.scope.postings()
                .filter(
                    covers_q(F("person__party_joined_on")),
                    person__party_joined_on__gte=period.start,
                    person__party_joined_on__lte=period.end,
                )
                .annotate(year=ExtractYear("person__party_joined_on"))
                .values("year")
                .annotate(n=Count("person", distinct=True))
                .order_by()
            ),
        )
        for row in admitted:
            changes[row["year"]]["admitted"] = row["n"]
        kinds: dict[str, str] = {
            MemberEvent.Kind.MOVE_IN: "moved_in",
            MemberEvent.Kind.MOVE_OUT: "moved_out",
            **{kind: "left" for kind in LEFT_PARTY},
        }
        # Events of people who belonged to the committee at some time.
        events = self.compiled_rows(
            "events",
            lambda: (
                MemberEvent.objects.filter(
                    person_id__in=self.scope.postings().values("person_id"),
                    kind__in=kinds,
                    date__gte=period.start,
                    date__lte=period.end,
                )
                .annotate(year=ExtractYear("date"))
                .values("year", "kind")
                .annotate(n=Count("id"))
                .order_by()
            ),
        )
        for row in events:
            changes[row["year"]][kinds[row["kind"]]] += row["n"]
        return changes

    def meeting_rows(self) -> list[Row]:
        return self.compiled_rows(
            "meetings",
            lambda: (
                self.scope.meetings()
                .annotate(year=ExtractYear("date"), briefs=self.scope.briefing_q())
                .values("year", "unit_id", "kind", "briefs", "combined")
                .annotate(n=Count("id"))
                .order_by()
            ),
        )

    def attendance_rows(self) -> list[Row]:
        """Present and all rows per year and unit. The year is the first year whose last day
        is on or after the meeting's date: one CASE of date comparisons a row, native in
        every database (SQLite's EXTRACT is a Python function per row), where ten filtered
        counts a row cost a fifth more at the province (issue 18)."""

        def build() -> QuerySet:
            period = self.scope.period
            *earlier, last = self.years
            year = Case(
                *[When(meeting__date__lte=period.year_end(y), then=Value(y)) for y in earlier],
                default=Value(last),
            )
            present = Q(status=Attendance.Status.PRESENT)
            return (
                Attendance.objects.filter(
                    meeting__held=True,
                    meeting__unit__path__startswith=self.scope.prefix,
                    meeting__date__gte=period.start,
                    meeting__date__lte=period.end,
                )
                .annotate(year=year)
                .values("year", "meeting__unit_id")
                .annotate(total=Count("id"), present=Count("id", filter=present))
                .order_by()
            )

        return self.compiled_rows("attendance", build)

    def yearly_rows(self, name: str, *extra: str) -> list[Row]:
        """Rows of the scope's yearly per-person records `name` (pledges, personal_plans,
        ratings) by year, cell that day, member and active (Scope.yearly_people)."""
        return self.compiled_rows(
            f"{name}{extra}",
            lambda: (
                getattr(self.scope, name)()
                .values("year", "report_cell", "report_member", "report_active", *extra)
                .annotate(n=Count("id"))
                .order_by()
            ),
        )

    def standard_rows(self) -> list[Row]:
        return self.compiled_rows(
            "standards", lambda: self.scope.standards().values("year", "unit_id", "kind")
        )

    def activity_rows(self) -> list[Row]:
        return self.compiled_rows(
            "activities",
            lambda: (
                self.scope.activities()
                .annotate(year=ExtractYear("date"))
                .values("year", "unit_id", "kind_id", "kind__name", "kind__default_measure_unit")
                .annotate(
                    n=Count("id"),
                    participants=Sum("participants"),
                    quantity=Sum("quantity"),
                    unit_min=Min("measure_unit"),
                    unit_max=Max("measure_unit"),
                )
                .order_by()
            ),
        )

    def inspection_figures(self) -> dict[int, dict[str, int]]:
        rows = self.compiled_rows(
            "inspections",
            lambda: (
                self.scope.inspections()
                .filter(year__in=self.years)
                .annotate(roll_date=self.scope.roll_date_case())
                .values("year")
                .annotate(
                    planned=Count("id"),
                    concluded=Count("id", filter=Q(concluded_on__lte=F("roll_date"))),
                )
                .order_by()
            ),
        )
        planned: dict[int, Row] = {row["year"]: row for row in rows}
        counts = {}
        for year, day in self.scope.roll_dates.items():
            earlier = Q(inspection__year__lte=year)
            is_open = earlier & (Q(completed_on__isnull=True) | Q(completed_on__gt=day))
            done_in_year = Q(completed_on__gte=dt.date(year, 1, 1), completed_on__lte=day)
            counts[f"done{year}"] = Count("id", filter=earlier & done_in_year)
            counts[f"open{year}"] = Count("id", filter=is_open)
            counts[f"late{year}"] = Count("id", filter=is_open & Q(deadline__lt=day))
        remediations = self.scope.remediations().aggregate(**counts)
        return {
            year: {
                "planned": planned.get(year, {}).get("planned", 0),
                "concluded": planned.get(year, {}).get("concluded", 0),
                "remediations_open": remediations[f"open{year}"],
                "remediations_done": remediations[f"done{year}"],
                "remediations_late": remediations[f"late{year}"],
            }
            for year in self.years
        }

    def document_rows(self) -> tuple[dict[int, int], list[Row], dict[int, int]]:
        scope = self.scope
        issued = self.by_year("issued", scope.documents_issued, "issued_on", n=Count("id"))
        deliveries = self.by_year(
            "deliveries", scope.deliveries, "sent_on", "unit_id", n=Count("id")
        )
        distinct = self.by_year(
            "delivered documents",
            scope.deliveries,
            "sent_on",
            n=Count("document_id", distinct=True),
        )
        return (
            {row["year"]: row["n"] for row in issued},
            deliveries,
            {row["year"]: row["n"] for row in distinct},
        )

    def commendation_rows(self) -> list[Row]:
        target = Case(
            When(unit__isnull=False, then=Value("collective")),
            When(person__party_joined_on__lte=F("decided_on"), then=Value("members")),
            default=Value("non_members"),
        )
        return self.compiled_rows(
            "commendations",
            lambda: (
                self.scope.commendations()
                .annotate(year=ExtractYear("decided_on"), target=target)
                .values("year", "level", "target")
                .annotate(n=Count("id"))
                .order_by()
            ),
        )

    def topic_rows(self) -> list[Row]:
        through: QuerySet[Any] = Meeting.topics.through.objects.all()
        return self.compiled_rows(
            "topics",
            lambda: (
                through.filter(meeting__in=self.scope.meetings())
                .annotate(year=ExtractYear("meeting__date"))
                .values(
                    "year",
                    "meeting__unit_id",
                    "studytopic_id",
                    "studytopic__code",
                    "studytopic__title",
                    "studytopic__kind",
                    "studytopic__start_year",
                )
                .annotate(n=Count("meeting_id", distinct=True), first=Min("meeting__date"))
                .order_by()
            ),
        )
