"""The items of a plan (inspections and supervisions): list, plan, carry out, conclude, findings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.editing import act
from core.listing import render_listing
from core.policy import CHANGE, VIEW

from .. import forms, policies, printing, selectors, services
from ..columns import INSPECTION_COLUMNS
from ..models import Finding, Inspection
from . import common
from .common import document_response, download, int_or_none, require, visible_for


def _detail_url(pk: int) -> str:
    return reverse("inspections:inspection_detail", args=[pk])


@login_required
def inspection_list(request: HttpRequest) -> HttpResponse:
    require(policies.inspections.can(request.user, VIEW))
    queryset = selectors.inspections_for(
        request.user,
        text=request.GET.get("q"),
        year=int_or_none(request.GET.get("year")),
        plan=int_or_none(request.GET.get("plan")),
        state=request.GET.get("state") or None,
        form=request.GET.get("form") or None,
    )
    return render_listing(
        request,
        "inspections/inspection_list.html",
        queryset,
        INSPECTION_COLUMNS,
        {
            "years": selectors.years_for(request.user),
            "states": Inspection.State.choices,
            "forms": Inspection.Form.choices,
            "can_plan": policies.plans.can(request.user, VIEW),
        },
        filename="kiem-tra-giam-sat",
    )


@login_required
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = visible_for(request, policies.inspections, pk)
    can_change = policies.inspections.can(request.user, CHANGE, inspection)
    findings, tasks = selectors.inspection_parts(request.user, inspection)
    return render(
        request,
        "inspections/inspection_detail.html",
        {
            "inspection": inspection,
            "can_change": can_change,
            "actions": services.allowed_actions(inspection),
            "findings": findings,
            "finding_kinds": [
                (kind, label, [f for f in findings if f.kind == kind])
                for kind, label in Finding.Kind.choices
            ],
            "finding_form": forms.FindingForm(),
            "tasks": tasks,
            "today": timezone.localdate(),
            "start_form": forms.StartForm(initial={"started_on": timezone.localdate()}),
        },
    )


@login_required
def inspection_create(request: HttpRequest, plan_pk: int) -> HttpResponse:
    plan = visible_for(request, policies.plans, plan_pk, CHANGE)
    form = forms.InspectionForm(request.POST or None, committee=plan.committee)
    return common.service_form_page(
        request,
        form,
        services.inspection_create,
        title=_("New item of %(plan)s") % {"plan": plan},
        back=reverse("inspections:plan_detail", args=[plan.pk]),
        message=_("The item was added to the plan."),
        to=lambda item: _detail_url(item.pk),
        plan=plan,
    )


def _inspection_edit(
    request: HttpRequest, inspection: Inspection, form: BaseForm, title: str
) -> HttpResponse:
    """Planning fields, dates and the team's report all go through `inspection_update`."""
    return common.change_page(request, form, "inspection", inspection, title)


@login_required
def inspection_update(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = visible_for(request, policies.inspections, pk, CHANGE)
    form = forms.InspectionForm(
        request.POST or None,
        instance=inspection,
        committee=services.committee_of_inspection(inspection),
    )
    return _inspection_edit(
        request, inspection, form, _("Change %(code)s") % {"code": inspection.code}
    )


@login_required
def inspection_carry_out(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = visible_for(request, policies.inspections, pk, CHANGE)
    form = forms.CarryOutForm(request.POST or None, request.FILES or None, instance=inspection)
    return _inspection_edit(
        request,
        inspection,
        form,
        _("Dates and team's report of %(code)s") % {"code": inspection.code},
    )


@login_required
@require_POST
def inspection_start(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = visible_for(request, policies.inspections, pk, CHANGE)
    form = forms.StartForm(request.POST)
    back = _detail_url(pk)
    if not form.is_valid():
        messages.error(request, _("Give the date the team began."))
        return redirect(back)
    return act(
        request,
        lambda: services.inspection_start(
            user=request.user, inspection=inspection, **form.cleaned_data
        ),
        message=_("The item is under way."),
        to=back,
    )


@login_required
def inspection_conclude(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = visible_for(request, policies.inspections, pk, CHANGE)
    initial = {
        "conclusion_number": inspection.conclusion_number,
        "concluded_on": inspection.concluded_on or timezone.localdate(),
        "ended_on": inspection.ended_on,
        "conclusion": inspection.conclusion,
    }
    form = forms.ConcludeForm(request.POST or None, request.FILES or None, initial=initial)
    return common.service_form_page(
        request,
        form,
        services.inspection_conclude,
        title=_("Conclusion of %(code)s") % {"code": inspection.code},
        back=_detail_url(pk),
        message=_("The conclusion was recorded."),
        inspection=inspection,
    )


def _after_delete(inspection: Inspection) -> str:
    """Back to the plan the deleted item was in, else to the list of items."""
    if inspection.plan_id:
        return reverse("inspections:plan_detail", args=[inspection.plan_id])
    return reverse("inspections:inspection_list")


inspection_delete = common.delete_view(
    policies.inspections,
    services.inspection_delete,
    "inspection",
    gettext_lazy("The item was deleted."),
    _after_delete,
)


@login_required
@require_POST
def finding_create(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = visible_for(request, policies.inspections, pk, CHANGE)
    form = forms.FindingForm(request.POST)
    back = _detail_url(pk) + "#findings"
    if not form.is_valid():
        messages.error(request, _("Choose the kind of finding and write it."))
        return redirect(back)
    return act(
        request,
        lambda: services.finding_add(user=request.user, inspection=inspection, **form.cleaned_data),
        message=_("The finding was recorded."),
        to=back,
    )


@login_required
@require_POST
def finding_delete(request: HttpRequest, pk: int) -> HttpResponse:
    finding = selectors.visible_finding(request.user, pk)
    require(policies.inspections.can(request.user, CHANGE, finding.inspection))
    return act(
        request,
        lambda: services.finding_delete(user=request.user, finding=finding),
        message=_("The finding was deleted."),
        to=_detail_url(finding.inspection_id) + "#findings",
    )


@login_required
def inspection_file(request: HttpRequest, pk: int, kind: str) -> HttpResponseBase:
    inspection = visible_for(request, policies.inspections, pk)
    fields = {"bao-cao": inspection.team_report_file, "ket-luan": inspection.conclusion_file}
    if kind not in fields:
        raise Http404
    return download(request, fields[kind], f"{kind}-{inspection}")


@login_required
def conclusion_print(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    inspection = visible_for(request, policies.inspections, pk)
    if inspection.state != Inspection.State.CONCLUDED:
        raise Http404
    return document_response(
        printing.conclusion_notice(inspection), fmt, f"thong-bao-ket-luan-{inspection.code}"
    )
