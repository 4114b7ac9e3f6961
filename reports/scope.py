"""The committee and period a report covers, and the base querysets every figure starts from.

The figures (reports.figures) count over these querysets and the drill-down pages
(reports.selectors) list over the very same ones, so a number and the records behind it can
never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

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
from django.utils import timezone

from activities.models import Activity, Commendation
from documents.models import Document, DocumentDelivery
from inspections.models import Inspection, Remediation
from meetings.models import Attendance, Meeting
from organisation.models import Person, Posting, Unit
from pledges.models import ConductStandard, PersonalPlan, Pledge
from ratings.models import Rating


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


def roll_q(on_date: dt.date, person: str = "person__") -> Q:
    """Q on Posting: the posting covers `on_date` and its person is a member on the roll."""
    return (
        Q(**{f"{person}party_joined_on__lte": on_date})
        & (
            Q(**{f"{person}moved_out_on__isnull": True})
            | Q(**{f"{person}moved_out_on__gt": on_date})
        )
        & (Q(start__isnull=True) | Q(start__lte=on_date))
        & (Q(end__isnull=True) | Q(end__gt=on_date))
    )


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

    def postings(self) -> QuerySet[Posting]:
        return Posting.objects.filter(unit__path__startswith=self.prefix)

    def roll(self, year: int, unit: Unit | None = None) -> QuerySet[Person]:
        """Members on the roll of the committee (or of one unit's subtree) in `year`."""
        day = self.roll_dates[year]
        postings = self.postings().filter(roll_q(day))
        if unit is not None:
            postings = postings.filter(unit__path__startswith=unit.path)
        return Person.objects.filter(pk__in=postings.values("person_id"))

    def _posted(self, person_ref: str, date_ref: str) -> QuerySet[Posting]:
        return self.postings().filter(
            Q(start__isnull=True) | Q(start__lte=OuterRef(date_ref)),
            Q(end__isnull=True) | Q(end__gt=OuterRef(date_ref)),
            person_id=OuterRef(person_ref),
        )

    def posted_on(self, person_ref: str, date_ref: str) -> Exists:
        """Exists: the person had a posting in the subtree covering the date."""
        return Exists(self._posted(person_ref, date_ref))

    def unit_on(self, person_ref: str, date_ref: str) -> Subquery:
        """The unit of the person's posting covering the date (the cell he belonged to)."""
        postings = self._posted(person_ref, date_ref).order_by(F("start").desc(nulls_last=True))
        return Subquery(postings.values("unit_id")[:1])

    def roll_date_case(self, year_field: str = "year") -> Case:
        """The roll date of the row's year, as an SQL expression."""
        return Case(
            *[When(**{year_field: year}, then=Value(day)) for year, day in self.roll_dates.items()],
            output_field=DateField(),
        )

    def yearly_people(self, queryset: QuerySet, person: str = "person") -> QuerySet:
        """Rows of a yearly per-person record (pledge, plan, rating) of people in the subtree
        on their year's roll date, annotated with `report_roll_date`, `report_cell` and
        `report_member` (on the roll that day). The names carry a prefix so that fields the
        other apps add later (ratings already has `cell`) never collide with them."""
        # The unit of the covering posting doubles as "posted in the subtree on that day":
        # one correlated subquery per row instead of two.
        return (
            queryset.filter(year__in=self.years)
            .annotate(report_roll_date=self.roll_date_case())
            .annotate(report_cell=self.unit_on(f"{person}_id", "report_roll_date"))
            .filter(
                Q(report_cell__isnull=False),
                Q(**{f"{person}__moved_out_on__isnull": True})
                | Q(**{f"{person}__moved_out_on__gt": F("report_roll_date")}),
            )
            .annotate(
                report_member=Case(
                    When(
                        **{f"{person}__party_joined_on__lte": F("report_roll_date")},
                        then=Value(True),
                    ),
                    default=Value(False),
                ),
            )
        )

    # -- records ------------------------------------------------------------------------
    def meetings(self) -> QuerySet[Meeting]:
        """Held meetings of any unit of the committee, dated inside the period."""
        return Meeting.objects.filter(
            held=True,
            unit__path__startswith=self.prefix,
            date__gte=self.period.start,
            date__lte=self.period.end,
        )

    def briefing_q(self) -> Q:
        """A meeting that briefs or studies: a briefing, a study session, or any with a topic."""
        topics = Meeting.topics.through.objects.filter(meeting_id=OuterRef("pk"))
        return Q(kind__in=[Meeting.Kind.BRIEFING, Meeting.Kind.STUDY]) | Q(Exists(topics))

    def attendance(self) -> QuerySet[Attendance]:
        return Attendance.objects.filter(meeting__in=self.meetings())

    def pledges(self) -> QuerySet[Pledge]:
        return self.yearly_people(
            Pledge.objects.filter(
                registered_on__gte=self.period.start, registered_on__lte=self.period.end
            )
        )

    def personal_plans(self) -> QuerySet[PersonalPlan]:
        return self.yearly_people(PersonalPlan.objects.all())

    def ratings(self) -> QuerySet[Rating]:
        """Decided ratings of members on the roll of the rating's year."""
        return self.yearly_people(
            Rating.objects.filter(person__isnull=False).exclude(level="")
        ).filter(report_member=True)

    def standards(self) -> QuerySet[ConductStandard]:
        return ConductStandard.objects.filter(
            unit__path__startswith=self.prefix, year__in=self.years
        )

    def activities(self) -> QuerySet[Activity]:
        return Activity.objects.filter(
            unit__path__startswith=self.prefix,
            date__gte=self.period.start,
            date__lte=self.period.end,
        )

    def commendations(self) -> QuerySet[Commendation]:
        return Commendation.objects.filter(
            Q(unit__path__startswith=self.prefix)
            | Q(person__isnull=False) & Q(self.posted_on("person_id", "decided_on")),
            decided_on__gte=self.period.start,
            decided_on__lte=self.period.end,
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
            issued_on__gte=self.period.start,
            issued_on__lte=self.period.end,
        )

    def deliveries(self) -> QuerySet[DocumentDelivery]:
        """Documents sent to the committee's cells inside the period."""
        return DocumentDelivery.objects.filter(
            unit__path__startswith=self.prefix,
            unit__kind=Unit.Kind.CELL,
            sent_on__gte=self.period.start,
            sent_on__lte=self.period.end,
        )

    @cached_property
    def cell_list(self) -> list[dict]:
        return list(self.cells().order_by("path").values("id", "code", "name", "path"))
