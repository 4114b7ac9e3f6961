"""The home page of the committee office and of the inspection commission.

The office sees the year's plan with each target's live progress (on track / at risk /
missed), the cells that need attention, what falls due this week, the rating round and the
open remediation; the commission sees the plan's progress (its overdue remediation panel comes
from the inspections app). The queries are a fixed number for any size of committee: the
report's figures (a fixed handful per period) and a few counts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dashboard import Panel
from core.policy import has_role
from core.roles import Role
from reminders.duties import rating_round_year

from . import progress, selectors
from .models import PlanItem

WEEK = dt.timedelta(days=7)


def due_this_week(plans: list, today: dt.date) -> list[dict[str, Any]]:
    """Plan items not done and targets whose date falls in the coming seven days."""
    entries = []
    for plan in plans:
        for item in plan.items.all():
            if item.done_on is None and today <= item.deadline <= today + WEEK:
                entries.append({"date": item.deadline, "text": item.content, "plan": plan})
        for target in plan.targets.all():
            if today <= target.due <= today + WEEK:
                entries.append({"date": target.due, "text": str(target), "plan": plan})
    return sorted(entries, key=lambda entry: entry["date"])


def overdue_items(plans: list, today: dt.date) -> list[PlanItem]:
    return [
        item
        for plan in plans
        for item in plan.items.all()
        if item.done_on is None and item.deadline < today
    ]


def _rating_round(user: Any, today: dt.date) -> dict[str, Any] | None:
    from ratings import overview as ratings

    year = rating_round_year(today)
    if year is None:
        return None
    counts = ratings.round_counts(user, year)
    return {
        "year": year,
        "members": counts.members,
        "not_self_assessed": counts.not_self_assessed,
        "cells_not_proposed": counts.cells_not_proposed,
        "undecided": counts.undecided_members,
    }


def _open_remediation(request: HttpRequest) -> dict[str, int]:
    from inspections.selectors import summary_for

    counts = summary_for(request).counts
    return {"open": counts["open"], "late": counts["late"]}


def plan_panel(request: HttpRequest) -> Panel | None:
    user = request.user
    office = has_role(user, Role.OFFICE)
    if not (office or has_role(user, Role.INSPECTION)):
        return None
    today = timezone.localdate()
    plans = selectors.current_plans(user, today)
    plans_progress = []
    attention = []
    for plan in plans:
        evaluator = progress.Evaluator(plan.committee, today)
        rows = progress.evaluate(plan, today, evaluator)
        plans_progress.append({"plan": plan, "rows": rows, "counts": progress.status_counts(rows)})
        if office:
            attention.extend(progress.cells_needing_attention(evaluator, plan.year))
    context: dict[str, Any] = {
        "plans": plans_progress,
        "today": today,
        "office": office,
        "remediation": _open_remediation(request),
    }
    if office:
        context.update(
            {
                "attention": attention,
                "due": due_this_week(plans, today),
                "overdue_items": overdue_items(plans, today),
                "rating_round": _rating_round(user, today),
            }
        )
    return Panel(
        _("The year's plan") if plans else _("No plan for this year yet"),
        "plans/panel_plan.html",
        context,
        order=1,
    )
