"""The only writers of plans: each checks the right, validates and records who acted."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.policy import CHANGE
from core.services import actor, model_update, record_actor, save_as
from organisation.models import Unit

from . import policies
from .models import BreakthroughArea, Plan, PlanItem, Target


def _require_change(user: Any, plan: Plan) -> None:
    if not policies.plans.can(user, CHANGE, plan):
        raise PermissionDenied(_("Only the committee office changes its plan."))


@transaction.atomic
def plan_create(*, user: Any, committee: Unit, year: int, **fields: Any) -> Plan:
    """A new plan; a committee has one plan a year."""
    if not policies.committees_for(user).filter(pk=committee.pk).exists():
        raise PermissionDenied(_("Only the committee office changes its plan."))
    if Plan.objects.filter(committee=committee, year=year).exists():
        raise ValidationError(
            {"year": _("The committee already has its plan for %(year)s.") % {"year": year}}
        )
    return save_as(Plan(committee=committee, year=year, created_by=actor(user), **fields), user)


@transaction.atomic
def plan_update(*, user: Any, plan: Plan, **fields: Any) -> Plan:
    _require_change(user, plan)
    if fields.get("year", plan.year) != plan.year:
        raise ValidationError({"year": _("The year of a plan does not change; make a new plan.")})
    model_update(plan, fields, user=user)
    return plan


def _check_responsible(plan: Plan, units: Any) -> None:
    if any(not unit.path.startswith(plan.committee.path) for unit in units):
        raise ValidationError({"responsible_units": _("Choose units of the committee.")})


@transaction.atomic
def item_save(
    *, user: Any, plan: Plan, item: PlanItem | None = None, responsible_units: Any = (), **fields
) -> PlanItem:
    """Add or change a task of the plan; its deadline is not before the plan's date."""
    _require_change(user, plan)
    return _write_item(item or PlanItem(plan=plan), responsible_units, user, fields)


def _write_item(item: PlanItem, units: Any, user: Any, fields: dict[str, Any]) -> PlanItem:
    model_update(item, fields, save=False)
    _check_responsible(item.plan, units)
    save_as(item, user)
    item.responsible_units.set(units)
    return item


@transaction.atomic
def target_save(*, user: Any, plan: Plan, target: Target | None = None, **fields: Any) -> Target:
    """Add or change a target: a known figure, a value, a date inside the plan's year."""
    _require_change(user, plan)
    target = target or Target(plan=plan)
    model_update(target, fields, user=user)
    return target


@transaction.atomic
def area_save(
    *,
    user: Any,
    plan: Plan,
    area: BreakthroughArea | None = None,
    activities: Any = (),
    inspections: Any = (),
    **fields: Any,
) -> BreakthroughArea:
    """Add or change a breakthrough area with its actions and the records tagged with it."""
    _require_change(user, plan)
    area = area or BreakthroughArea(plan=plan)
    model_update(area, fields, user=user)
    area.activities.set(activities)
    area.inspections.set(inspections)
    return area


@transaction.atomic
def part_delete(*, user: Any, obj: PlanItem | Target | BreakthroughArea) -> None:
    _require_change(user, obj.plan)
    record_actor(obj, user).delete()


# ---- from a workbook: the import has checked the user's units; the model's rules hold ----


def content_key(text: str) -> str:
    """A plan item's identity in a workbook: its content, runs of spaces collapsed."""
    return " ".join(text.split()).casefold()


def plan_import(*, committee: Unit, year: int, user: Any, **fields: Any) -> Plan:
    """The committee's plan of the year from a workbook, created or changed."""
    if committee.kind != Unit.Kind.COMMITTEE:
        raise ValidationError({"committee": _("A plan belongs to a party committee.")})
    plan = Plan.objects.filter(committee=committee, year=year).first()
    if plan is None:
        plan = Plan(committee=committee, year=year, created_by=actor(user))
    model_update(plan, fields, user=user)
    return plan


def item_import(
    *, plan: Plan, content: str, user: Any, responsible_units: Any = (), **fields: Any
) -> PlanItem:
    """A task of the plan from a workbook, matched by its content."""
    item = next(
        (old for old in plan.items.all() if content_key(old.content) == content_key(content)),
        None,
    ) or PlanItem(plan=plan, content=content)
    return _write_item(item, responsible_units, user, fields)


def target_import(*, plan: Plan, figure: str, due: Any, user: Any, **fields: Any) -> Target:
    """A target of the plan from a workbook, matched by its figure and date."""
    target = plan.targets.filter(figure=figure, due=due).first()
    target = target or Target(plan=plan, figure=figure, due=due)
    model_update(target, fields, user=user)
    return target
