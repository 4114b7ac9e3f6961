"""Reads for plans: lists through the policy, a plan with its parts, an area's evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from activities.models import Activity
from inspections.models import Inspection
from meetings.models import Meeting
from organisation.models import Unit

from . import policies
from .models import BreakthroughArea, Plan, PlanItem


def plans_for(user: Any) -> QuerySet[Plan]:
    return policies.plans.queryset_for(user).select_related("committee")


def with_parts(queryset: QuerySet[Plan]) -> QuerySet[Plan]:
    """Plans with their items (and units), targets and areas: four queries for any number."""
    return queryset.select_related("committee").prefetch_related(
        Prefetch(
            "items",
            PlanItem.objects.prefetch_related(
                Prefetch("responsible_units", Unit.objects.order_by("path"))
            ),
        ),
        "targets",
        Prefetch("areas", BreakthroughArea.objects.select_related("focus_area")),
    )


def plan_with_parts(user: Any, pk: int) -> Plan | None:
    """One plan the user reads, with its parts; None outside what he sees."""
    return with_parts(plans_for(user)).filter(pk=pk).first()


def plan_part(plan: Plan, related: str, pk: int) -> Any:
    """An item, target or area (`related`) of the plan; None if the plan has no such part."""
    return getattr(plan, related).filter(pk=pk).first()


def can_add_plan(user: Any) -> bool:
    return policies.committees_for(user).exists()


def current_plans(user: Any, today: dt.date) -> list[Plan]:
    """The plans of this year the user reads (or, before this year's is made, of the latest
    year that has one), with their parts."""
    visible = plans_for(user).filter(year__lte=today.year)
    latest = visible.order_by("-year").values_list("year", flat=True).first()
    if latest is None:
        return []
    return list(with_parts(visible.filter(year=latest)).order_by("committee__path"))


@dataclass
class Evidence:
    area: BreakthroughArea
    meetings: list[Meeting]
    activities: list[Activity]
    inspections: list[Inspection]

    @property
    def count(self) -> int:
        return len(self.meetings) + len(self.activities) + len(self.inspections)


def evidence(
    plan: Plan, start: dt.date | None = None, end: dt.date | None = None
) -> list[Evidence]:
    """Each area's records: held meetings of the committee's units tagged with its focus area
    in the period (the plan's year by default), and the activities and inspections tagged on
    the area. Three queries for any number of areas."""
    start = start or dt.date(plan.year, 1, 1)
    end = end or dt.date(plan.year, 12, 31)
    areas = list(
        plan.areas.select_related("focus_area").prefetch_related(
            Prefetch("activities", Activity.objects.order_by("date", "pk")),
            Prefetch("inspections", Inspection.objects.order_by("code")),
        )
    )
    meetings: dict[int | None, list[Meeting]] = {}
    for meeting in (
        Meeting.objects.filter(
            held=True,
            unit__path__startswith=plan.committee.path,
            date__gte=start,
            date__lte=end,
            focus_area_id__in=[area.focus_area_id for area in areas],
        )
        .select_related("unit")
        .order_by("date", "pk")
    ):
        meetings.setdefault(meeting.focus_area_id, []).append(meeting)
    return [
        Evidence(
            area,
            meetings.get(area.focus_area_id, []),
            list(area.activities.all()),
            list(area.inspections.all()),
        )
        for area in areas
    ]


def tag_choices(plan: Plan) -> tuple[QuerySet[Activity], QuerySet[Inspection]]:
    """Records of the plan's committee and year that an area may be tagged with."""
    prefix = plan.committee.path
    activities = Activity.objects.filter(
        unit__path__startswith=prefix, date__year=plan.year
    ).order_by("date", "pk")
    inspections = Inspection.objects.filter(
        Q(subject_unit__path__startswith=prefix) | Q(subject_person__unit__path__startswith=prefix),
        year=plan.year,
    ).order_by("code")
    return activities, inspections
