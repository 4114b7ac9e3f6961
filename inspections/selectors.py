"""Reads and figures for inspections; every query here is scoped and its count is fixed.

A remediation task is *done* when the inspector verified it (`completed_on` set), *late*
while it is not done and its deadline has passed, and *open* otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from core import dashboard
from core.policy import VIEW
from core.search import filter_given, search

from . import policies
from .models import Finding, Inspection, InspectionPlan, Remediation

IS = Inspection.State

STATUS_OPEN, STATUS_LATE, STATUS_DONE = "open", "late", "done"


def status_q(status: str, today: dt.date, prefix: str = "") -> Q:
    done = Q(**{f"{prefix}completed_on__isnull": False})
    overdue = Q(**{f"{prefix}deadline__lt": today})
    return {
        STATUS_DONE: done,
        STATUS_LATE: ~done & overdue,
        STATUS_OPEN: ~done & ~overdue,
    }[status]


def can_add_plan(user: Any) -> bool:
    return policies.committees_for(user).exists()


def plans_for(user: Any, text: str | None = None) -> QuerySet[InspectionPlan]:
    return (
        search(policies.plans.queryset_for(user), text)
        .annotate(items_count=Count("items", distinct=True))
        .order_by("-year")
    )


def inspections_for(
    user: Any,
    *,
    text: str | None = None,
    year: int | None = None,
    plan: int | None = None,
    state: str | None = None,
    form: str | None = None,
) -> QuerySet[Inspection]:
    """Items the user may see, filtered, with their task counts in the same query."""
    today = timezone.localdate()
    queryset = search(policies.inspections.queryset_for(user), text)
    queryset = filter_given(queryset, year=year, plan_id=plan, state=state, form=form)
    return queryset.annotate(
        tasks_total=Count("remediations"),
        tasks_late=Count("remediations", filter=status_q(STATUS_LATE, today, "remediations__")),
        tasks_done=Count("remediations", filter=status_q(STATUS_DONE, today, "remediations__")),
    ).order_by("-year", "code")


def remediations_for(
    user: Any,
    *,
    text: str | None = None,
    status: str | None = None,
    year: int | None = None,
    plan: int | None = None,
    subject: str | None = None,
    state: str | None = None,
) -> QuerySet[Remediation]:
    """Remediation tasks the user may see; `subject` is a unit or a person code."""
    today = timezone.localdate()
    queryset = search(policies.remediations.queryset_for(user), text)
    if status in (STATUS_OPEN, STATUS_LATE, STATUS_DONE):
        queryset = queryset.filter(status_q(status, today))
    queryset = filter_given(queryset, state=state, inspection__year=year, inspection__plan_id=plan)
    if subject:
        queryset = queryset.filter(
            Q(inspection__subject_unit__code=subject) | Q(inspection__subject_person__code=subject)
        )
    return queryset.order_by("completed_on", "deadline", "pk")


# The home page's reminders name the tasks due within two weeks, at most ten of them.
DUE_AHEAD = dt.timedelta(days=14)
DUE_SHOWN = 10


def due_remediations(user: Any, today: dt.date, limit: int = DUE_SHOWN) -> list[Remediation]:
    """The user's first tasks not done whose deadline has passed or falls within two weeks,
    the most overdue first: one query, reading only what a list of them shows (the task, its
    deadline, its inspection's code) — the policy's queryset joins six tables, which cost
    PostgreSQL more to plan than to run."""
    lean = Remediation.objects.select_related("inspection").only(
        "inspection", "inspection__code", "content", "deadline", "completed_on"
    )
    return list(
        policies.remediations.queryset_for(user, queryset=lean)
        .filter(completed_on__isnull=True, deadline__lte=today + DUE_AHEAD)
        .order_by("deadline", "pk")[:limit]
    )


@dataclass
class RemediationSummary:
    """The remediation tasks a user sees, as the home page's panels show them (the overdue
    tasks, the secretary's reminders, the plan's open and late counts): read once per page,
    through `summary_for`, however many panels show them."""

    user: Any
    today: dt.date

    @cached_property
    def due(self) -> list[Remediation]:
        return due_remediations(self.user, self.today)

    @cached_property
    def counts(self) -> dict[str, int]:
        """The late, open and submitted tasks: one query."""
        scope = policies.remediations.queryset_for(self.user, queryset=Remediation.objects.all())
        return scope.aggregate(
            late=Count("pk", filter=status_q(STATUS_LATE, self.today)),
            open=Count("pk", filter=status_q(STATUS_OPEN, self.today)),
            submitted=Count("pk", filter=Q(state=Remediation.State.SUBMITTED)),
        )

    def late_tasks(self, limit: int) -> list[Remediation]:
        """The most overdue tasks: the late ones come first in `due`, which holds all of them
        or more than `limit`."""
        return [task for task in self.due if task.deadline < self.today][:limit]

    @property
    def late(self) -> int:
        """How many tasks are late: counted from `due` when it holds every task due (fewer
        than it may show), else by the counts' query."""
        if len(self.due) < DUE_SHOWN:
            return sum(1 for task in self.due if task.deadline < self.today)
        return self.counts["late"]


def summary_for(request: HttpRequest) -> RemediationSummary:
    """The signed-in user's remediation summary, shared by the panels of this request."""
    return dashboard.shared(
        request,
        "inspections.remediations",
        lambda: RemediationSummary(request.user, timezone.localdate()),
    )


@dataclass
class Progress:
    year: int
    planned: int = 0
    carried_out: int = 0
    concluded: int = 0
    tasks_open: int = 0
    tasks_late: int = 0
    tasks_done: int = 0
    tasks_done_late: int = 0

    @property
    def tasks_total(self) -> int:
        return self.tasks_open + self.tasks_late + self.tasks_done


def _progress_rows(items: QuerySet, tasks: QuerySet, today: dt.date) -> dict[int, Progress]:
    rows: dict[int, Progress] = {}
    for row in items.values("year").annotate(
        planned=Count("pk"),
        carried_out=Count("pk", filter=Q(state__in=[IS.IN_PROGRESS, IS.CONCLUDED])),
        concluded=Count("pk", filter=Q(state=IS.CONCLUDED)),
    ):
        rows[row["year"]] = Progress(
            row["year"], row["planned"], row["carried_out"], row["concluded"]
        )
    for row in (
        tasks.values("inspection__year")
        .annotate(
            open=Count("pk", filter=status_q(STATUS_OPEN, today)),
            late=Count("pk", filter=status_q(STATUS_LATE, today)),
            done=Count("pk", filter=status_q(STATUS_DONE, today)),
            done_late=Count(
                "pk",
                filter=Q(completed_on__isnull=False) & Q(completed_on__gt=F("deadline")),
            ),
        )
        .order_by()
    ):
        progress = rows.setdefault(row["inspection__year"], Progress(row["inspection__year"]))
        progress.tasks_open, progress.tasks_late = row["open"], row["late"]
        progress.tasks_done, progress.tasks_done_late = row["done"], row["done_late"]
    return rows


def plan_progress(plan: InspectionPlan) -> Progress:
    """Planned vs carried out vs concluded, and the tasks of its items: two queries."""
    rows = _progress_rows(
        Inspection.objects.filter(plan=plan).order_by(),
        Remediation.objects.filter(inspection__plan=plan),
        timezone.localdate(),
    )
    return rows.get(plan.year, Progress(plan.year))


def progress_by_year(user: Any) -> list[Progress]:
    """One row a year over everything the user may see: two queries."""
    rows = _progress_rows(
        policies.inspections.queryset_for(user).order_by(),
        policies.remediations.queryset_for(user),
        timezone.localdate(),
    )
    return [rows[year] for year in sorted(rows, reverse=True)]


def plan_choices(user: Any) -> list[tuple[int, int]]:
    """(pk, year) of the yearly plans the user may see, for the lists' plan filter."""
    if not policies.plans.can(user, VIEW):
        return []
    return list(policies.plans.queryset_for(user).values_list("pk", "year"))


def task_submissions(task: Remediation) -> list[Any]:
    """A task's reports of what was done, with who sent and reviewed each and its files."""
    return list(
        task.submissions.select_related("submitted_by", "reviewed_by").prefetch_related("files")
    )


def years_for(user: Any) -> list[int]:
    return list(
        policies.inspections.queryset_for(user)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


def inspection_parts(user: Any, inspection: Inspection) -> tuple[list[Finding], list[Remediation]]:
    """An item's findings, and the remediation tasks of it that the user sees."""
    findings = list(inspection.findings.all())
    tasks = list(policies.remediations.queryset_for(user).filter(inspection=inspection))
    return findings, tasks


def visible_finding(user: Any, pk: int) -> Finding:
    """A finding of an item the user sees; any other answers 404."""
    visible = policies.inspections.queryset_for(user)
    finding = Finding.objects.filter(inspection__in=visible, pk=pk).first()
    if finding is None:
        raise Http404
    return finding
