"""Writes for the committee's yearly inspection and supervision plans."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from core import files
from core.policy import CHANGE, DELETE
from core.services import model_update, record_actor, save_as
from organisation.models import Unit

from .. import policies
from ..models import InspectionPlan
from .workflow import require


def _check_plan_committee(user: Any, committee: Unit) -> None:
    if committee.kind != Unit.Kind.COMMITTEE:
        raise ValidationError({"committee": _("A plan belongs to a party committee.")})
    if not policies.committees_for(user).filter(pk=committee.pk).exists():
        raise PermissionDenied(_("Only the inspection commission or the office plan inspections."))


def _check_year_free(committee: Unit, year: int) -> None:
    """A committee has one plan a year."""
    if InspectionPlan.objects.filter(committee=committee, year=year).exists():
        raise ValidationError(
            {"year": _("The committee already has a plan for %(year)s.") % {"year": year}}
        )


@transaction.atomic
def plan_create(
    *,
    user: Any,
    committee: Unit,
    year: int,
    number_symbol: str = "",
    issued_on: dt.date | None = None,
    title: str = "",
    document: Any = None,
    file: UploadedFile | None = None,
) -> InspectionPlan:
    """A new yearly plan of the committee (one a year)."""
    _check_plan_committee(user, committee)
    _check_year_free(committee, year)
    plan = InspectionPlan(
        committee=committee,
        year=year,
        number_symbol=number_symbol,
        issued_on=issued_on,
        title=title,
        document=document,
    )
    if file:
        plan.file = files.accept_field("file", file, files.OFFICE, stem="ke-hoach")
    return save_as(plan, user)


@transaction.atomic
def plan_update(*, user: Any, plan: InspectionPlan, **fields: Any) -> InspectionPlan:
    require(user, policies.plans, CHANGE, plan, _("You may not change this plan."))
    year = fields.get("year", plan.year)
    if year != plan.year:
        _check_year_free(plan.committee, year)
    names = ("year", "number_symbol", "issued_on", "title", "document")
    model_update(plan, {name: fields[name] for name in names if name in fields}, save=False)
    if fields.get("file"):
        plan.file = files.accept_field("file", fields["file"], files.OFFICE, stem="ke-hoach")
    save_as(plan, user)
    if "year" in fields:
        for item in plan.items.exclude(year=year):
            item.year = year
            save_as(item, user)
    return plan


@transaction.atomic
def plan_delete(*, user: Any, plan: InspectionPlan) -> None:
    require(user, policies.plans, DELETE, plan, _("You may not delete this plan."))
    if plan.items.exists():
        raise ValidationError(_("Delete the plan's items first: a plan with items is kept."))
    record_actor(plan, user).delete()
