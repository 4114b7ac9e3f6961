"""Reads of the reports app: the lists of reports, and the records behind each figure.

The drill-down lists filter the very querysets the figures count (reports.scope), so the
number on the page and the length of the list behind it agree by construction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from core.policy import role_paths, subtree_q
from core.roles import Role
from core.search import search
from documents.models import Document
from organisation.models import Unit

from .figures import LEVELS
from .models import ExportJob, Review
from .policies import export_jobs, reviews
from .scope import Period, Scope


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
    title: str
    kind: str  # units, people, meetings, activities, inspections, remediations, ...
    queryset: QuerySet
    search_field: str


DRILLS = (
    "cells",
    "cells_briefed",
    "cells_not_briefed",
    "cells_thematic",
    "cells_no_thematic",
    "cells_specific_standard",
    "roll",
    "pledged",
    "not_pledged",
    "non_members_pledged",
    "planned",
    "rated",
    "meetings",
    "attendance",
    "activities",
    "inspections",
    "remediations",
    "deliveries",
    "commendations",
    "topic",
)


def _year(scope: Scope, params: dict) -> int:
    try:
        year = int(params.get("year", ""))
    except ValueError:
        raise Http404 from None
    if year not in scope.years:
        raise Http404
    return year


def _split(
    inside: bool, title_in: str, title_out: str, kind: str, records: QuerySet, ids: QuerySet
) -> Drill:
    """One side of a yes/no pair of figures: the records among `ids`, or the others."""
    if inside:
        return Drill(title_in, kind, records.filter(pk__in=ids), "search_key")
    return Drill(title_out, kind, records.exclude(pk__in=ids), "search_key")


def drill(review: Review, name: str, params: dict) -> Drill:
    """The records behind one figure of `review` (current records, even when frozen)."""
    if name not in DRILLS:
        raise Http404
    scope = Scope(review.committee, Period(review.period_from, review.period_to))
    cell = None
    if params.get("cell"):
        cell = scope.cells().filter(code=params["cell"]).first()
        if cell is None:
            raise Http404
    if name == "cells":
        return Drill(_("Cells of the committee"), "units", scope.cells(), "search_key")
    if name == "topic":
        meetings = scope.meetings().filter(topics__code=params.get("code", ""))
        return Drill(
            _("Meetings that studied the topic %(code)s") % {"code": params.get("code", "")},
            "meetings",
            meetings.select_related("unit").order_by("date", "code"),
            "unit__search_key",
        )
    year = _year(scope, params)
    meetings = scope.meetings().filter(date__year=year)
    if cell is not None:
        meetings = meetings.filter(unit=cell)
    label = {"year": year, "cell": cell.name if cell else ""}
    if name in ("cells_briefed", "cells_not_briefed"):
        briefed = meetings.filter(scope.briefing_q()).values("unit_id")
        return _split(
            name == "cells_briefed",
            _("Cells that briefed or studied in %(year)s") % label,
            _("Cells that did not brief in %(year)s") % label,
            "units",
            scope.cells(),
            briefed,
        )
    if name in ("cells_thematic", "cells_no_thematic"):
        held = meetings.filter(kind="thematic").values("unit_id")
        return _split(
            name == "cells_thematic",
            _("Cells that held a thematic meeting in %(year)s") % label,
            _("Cells without a thematic meeting in %(year)s") % label,
            "units",
            scope.cells(),
            held,
        )
    if name == "cells_specific_standard":
        units = scope.standards().filter(year=year, kind="specific").values("unit_id")
        return Drill(
            _("Cells with their own standards in %(year)s") % label,
            "units",
            scope.cells().filter(pk__in=units),
            "search_key",
        )
    roll = scope.roll(year, cell).select_related("unit")
    if name == "roll":
        return Drill(_("Members on the roll in %(year)s") % label, "people", roll, "search_key")
    if name in ("pledged", "not_pledged"):
        pledged = scope.pledges().filter(year=year, report_member=True).values("person_id")
        return _split(
            name == "pledged",
            _("Members who pledged in %(year)s") % label,
            _("Members who did not pledge in %(year)s") % label,
            "people",
            roll,
            pledged,
        )
    if name == "non_members_pledged":
        from organisation.models import Person

        people = scope.pledges().filter(year=year, report_member=False).values("person_id")
        return Drill(
            _("Non-members who pledged in %(year)s") % label,
            "people",
            Person.objects.filter(pk__in=people).select_related("unit"),
            "search_key",
        )
    if name == "planned":
        planned = scope.personal_plans().filter(year=year, report_member=True).values("person_id")
        return Drill(
            _("Members with a personal plan in %(year)s") % label,
            "people",
            roll.filter(pk__in=planned),
            "search_key",
        )
    if name == "rated":
        level = params.get("level", "")
        ratings = scope.ratings().filter(year=year)
        if level:
            if level not in LEVELS:
                raise Http404
            ratings = ratings.filter(level=level)
        return Drill(
            _("Members rated in %(year)s") % label,
            "people",
            roll.filter(pk__in=ratings.values("person_id")),
            "search_key",
        )
    if name == "meetings":
        kind = params.get("kind", "")
        if kind:
            meetings = meetings.filter(kind=kind)
        return Drill(
            _("Meetings in %(year)s") % label,
            "meetings",
            meetings.select_related("unit").order_by("date", "code"),
            "unit__search_key",
        )
    if name == "attendance":
        return Drill(
            _("Attendance in %(year)s") % label,
            "attendance",
            scope.attendance()
            .filter(meeting__in=meetings)
            .select_related("meeting", "meeting__unit", "person")
            .order_by("meeting__date", "person__sort_key"),
            "person__search_key",
        )
    if name == "activities":
        activities = scope.activities().filter(date__year=year)
        if params.get("kind"):
            activities = activities.filter(kind__name=params["kind"])
        return Drill(
            _("Activities in %(year)s") % label,
            "activities",
            activities.select_related("unit", "kind", "organisation").order_by("date", "code"),
            "unit__search_key",
        )
    if name == "inspections":
        inspections = scope.inspections().filter(year=year)
        if params.get("state") == "concluded":
            inspections = inspections.filter(concluded_on__isnull=False)
        return Drill(
            _("Inspections and supervisions of %(year)s") % label,
            "inspections",
            inspections.select_related("subject_unit", "subject_person").order_by("code"),
            "code",
        )
    if name == "remediations":
        day = scope.roll_dates[year]
        tasks = scope.remediations().filter(inspection__year__lte=year)
        state = params.get("state", "open")
        is_open = Q(completed_on__isnull=True) | Q(completed_on__gt=day)
        if state == "done":
            tasks = tasks.filter(completed_on__year=year)
        elif state == "late":
            tasks = tasks.filter(is_open, deadline__lt=day)
        else:
            tasks = tasks.filter(is_open)
        return Drill(
            _("Remediation tasks (%(year)s)") % label,
            "remediations",
            tasks.select_related("inspection").order_by("deadline", "pk"),
            "inspection__code",
        )
    if name == "deliveries":
        return Drill(
            _("Documents sent to cells in %(year)s") % label,
            "deliveries",
            scope.deliveries()
            .filter(sent_on__year=year)
            .select_related("document", "unit")
            .order_by("sent_on", "pk"),
            "unit__search_key",
        )
    return Drill(
        _("Commendations in %(year)s") % label,
        "commendations",
        scope.commendations()
        .filter(decided_on__year=year)
        .select_related("person", "unit")
        .order_by("decided_on", "code"),
        "code",
    )
