"""The committee and period a report covers, and the base querysets every figure starts from.

The figures (reports.figures) count over these querysets and the drill-down pages
(reports.selectors) list over the very same ones, so a number and the records behind it can
never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.db.models import (
    Case,
    DateField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from activities.models import Activity, Commendation
from documents.models import Document, DocumentDelivery
from inspections.models import Inspection, Remediation
from meetings.models import Attendance, Meeting
from organisation import membership
from organisation.models import Person, Posting, Unit, UnitName
from pledges.models import ConductStandard, PersonalPlan, Pledge
from ratings.models import Rating

from . import compiled


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def years(self) -> list[int]:
        return list(range(self.start.year, self.end.year + 1))

    def year_start(self, year: int) -> dt.date:
        return max(self.start, dt.date(year, 1, 1))

    def year_end(self, year: int) -> dt.date:
        return min(self.end, dt.date(year, 12, 31))

    def roll_date(self, year: int, today: dt.date | None = None) -> dt.date:
        """31/12, or the period's last day when earlier, or today in the current year."""
        today = today or timezone.localdate()
        day = self.year_end(year)
        if year == today.year and today < day:
            day = today
        return day


class Scope:
    """A committee's subtree over a period: the base querysets of every figure."""

    def __init__(self, committee: Unit, period: Period, today: dt.date | None = None):
        self.committee = committee
        self.period = period
        self.prefix = committee.path
        self.today = today or timezone.localdate()
        self.years = period.years
        self.roll_dates = {year: period.roll_date(year, self.today) for year in self.years}

    # -- units and people -------------------------------------------------------------
    def cells(self) -> QuerySet[Unit]:
        return Unit.objects.filter(path__startswith=self.prefix, kind=Unit.Kind.CELL)

    def cells_on(self, day: dt.date) -> QuerySet[Unit]:
        """The committee's cells that exist on `day`."""
        return self.cells().filter(membership.exists_q(day))

    def postings(self) -> QuerySet[Posting]:
        return Posting.objects.filter(unit__path__startswith=self.prefix)

    def roll(
        self, year: int, unit: Unit | None = None, *, active: bool = False
    ) -> QuerySet[Person]:
        """Members on the roll of the committee (or of one unit's subtree) in `year`."""
        return membership.roll(unit or self.committee, self.roll_dates[year], active=active)

    def posted_on(self, person_ref: str, date_ref: str) -> Exists:
        """Exists: the person had a period in the subtree covering the date."""
        postings = self.postings().filter(
            Q(start__isnull=True) | Q(start__lte=OuterRef(date_ref)),
            Q(end__isnull=True) | Q(end__gt=OuterRef(date_ref)),
            person_id=OuterRef(person_ref),
        )
        return Exists(postings)

    def roll_date_case(self, year_field: str = "year") -> Case:
        """The roll date of the row's year, as an SQL expression."""
        return Case(
            *[When(**{year_field: year}, then=Value(day)) for year, day in self.roll_dates.items()],
            output_field=DateField(),
        )

    def yearly_people(self, queryset: QuerySet, person: str = "person") -> QuerySet[Any]:
        """Rows of a yearly per-person record (pledge, plan, rating) of people in the subtree
        on their year's roll date, annotated with `report_cell` (his cell that day),
        `report_member` (a party member that day) and `report_active` (expected to take
        part: neither exempted nor suspended). One join on the period covering the roll
        date — periods of a person never overlap, so each row is kept at most once."""
        day = self.roll_date_case()
        postings = f"{person}__postings__"
        return (
            queryset.filter(year__in=self.years)
            .filter(
                membership.covers_q(day, postings),
                **{f"{postings}unit__path__startswith": self.prefix},
            )
            .annotate(
                report_cell=F(f"{postings}unit_id"),
                report_member=Case(
                    When(
                        Q(**{f"{person}__party_joined_on__isnull": False})
                        & Q(**{f"{person}__party_joined_on__lte": day}),
                        then=Value(True),
                    ),
                    default=Value(False),
                ),
                report_active=Case(
                    When(**{f"{postings}state": Posting.State.ACTIVE}, then=Value(True)),
                    default=Value(False),
                ),
            )
        )

    # -- records ------------------------------------------------------------------------
    def during(self, field: str) -> dict[str, dt.date]:
        """The lookups of rows whose `field` (a date) falls inside the period."""
        return {f"{field}__gte": self.period.start, f"{field}__lte": self.period.end}

    def meetings(self) -> QuerySet[Meeting]:
        """Held meetings of any unit of the committee, dated inside the period."""
        return Meeting.objects.filter(
            held=True,
            unit__path__startswith=self.prefix,
            **self.during("date"),
        )

    def briefing_q(self) -> Q:
        """A meeting that briefs or studies: a briefing, a study session, or any with a topic."""
        topics = Meeting.topics.through.objects.filter(meeting_id=OuterRef("pk"))
        return Q(kind__in=[Meeting.Kind.BRIEFING, Meeting.Kind.STUDY]) | Q(Exists(topics))

    def attendance(self) -> QuerySet[Attendance]:
        return Attendance.objects.filter(meeting__in=self.meetings())

    def pledges(self) -> QuerySet[Any]:  # Pledge, with the report_* annotations
        return self.yearly_people(Pledge.objects.filter(**self.during("registered_on")))

    def personal_plans(self) -> QuerySet[Any]:  # PersonalPlan, annotated
        return self.yearly_people(PersonalPlan.objects.all())

    def ratings(self) -> QuerySet[Any]:  # Rating, annotated
        """Decided ratings of members active on the roll date of the rating's year."""
        return self.yearly_people(
            Rating.objects.filter(person__isnull=False).exclude(level="")
        ).filter(report_member=True, report_active=True)

    def standards(self) -> QuerySet[ConductStandard]:
        return ConductStandard.objects.filter(
            unit__path__startswith=self.prefix, year__in=self.years
        )

    def activities(self) -> QuerySet[Activity]:
        return Activity.objects.filter(
            unit__path__startswith=self.prefix,
            **self.during("date"),
        )

    def commendations(self) -> QuerySet[Commendation]:
        return Commendation.objects.filter(
            Q(unit__path__startswith=self.prefix)
            | Q(person__isnull=False) & Q(self.posted_on("person_id", "decided_on")),
            **self.during("decided_on"),
        )

    def inspections(self) -> QuerySet[Inspection]:
        """Inspections and supervisions of the committee's units or people, any year."""
        return Inspection.objects.filter(
            Q(subject_unit__path__startswith=self.prefix)
            | Q(subject_person__unit__path__startswith=self.prefix)
        )

    def remediations(self) -> QuerySet[Remediation]:
        return Remediation.objects.filter(
            inspection__in=self.inspections(), inspection__year__lte=self.years[-1]
        )

    def documents_issued(self) -> QuerySet[Document]:
        return Document.objects.filter(
            issued_by__path__startswith=self.prefix,
            **self.during("issued_on"),
        )

    def deliveries(self) -> QuerySet[DocumentDelivery]:
        """Documents sent to the committee's cells inside the period."""
        return DocumentDelivery.objects.filter(
            unit__path__startswith=self.prefix,
            unit__kind=Unit.Kind.CELL,
            **self.during("sent_on"),
        )

    @cached_property
    def cell_list(self) -> list[dict[str, Any]]:
        """The cells that existed on some day of the period, in tree order. A cell renamed
        after the period is printed with the name it carried then: the earliest former name
        still covering its last day in the period (as `membership.unit_name_on`)."""
        period = self.period

        def build() -> QuerySet:
            end = Value(period.end, output_field=DateField())
            last_day = Least(end, Coalesce(OuterRef("dissolved_on"), end), output_field=DateField())
            former = UnitName.objects.filter(unit=OuterRef("pk"), until__gte=last_day)
            carried = Subquery(former.order_by("until").values("name")[:1])
            return (
                self.cells()
                .filter(
                    Q(founded_on__isnull=True) | Q(founded_on__lte=period.end),
                    Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=period.start),
                )
                .order_by("path")
                .values("id", "code", "path", "founded_on", "dissolved_on")
                .annotate(carried=Coalesce(carried, F("name")))
            )

        rows = compiled.rows(("cell list", period), self.prefix, build)
        return [
            {
                "id": row["id"],
                "code": row["code"],
                "name": row["carried"],
                "path": row["path"],
                "founded_on": row["founded_on"],
                "dissolved_on": row["dissolved_on"],
            }
            for row in rows
        ]
