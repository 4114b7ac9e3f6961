"""Reads of the reports app: the lists of reports, and the records behind each figure.

The drill-down lists filter the very querysets the figures count (reports.scope), so the
number on the page and the length of the list behind it agree by construction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from core.policy import role_paths, subtree_q
from core.roles import Role
from core.search import search
from documents.models import Document
from meetings.models import Meeting
from organisation.models import Person, Unit

from .figures import LEVELS
from .models import ExportJob, Review
from .policies import export_jobs, reviews
from .records import RECORDS, Column
from .scope import Period, Scope

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def reviews_for(user: Any, text: str | None = None) -> QuerySet[Review]:
    return search(reviews.queryset_for(user), text)


def committees_for(user: Any) -> QuerySet[Unit]:
    """Committees (and sub-committees) on which the user may start a report."""
    units = Unit.objects.exclude(kind=Unit.Kind.CELL)
    if getattr(user, "is_superuser", False):
        return units
    return units.filter(subtree_q(role_paths(user, (Role.OFFICE,)), "path"))


def directives(user: Any) -> QuerySet[Document]:
    """The documents a report may review, among those the user reads (never another
    committee's own plans)."""
    from documents.policies import documents as document_policy

    return document_policy.queryset_for(user).exclude(
        kind__in=[Document.Kind.REPORT, Document.Kind.OTHER]
    )


def directives_under_review(committee: Unit, until: Any) -> QuerySet[Document]:
    """Directives and resolutions from above (not the committee's own documents) issued by
    `until`: what a committee's sơ kết reviews. The command line picks the only one."""
    return (
        Document.objects.filter(
            kind__in=[Document.Kind.DIRECTIVE, Document.Kind.RESOLUTION], issued_on__lte=until
        )
        .exclude(issued_by__path__startswith=committee.path)
        .order_by("-issued_on", "number_symbol")
    )


def jobs_of(review: Review, user: Any) -> QuerySet[ExportJob]:
    return export_jobs.queryset_for(user).filter(review=review)[:10]


@dataclass
class Drill:
    """The records behind one figure: a title, the kind of record (which sets the columns of
    the list, reports.records) and the queryset, filtered like the figure counts."""

    title: str
    kind: str
    queryset: QuerySet

    @property
    def search_field(self) -> str:
        return RECORDS[self.kind].search_field

    @property
    def columns(self) -> list[Column]:
        return RECORDS[self.kind].columns


@dataclass
class Ask:
    """One drill-down request: the scope, the year and cell asked for, and the rest of the
    query string (a level, a kind, a state or a topic code)."""

    scope: Scope
    params: Mapping[str, str]
    year: int = 0
    cell: Unit | None = None

    def meetings(self) -> QuerySet[Meeting]:
        """The year's held meetings, of the cell asked for or of the whole committee."""
        meetings = self.scope.meetings().filter(date__year=self.year)
        return meetings.filter(unit=self.cell) if self.cell is not None else meetings

    def roll(self) -> QuerySet[Person]:
        return self.scope.roll(self.year, self.cell).select_related("unit")

    def cells(self) -> QuerySet[Unit]:
        return self.scope.cells()


Records = Callable[[Ask], QuerySet]


@dataclass(frozen=True)
class Figure:
    """A row of the drill-down table: the title (formatted with the year, the cell and the
    topic code), the kind of record, the records, and whether the figure is of one year."""

    title: StrOrPromise
    kind: str
    records: Records
    yearly: bool = True


def _among(records: Records, ids: Records) -> Records:
    """The records whose key is among `ids`: one side of a yes/no pair of figures."""
    return lambda ask: records(ask).filter(pk__in=ids(ask))


def _outside(records: Records, ids: Records) -> Records:
    """The other side of the pair: the records whose key is not among `ids`."""
    return lambda ask: records(ask).exclude(pk__in=ids(ask))


def _briefed(ask: Ask) -> QuerySet:
    return ask.meetings().filter(ask.scope.briefing_q()).values("unit_id")


def _thematic(ask: Ask) -> QuerySet:
    return ask.meetings().filter(kind="thematic").values("unit_id")


def _specific_standard(ask: Ask) -> QuerySet:
    return ask.scope.standards().filter(year=ask.year, kind="specific").values("unit_id")


def _pledged(ask: Ask) -> QuerySet:
    return ask.scope.pledges().filter(year=ask.year, report_member=True).values("person_id")


def _planned(ask: Ask) -> QuerySet:
    return ask.scope.personal_plans().filter(year=ask.year, report_member=True).values("person_id")


def _rated(ask: Ask) -> QuerySet:
    """Members rated in the year, at one level when the query string names one."""
    ratings = ask.scope.ratings().filter(year=ask.year)
    level = ask.params.get("level", "")
    if level:
        if level not in LEVELS:
            raise Http404
        ratings = ratings.filter(level=level)
    return ratings.values("person_id")


def _non_members_pledged(ask: Ask) -> QuerySet[Person]:
    people = ask.scope.pledges().filter(year=ask.year, report_member=False).values("person_id")
    return Person.objects.filter(pk__in=people).select_related("unit")


def _topic(ask: Ask) -> QuerySet[Meeting]:
    meetings = ask.scope.meetings().filter(topics__code=ask.params.get("code", ""))
    return meetings.select_related("unit").order_by("date", "code")


def _meetings(ask: Ask) -> QuerySet[Meeting]:
    meetings = ask.meetings()
    if ask.params.get("kind"):
        meetings = meetings.filter(kind=ask.params["kind"])
    return meetings.select_related("unit").order_by("date", "code")


def _attendance(ask: Ask) -> QuerySet:
    return (
        ask.scope.attendance()
        .filter(meeting__in=ask.meetings())
        .select_related("meeting", "meeting__unit", "person")
        .order_by("meeting__date", "person__sort_key")
    )


def _activities(ask: Ask) -> QuerySet:
    activities = ask.scope.activities().filter(date__year=ask.year)
    if ask.params.get("kind"):
        activities = activities.filter(kind__name=ask.params["kind"])
    return activities.select_related("unit", "kind", "organisation").order_by("date", "code")


def _inspections(ask: Ask) -> QuerySet:
    inspections = ask.scope.inspections().filter(year=ask.year)
    if ask.params.get("state") == "concluded":
        inspections = inspections.filter(concluded_on__isnull=False)
    return inspections.select_related("subject_unit", "subject_person").order_by("code")


def _remediations(ask: Ask) -> QuerySet:
    """Tasks open on the roll date (the default), done in the year, or late on the roll date."""
    day = ask.scope.roll_dates[ask.year]
    tasks = ask.scope.remediations().filter(inspection__year__lte=ask.year)
    state = ask.params.get("state", "open")
    is_open = Q(completed_on__isnull=True) | Q(completed_on__gt=day)
    if state == "done":
        tasks = tasks.filter(completed_on__year=ask.year)
    elif state == "late":
        tasks = tasks.filter(is_open, deadline__lt=day)
    else:
        tasks = tasks.filter(is_open)
    return tasks.select_related("inspection").order_by("deadline", "pk")


def _deliveries(ask: Ask) -> QuerySet:
    deliveries = ask.scope.deliveries().filter(sent_on__year=ask.year)
    return deliveries.select_related("document", "unit").order_by("sent_on", "pk")


def _commendations(ask: Ask) -> QuerySet:
    commendations = ask.scope.commendations().filter(decided_on__year=ask.year)
    return commendations.select_related("person", "unit").order_by("decided_on", "code")


def _cells(ask: Ask) -> QuerySet[Unit]:
    return ask.cells()


def _roll(ask: Ask) -> QuerySet[Person]:
    return ask.roll()


# The figure a page links to → its records. The pairs of a yes/no figure share one query.
FIGURES: dict[str, Figure] = {
    "cells": Figure(_("Cells of the committee"), "units", _cells, yearly=False),
    "cells_briefed": Figure(
        _("Cells that briefed or studied in %(year)s"), "units", _among(_cells, _briefed)
    ),
    "cells_not_briefed": Figure(
        _("Cells that did not brief in %(year)s"), "units", _outside(_cells, _briefed)
    ),
    "cells_thematic": Figure(
        _("Cells that held a thematic meeting in %(year)s"), "units", _among(_cells, _thematic)
    ),
    "cells_no_thematic": Figure(
        _("Cells without a thematic meeting in %(year)s"), "units", _outside(_cells, _thematic)
    ),
    "cells_specific_standard": Figure(
        _("Cells with their own standards in %(year)s"),
        "units",
        _among(_cells, _specific_standard),
    ),
    "roll": Figure(_("Members on the roll in %(year)s"), "people", _roll),
    "pledged": Figure(_("Members who pledged in %(year)s"), "people", _among(_roll, _pledged)),
    "not_pledged": Figure(
        _("Members who did not pledge in %(year)s"), "people", _outside(_roll, _pledged)
    ),
    "non_members_pledged": Figure(
        _("Non-members who pledged in %(year)s"), "people", _non_members_pledged
    ),
    "planned": Figure(
        _("Members with a personal plan in %(year)s"), "people", _among(_roll, _planned)
    ),
    "rated": Figure(_("Members rated in %(year)s"), "people", _among(_roll, _rated)),
    "meetings": Figure(_("Meetings in %(year)s"), "meetings", _meetings),
    "attendance": Figure(_("Attendance in %(year)s"), "attendance", _attendance),
    "activities": Figure(_("Activities in %(year)s"), "activities", _activities),
    "inspections": Figure(
        _("Inspections and supervisions of %(year)s"), "inspections", _inspections
    ),
    "remediations": Figure(_("Remediation tasks (%(year)s)"), "remediations", _remediations),
    "deliveries": Figure(_("Documents sent to cells in %(year)s"), "deliveries", _deliveries),
    "commendations": Figure(_("Commendations in %(year)s"), "commendations", _commendations),
    "topic": Figure(
        _("Meetings that studied the topic %(code)s"), "meetings", _topic, yearly=False
    ),
}


def _year(scope: Scope, params: Mapping[str, str]) -> int:
    try:
        year = int(params.get("year", ""))
    except ValueError:
        raise Http404 from None
    if year not in scope.years:
        raise Http404
    return year


def drill(review: Review, name: str, params: Mapping[str, str]) -> Drill:
    """The records behind one figure of `review` (current records, even when frozen)."""
    figure = FIGURES.get(name)
    if figure is None:
        raise Http404
    scope = Scope(review.committee, Period(review.period_from, review.period_to))
    ask = Ask(scope, params)
    if params.get("cell"):
        ask.cell = scope.cells().filter(code=params["cell"]).first()
        if ask.cell is None:
            raise Http404
    if figure.yearly:
        ask.year = _year(scope, params)
    label = {
        "year": ask.year,
        "cell": ask.cell.name if ask.cell else "",
        "code": params.get("code", ""),
    }
    return Drill(str(figure.title) % label, figure.kind, figure.records(ask))
