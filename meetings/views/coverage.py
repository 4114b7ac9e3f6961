"""Oversight figures: which cells met each month, which studied a topic, who needs attention."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from core.pagination import paginate
from core.policy import VIEW, has_role, permission_required_for
from core.roles import Role
from organisation.models import Unit

from .. import oversight, policies, selectors
from ..models import Meeting


def _year(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        return timezone.localdate().year


def _committee(request: HttpRequest) -> Unit:
    committees = list(selectors.committees_for(request.user))
    if not committees:
        raise PermissionDenied
    wanted = request.GET.get("committee")
    return next((c for c in committees if str(c.pk) == wanted), committees[0])


def _visible_units(request: HttpRequest):
    """The office and the inspection commission see every cell of their subtrees (not the
    cells of a committee above theirs); a secretary only their own."""
    if has_role(request.user, Role.OFFICE, Role.INSPECTION):
        return selectors.units_for_filter(request.user)
    return selectors.units_for_recording(request.user)


@permission_required_for(policies.focus_areas, VIEW)
def coverage(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    committee = _committee(request)
    kinds = [kind for kind in request.GET.getlist("kind") if kind in Meeting.Kind.values] or [
        Meeting.Kind.REGULAR,
        Meeting.Kind.THEMATIC,
    ]
    # Paged by cell, and only the page's cells are counted: the page's cost follows what it
    # shows, not the number of cells under the committee (docs/performance.md).
    page_obj = paginate(
        request,
        oversight.coverage_cells(committee, _visible_units(request)),
        oversight.CELLS_PER_PAGE,
    )
    grid = oversight.coverage_grid(
        committee, year, upto=timezone.localdate(), cells=list(page_obj.object_list)
    )
    return render(
        request,
        "meetings/coverage.html",
        {
            "committee": committee,
            "year": year,
            "years": range(timezone.localdate().year, 2014, -1),
            "grid": grid,
            "page_obj": page_obj,
            "months": oversight.MONTHS,
            "kinds": kinds,
            "kind_choices": Meeting.Kind.choices,
        },
    )


@permission_required_for(policies.focus_areas, VIEW)
def topic_coverage(request: HttpRequest) -> HttpResponse:
    committee = _committee(request)
    topics = selectors.study_topics()
    topic = next((t for t in topics if str(t.pk) == request.GET.get("topic")), None)
    if topic is None and topics:
        topic = topics[0]
    year = request.GET.get("year")
    kind = request.GET.get("kind", "")
    rows = []
    if topic is not None:
        rows = oversight.topic_coverage(
            committee,
            topic,
            year=int(year) if year and year.isdigit() else None,
            kind=kind if kind in Meeting.Kind.values else "",
            visible_units=_visible_units(request),
        )
    studied = sum(1 for row in rows if row.meetings)
    return render(
        request,
        "meetings/topic_coverage.html",
        {
            "committee": committee,
            "topics": topics,
            "topic": topic,
            "rows": rows,
            "studied": studied,
            "year": year or "",
            "kind": kind,
            "kind_choices": Meeting.Kind.choices,
        },
    )


@permission_required_for(policies.focus_areas, VIEW)
def attention(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    cells = oversight.cells_in_scope(request.user)
    committees = list(selectors.committees_for(request.user))
    committee = committees[0] if committees else None
    result = oversight.attention(cells, committee, today)
    year = _year(request)
    if year != today.year:
        # Điều 8 looks at a calendar year: the office may check a past year too.
        threshold = selectors.rules_in_force(committee, dt.date(year, 12, 31)).absence_months
        result.absentees = oversight.absentees([cell.pk for cell in cells], year, threshold)
        result.absence_months = threshold
    return render(
        request,
        "meetings/attention.html",
        {
            "attention": result,
            "today": today,
            "year": year,
            "years": range(today.year, 2014, -1),
        },
    )
