"""Remediation tasks: set after a conclusion, reported on by the subject, verified or returned."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.editing import save_form
from core.listing import render_listing
from core.policy import CHANGE, VIEW

from .. import forms, policies, selectors, services
from ..columns import REMEDIATION_COLUMNS
from ..models import Remediation
from . import common
from .common import download, int_or_none, require, visible_for


@login_required
def remediation_list(request: HttpRequest) -> HttpResponse:
    require(policies.remediations.can(request.user, VIEW))
    queryset = selectors.remediations_for(
        request.user,
        text=request.GET.get("q"),
        status=request.GET.get("status") or None,
        state=request.GET.get("state") or None,
        year=int_or_none(request.GET.get("year")),
        plan=int_or_none(request.GET.get("plan")),
        subject=(request.GET.get("subject") or "").strip() or None,
    )
    plans = selectors.plan_choices(request.user)
    return render_listing(
        request,
        "inspections/remediation_list.html",
        queryset,
        REMEDIATION_COLUMNS,
        {
            "years": selectors.years_for(request.user),
            "plans": plans,
            "states": Remediation.State.choices,
            "today": timezone.localdate(),
        },
        filename="khac-phuc",
    )


@login_required
def remediation_create(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = visible_for(request, policies.inspections, pk, CHANGE)
    finding = int_or_none(request.GET.get("finding"))
    form = forms.RemediationForm(
        request.POST or None,
        inspection=inspection,
        committee=services.committee_of_inspection(inspection),
        initial={"finding": finding},
    )
    back = reverse("inspections:inspection_detail", args=[pk])
    return common.service_form_page(
        request,
        form,
        services.remediation_create,
        title=_("New remediation task for %(code)s") % {"code": inspection.code},
        back=back,
        message=_("The remediation task was set."),
        to=lambda task: back + "#tasks",
        inspection=inspection,
    )


def _task_page(request: HttpRequest, task: Remediation, **bound: Form) -> HttpResponse:
    submissions = selectors.task_submissions(task)
    actions = services.allowed_actions(task)
    can_verify = policies.remediations.can(request.user, policies.VERIFY, task)
    can_record = policies.remediations.can(request.user, policies.RECORD, task)
    return render(
        request,
        "inspections/remediation_detail.html",
        {
            "task": task,
            "submissions": submissions,
            "can_change": policies.remediations.can(request.user, CHANGE, task),
            "can_submit": can_record and "submit" in actions,
            "can_verify": can_verify and "verify" in actions,
            "submit_form": bound.get("submit_form") or forms.SubmitForm(),
            "verify_form": bound.get("verify_form")
            or forms.VerifyForm(initial={"completed_on": timezone.localdate()}),
            "return_form": bound.get("return_form") or forms.ReturnForm(),
            "today": timezone.localdate(),
        },
    )


@login_required
def remediation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = visible_for(request, policies.remediations, pk)
    return _task_page(request, task)


@login_required
def remediation_update(request: HttpRequest, pk: int) -> HttpResponse:
    task = visible_for(request, policies.remediations, pk, CHANGE)
    form = forms.RemediationForm(
        request.POST or None,
        instance=task,
        inspection=task.inspection,
        committee=services.committee_of_inspection(task.inspection),
    )
    return common.change_page(request, form, "remediation", task, _("Change remediation task"))


remediation_delete = common.delete_view(
    policies.remediations,
    services.remediation_delete,
    "remediation",
    gettext_lazy("The remediation task was deleted."),
    lambda task: reverse("inspections:inspection_detail", args=[task.inspection_id]),
)


def _task_form_view(
    action: str, form_name: str, form_class: type[Form], call: Callable[..., Any], done: Any
) -> Callable[[HttpRequest, int], HttpResponse]:
    """The POST view of one of a task's forms (report, verify, return): the user may do
    `action` on the task; a valid form goes to `call` and back to the task saying `done`, an
    invalid or refused one shows the task again with the form as typed."""

    @login_required
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        task = visible_for(request, policies.remediations, pk, action)
        form = form_class(request.POST, request.FILES)
        saved = save_form(
            request,
            form,
            lambda data: call(user=request.user, remediation=task, **data),
            message=str(done),
            to=reverse("inspections:remediation_detail", args=[pk]),
        )
        if saved is not None:
            return saved
        task.refresh_from_db()  # a refused write may have left the object changed in memory
        return _task_page(request, task, **{form_name: form})

    return view


remediation_submit = _task_form_view(
    policies.RECORD,
    "submit_form",
    forms.SubmitForm,
    services.remediation_submit,
    gettext_lazy("Your report was sent to the inspection commission."),
)
remediation_verify = _task_form_view(
    policies.VERIFY,
    "verify_form",
    forms.VerifyForm,
    services.remediation_verify,
    gettext_lazy("The task is verified and closed."),
)
remediation_return = _task_form_view(
    policies.VERIFY,
    "return_form",
    forms.ReturnForm,
    services.remediation_return,
    gettext_lazy("The report was sent back to the subject."),
)


@login_required
def evidence_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    evidence = visible_for(request, policies.evidence_files, pk)
    return download(request, evidence.file, evidence.name)
