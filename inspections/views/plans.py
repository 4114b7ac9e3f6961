"""The committee's yearly plans and the progress of the items across years."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.listing import render_listing
from core.policy import CHANGE, VIEW

from .. import forms, policies, printing, selectors, services
from ..columns import PLAN_COLUMNS
from . import common
from .common import document_response, download, require, visible_for


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    require(policies.plans.can(request.user, VIEW))
    queryset = selectors.plans_for(request.user, request.GET.get("q"))
    return render_listing(
        request,
        "inspections/plan_list.html",
        queryset,
        PLAN_COLUMNS,
        {
            "can_add": selectors.can_add_plan(request.user),
        },
        filename="ke-hoach-kiem-tra",
    )


@login_required
def plan_create(request: HttpRequest) -> HttpResponse:
    committees = list(policies.committees_for(request.user)[:2])
    require(bool(committees))
    committee = committees[0]
    form = forms.PlanForm(request.POST or None, request.FILES or None, committee=committee)
    return common.service_form_page(
        request,
        form,
        services.plan_create,
        title=_("New inspection and supervision plan"),
        back=reverse("inspections:plan_list"),
        message=_("The plan was created."),
        to=lambda plan: reverse("inspections:plan_detail", args=[plan.pk]),
        committee=committee,
    )


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = visible_for(request, policies.plans, pk)
    items = selectors.inspections_for(request.user, plan=plan.pk)
    return render(
        request,
        "inspections/plan_detail.html",
        {
            "plan": plan,
            "items": items,
            "progress": selectors.plan_progress(plan),
            "can_change": policies.plans.can(request.user, CHANGE, plan),
        },
    )


@login_required
def plan_update(request: HttpRequest, pk: int) -> HttpResponse:
    plan = visible_for(request, policies.plans, pk, CHANGE)
    form = forms.PlanForm(
        request.POST or None, request.FILES or None, instance=plan, committee=plan.committee
    )
    return common.change_page(request, form, "plan", plan, _("Change %(plan)s") % {"plan": plan})


plan_delete = common.delete_view(
    policies.plans,
    services.plan_delete,
    "plan",
    gettext_lazy("The plan was deleted."),
    lambda plan: reverse("inspections:plan_list"),
)


@login_required
def plan_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    plan = visible_for(request, policies.plans, pk)
    return download(request, plan.file, str(plan))


@login_required
def plan_print(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    plan = visible_for(request, policies.plans, pk)
    return document_response(printing.plan_document(plan), fmt, f"ke-hoach-kiem-tra-{plan.year}")


@login_required
def progress(request: HttpRequest) -> HttpResponse:
    require(policies.inspections.can(request.user, VIEW))
    return render(
        request,
        "inspections/progress.html",
        {"rows": selectors.progress_by_year(request.user)},
    )
