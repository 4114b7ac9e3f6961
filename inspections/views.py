"""Thin views: parse the request, call one selector or service, render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pagination import paginate
from core.policy import CHANGE, DELETE, VIEW
from organisation.selectors import committee_of

from . import forms, policies, printing, selectors, services
from .models import Finding, Inspection, Remediation

PRINT_FORMATS = {"docx", "pdf"}


def _apply_errors(form: Form, exc: ValidationError) -> None:
    """Put a service's errors next to their fields (or above the form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _form_page(
    request: HttpRequest,
    form: Form,
    *,
    title: str,
    back: str,
    save: Callable[[Form], Any],
    success: Callable[[Any], str],
    done_message: str,
    context: dict | None = None,
) -> HttpResponse:
    """GET shows the form; a valid POST calls the service and redirects; errors stay put."""
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, done_message)
            return redirect(success(result))
    return render(
        request,
        "inspections/form.html",
        {"form": form, "title": title, "back": back, **(context or {})},
    )


def _post_action(
    request: HttpRequest, action: Callable[[], Any], done_message: str, back: str
) -> HttpResponse:
    try:
        action()
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done_message)
    return redirect(back)


# Items -----------------------------------------------------------------------------------


@login_required
def inspection_list(request: HttpRequest) -> HttpResponse:
    _require(policies.inspections.can(request.user, VIEW))
    queryset = selectors.inspections_for(
        request.user,
        text=request.GET.get("q"),
        year=_int(request.GET.get("year")),
        plan=_int(request.GET.get("plan")),
        state=request.GET.get("state") or None,
        form=request.GET.get("form") or None,
    )
    return render(
        request,
        "inspections/inspection_list.html",
        {
            "page_obj": paginate(request, queryset),
            "years": selectors.years_for(request.user),
            "states": Inspection.State.choices,
            "forms": Inspection.Form.choices,
            "can_plan": policies.plans.can(request.user, VIEW),
        },
    )


@login_required
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = policies.inspections.get_visible_or_404(request.user, pk=pk)
    can_change = policies.inspections.can(request.user, CHANGE, inspection)
    findings = list(inspection.findings.all())
    tasks = list(policies.remediations.visible_to(request.user).filter(inspection=inspection))
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
    plan = policies.plans.get_visible_or_404(request.user, pk=plan_pk)
    _require(policies.plans.can(request.user, CHANGE, plan))
    form = forms.InspectionForm(request.POST or None, committee=plan.committee)
    return _form_page(
        request,
        form,
        title=_("New item of %(plan)s") % {"plan": plan},
        back=reverse("inspections:plan_detail", args=[plan.pk]),
        save=lambda form: services.inspection_create(
            user=request.user, plan=plan, **form.cleaned_data
        ),
        success=lambda item: reverse("inspections:inspection_detail", args=[item.pk]),
        done_message=_("The item was added to the plan."),
    )


def _committee(inspection: Inspection):
    if inspection.plan_id:
        return inspection.plan.committee
    return committee_of(inspection.subject_unit or inspection.subject_person.unit)


@login_required
def inspection_update(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = policies.inspections.get_visible_or_404(request.user, pk=pk)
    _require(policies.inspections.can(request.user, CHANGE, inspection))
    form = forms.InspectionForm(
        request.POST or None, instance=inspection, committee=_committee(inspection)
    )
    back = reverse("inspections:inspection_detail", args=[pk])
    return _form_page(
        request,
        form,
        title=_("Change %(code)s") % {"code": inspection.code},
        back=back,
        save=lambda form: services.inspection_update(
            user=request.user, inspection=inspection, **form.cleaned_data
        ),
        success=lambda item: back,
        done_message=_("Saved."),
    )


@login_required
def inspection_carry_out(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = policies.inspections.get_visible_or_404(request.user, pk=pk)
    _require(policies.inspections.can(request.user, CHANGE, inspection))
    form = forms.CarryOutForm(request.POST or None, request.FILES or None, instance=inspection)
    back = reverse("inspections:inspection_detail", args=[pk])
    return _form_page(
        request,
        form,
        title=_("Dates and team's report of %(code)s") % {"code": inspection.code},
        back=back,
        save=lambda form: services.inspection_update(
            user=request.user, inspection=inspection, **form.cleaned_data
        ),
        success=lambda item: back,
        done_message=_("Saved."),
    )


@login_required
@require_POST
def inspection_start(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = policies.inspections.get_visible_or_404(request.user, pk=pk)
    _require(policies.inspections.can(request.user, CHANGE, inspection))
    form = forms.StartForm(request.POST)
    back = reverse("inspections:inspection_detail", args=[pk])
    if not form.is_valid():
        messages.error(request, _("Give the date the team began."))
        return redirect(back)
    return _post_action(
        request,
        lambda: services.inspection_start(
            user=request.user, inspection=inspection, **form.cleaned_data
        ),
        _("The item is under way."),
        back,
    )


@login_required
def inspection_conclude(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = policies.inspections.get_visible_or_404(request.user, pk=pk)
    _require(policies.inspections.can(request.user, CHANGE, inspection))
    initial = {
        "conclusion_number": inspection.conclusion_number,
        "concluded_on": inspection.concluded_on or timezone.localdate(),
        "ended_on": inspection.ended_on,
        "conclusion": inspection.conclusion,
    }
    form = forms.ConcludeForm(request.POST or None, request.FILES or None, initial=initial)
    back = reverse("inspections:inspection_detail", args=[pk])
    return _form_page(
        request,
        form,
        title=_("Conclusion of %(code)s") % {"code": inspection.code},
        back=back,
        save=lambda form: services.inspection_conclude(
            user=request.user, inspection=inspection, **form.cleaned_data
        ),
        success=lambda item: back,
        done_message=_("The conclusion was recorded."),
    )


@login_required
@require_POST
def inspection_delete(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = policies.inspections.get_visible_or_404(request.user, pk=pk)
    _require(policies.inspections.can(request.user, DELETE, inspection))
    back = (
        reverse("inspections:plan_detail", args=[inspection.plan_id])
        if inspection.plan_id
        else reverse("inspections:inspection_list")
    )
    try:
        services.inspection_delete(user=request.user, inspection=inspection)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("inspections:inspection_detail", pk=pk)
    messages.success(request, _("The item was deleted."))
    return redirect(back)


@login_required
@require_POST
def finding_create(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = policies.inspections.get_visible_or_404(request.user, pk=pk)
    _require(policies.inspections.can(request.user, CHANGE, inspection))
    form = forms.FindingForm(request.POST)
    back = reverse("inspections:inspection_detail", args=[pk]) + "#findings"
    if not form.is_valid():
        messages.error(request, _("Choose the kind of finding and write it."))
        return redirect(back)
    return _post_action(
        request,
        lambda: services.finding_add(user=request.user, inspection=inspection, **form.cleaned_data),
        _("The finding was recorded."),
        back,
    )


@login_required
@require_POST
def finding_delete(request: HttpRequest, pk: int) -> HttpResponse:
    visible = policies.inspections.visible_to(request.user)
    finding = Finding.objects.filter(inspection__in=visible, pk=pk).first()
    if finding is None:
        raise Http404
    _require(policies.inspections.can(request.user, CHANGE, finding.inspection))
    return _post_action(
        request,
        lambda: services.finding_delete(user=request.user, finding=finding),
        _("The finding was deleted."),
        reverse("inspections:inspection_detail", args=[finding.inspection_id]) + "#findings",
    )


def _download(field: Any) -> FileResponse:
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=field.name.rsplit("/", 1)[-1])


@login_required
def inspection_file(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    inspection = policies.inspections.get_visible_or_404(request.user, pk=pk)
    fields = {"bao-cao": inspection.team_report_file, "ket-luan": inspection.conclusion_file}
    if kind not in fields:
        raise Http404
    return _download(fields[kind])


def _document_response(document: Any, fmt: str, filename: str) -> HttpResponse:
    from exporters.party import render_docx, render_pdf
    from exporters.registry import DOCX, PDF

    if fmt not in PRINT_FORMATS:
        raise Http404
    content = render_docx(document) if fmt == "docx" else render_pdf(document)
    response = HttpResponse(content, content_type=DOCX if fmt == "docx" else PDF)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@login_required
def conclusion_print(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    inspection = policies.inspections.get_visible_or_404(request.user, pk=pk)
    if inspection.state != Inspection.State.CONCLUDED:
        raise Http404
    return _document_response(
        printing.conclusion_notice(inspection), fmt, f"thong-bao-ket-luan-{inspection.code}"
    )


# Plans -----------------------------------------------------------------------------------


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    _require(policies.plans.can(request.user, VIEW))
    queryset = selectors.plans_for(request.user, request.GET.get("q"))
    return render(
        request,
        "inspections/plan_list.html",
        {
            "page_obj": paginate(request, queryset),
            "can_add": policies.committees_for(request.user).exists(),
        },
    )


@login_required
def plan_create(request: HttpRequest) -> HttpResponse:
    committees = list(policies.committees_for(request.user)[:2])
    _require(bool(committees))
    committee = committees[0]
    form = forms.PlanForm(request.POST or None, request.FILES or None)
    return _form_page(
        request,
        form,
        title=_("New inspection and supervision plan"),
        back=reverse("inspections:plan_list"),
        save=lambda form: services.plan_create(
            user=request.user, committee=committee, **form.cleaned_data
        ),
        success=lambda plan: reverse("inspections:plan_detail", args=[plan.pk]),
        done_message=_("The plan was created."),
    )


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = policies.plans.get_visible_or_404(request.user, pk=pk)
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
    plan = policies.plans.get_visible_or_404(request.user, pk=pk)
    _require(policies.plans.can(request.user, CHANGE, plan))
    form = forms.PlanForm(request.POST or None, request.FILES or None, instance=plan)
    back = reverse("inspections:plan_detail", args=[pk])
    return _form_page(
        request,
        form,
        title=_("Change %(plan)s") % {"plan": plan},
        back=back,
        save=lambda form: services.plan_update(user=request.user, plan=plan, **form.cleaned_data),
        success=lambda plan: back,
        done_message=_("Saved."),
    )


@login_required
@require_POST
def plan_delete(request: HttpRequest, pk: int) -> HttpResponse:
    plan = policies.plans.get_visible_or_404(request.user, pk=pk)
    _require(policies.plans.can(request.user, DELETE, plan))
    try:
        services.plan_delete(user=request.user, plan=plan)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("inspections:plan_detail", pk=pk)
    messages.success(request, _("The plan was deleted."))
    return redirect("inspections:plan_list")


@login_required
def plan_file(request: HttpRequest, pk: int) -> HttpResponse:
    plan = policies.plans.get_visible_or_404(request.user, pk=pk)
    return _download(plan.file)


@login_required
def plan_print(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    plan = policies.plans.get_visible_or_404(request.user, pk=pk)
    return _document_response(printing.plan_document(plan), fmt, f"ke-hoach-kiem-tra-{plan.year}")


@login_required
def progress(request: HttpRequest) -> HttpResponse:
    _require(policies.inspections.can(request.user, VIEW))
    return render(
        request,
        "inspections/progress.html",
        {"rows": selectors.progress_by_year(request.user)},
    )


# Remediation -----------------------------------------------------------------------------


@login_required
def remediation_list(request: HttpRequest) -> HttpResponse:
    _require(policies.remediations.can(request.user, VIEW))
    queryset = selectors.remediations_for(
        request.user,
        text=request.GET.get("q"),
        status=request.GET.get("status") or None,
        state=request.GET.get("state") or None,
        year=_int(request.GET.get("year")),
        plan=_int(request.GET.get("plan")),
        subject=(request.GET.get("subject") or "").strip() or None,
    )
    plans = (
        list(policies.plans.visible_to(request.user).values_list("pk", "year"))
        if policies.plans.can(request.user, VIEW)
        else []
    )
    return render(
        request,
        "inspections/remediation_list.html",
        {
            "page_obj": paginate(request, queryset),
            "years": selectors.years_for(request.user),
            "plans": plans,
            "states": Remediation.State.choices,
            "today": timezone.localdate(),
        },
    )


@login_required
def remediation_create(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = policies.inspections.get_visible_or_404(request.user, pk=pk)
    _require(policies.inspections.can(request.user, CHANGE, inspection))
    finding = _int(request.GET.get("finding"))
    form = forms.RemediationForm(
        request.POST or None,
        inspection=inspection,
        committee=_committee(inspection),
        initial={"finding": finding},
    )
    back = reverse("inspections:inspection_detail", args=[pk])
    return _form_page(
        request,
        form,
        title=_("New remediation task for %(code)s") % {"code": inspection.code},
        back=back,
        save=lambda form: services.remediation_create(
            user=request.user, inspection=inspection, **form.cleaned_data
        ),
        success=lambda task: back + "#tasks",
        done_message=_("The remediation task was set."),
    )


def _task_page(request: HttpRequest, task: Remediation, **bound: Form) -> HttpResponse:
    submissions = list(
        task.submissions.select_related("submitted_by", "reviewed_by").prefetch_related("files")
    )
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
    task = policies.remediations.get_visible_or_404(request.user, pk=pk)
    return _task_page(request, task)


@login_required
def remediation_update(request: HttpRequest, pk: int) -> HttpResponse:
    task = policies.remediations.get_visible_or_404(request.user, pk=pk)
    _require(policies.remediations.can(request.user, CHANGE, task))
    form = forms.RemediationForm(
        request.POST or None,
        instance=task,
        inspection=task.inspection,
        committee=_committee(task.inspection),
    )
    back = reverse("inspections:remediation_detail", args=[pk])
    return _form_page(
        request,
        form,
        title=_("Change remediation task"),
        back=back,
        save=lambda form: services.remediation_update(
            user=request.user, remediation=task, **form.cleaned_data
        ),
        success=lambda task: back,
        done_message=_("Saved."),
    )


@login_required
@require_POST
def remediation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    task = policies.remediations.get_visible_or_404(request.user, pk=pk)
    _require(policies.remediations.can(request.user, DELETE, task))
    try:
        services.remediation_delete(user=request.user, remediation=task)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("inspections:remediation_detail", pk=pk)
    messages.success(request, _("The remediation task was deleted."))
    return redirect("inspections:inspection_detail", pk=task.inspection_id)


def _task_form_action(
    request: HttpRequest,
    pk: int,
    action: str,
    form_name: str,
    form_class: type[Form],
    call: Callable[..., Any],
    done_message: str,
) -> HttpResponse:
    """POST a task's form; on error show the task again with the form as typed."""
    task = policies.remediations.get_visible_or_404(request.user, pk=pk)
    _require(policies.remediations.can(request.user, action, task))
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            call(user=request.user, remediation=task, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
            task.refresh_from_db()
        else:
            messages.success(request, done_message)
            return redirect("inspections:remediation_detail", pk=pk)
    return _task_page(request, task, **{form_name: form})


@login_required
@require_POST
def remediation_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _task_form_action(
        request,
        pk,
        policies.RECORD,
        "submit_form",
        forms.SubmitForm,
        services.remediation_submit,
        _("Your report was sent to the inspection commission."),
    )


@login_required
@require_POST
def remediation_verify(request: HttpRequest, pk: int) -> HttpResponse:
    return _task_form_action(
        request,
        pk,
        policies.VERIFY,
        "verify_form",
        forms.VerifyForm,
        services.remediation_verify,
        _("The task is verified and closed."),
    )


@login_required
@require_POST
def remediation_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _task_form_action(
        request,
        pk,
        policies.VERIFY,
        "return_form",
        forms.ReturnForm,
        services.remediation_return,
        _("The report was sent back to the subject."),
    )


@login_required
def evidence_download(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = policies.evidence_files.get_visible_or_404(request.user, pk=pk)
    return _download(evidence.file)
