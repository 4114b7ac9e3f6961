"""Thin views of the plans: list, plan page with live progress, forms of its parts, print."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.editing import simple_form_page
from core.pagination import paginate
from core.policy import CHANGE, VIEW, permission_required_for

from . import forms, policies, printing, progress, selectors, services
from .models import BreakthroughArea, Plan, PlanItem, Target

SERVICES = {
    "muc": lambda user, plan, obj, data: services.item_save(user=user, plan=plan, item=obj, **data),
    "chi-tieu": lambda user, plan, obj, data: services.target_save(
        user=user, plan=plan, target=obj, **data
    ),
    "dot-pha": lambda user, plan, obj, data: services.area_save(
        user=user, plan=plan, area=obj, **data
    ),
}


@permission_required_for(policies.plans, VIEW)
def plan_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "plans/plan_list.html",
        {
            "page_obj": paginate(request, selectors.plans_for(request.user)),
            "can_add": selectors.can_add_plan(request.user),
        },
    )


@login_required
def plan_create(request: HttpRequest) -> HttpResponse:
    committees = list(policies.committees_for(request.user)[:1])
    if not committees:
        raise PermissionDenied
    return simple_form_page(
        request,
        forms.PlanForm(request.POST or None),
        title=_("New plan"),
        back=reverse("plans:list"),
        save=lambda data: services.plan_create(user=request.user, committee=committees[0], **data),
        message=_("Saved."),
        to=lambda plan: reverse("plans:detail", args=[plan.pk]),
    )


def _plan(request: HttpRequest, pk: int, action: str = VIEW) -> Plan:
    """The plan with its parts if the user sees it (else 404) and may do `action` (else 403)."""
    plan = selectors.plan_with_parts(request.user, pk)
    if plan is None:
        raise Http404
    policies.plans.check(request.user, action, plan)
    return plan


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    rows = progress.evaluate(plan, timezone.localdate())
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "rows": rows,
            "counts": progress.status_counts(rows),
            "evidence": selectors.evidence(plan),
            "can_change": policies.plans.can(request.user, CHANGE, plan),
        },
    )


@login_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk, CHANGE)
    return simple_form_page(
        request,
        forms.PlanForm(request.POST or None, instance=plan),
        title=_("Change %(plan)s") % {"plan": plan},
        back=reverse("plans:detail", args=[pk]),
        save=lambda data: services.plan_update(user=request.user, plan=plan, **data),
        message=_("Saved."),
    )


def _part(
    plan: Plan, part: str, part_pk: int | None
) -> tuple[Any, PlanItem | Target | BreakthroughArea | None, Any]:
    """The part's form class, the part itself (None: a new one) and its noun."""
    if part not in forms.PARTS:
        raise Http404
    form_class, related, noun = forms.PARTS[part]
    obj = None
    if part_pk is not None:
        obj = selectors.plan_part(plan, related, part_pk)
        if obj is None:
            raise Http404
    return form_class, obj, noun


@login_required
def part_edit(request: HttpRequest, pk: int, part: str, part_pk: int | None = None) -> HttpResponse:
    plan = _plan(request, pk, CHANGE)
    form_class, obj, noun = _part(plan, part, part_pk)
    instance = obj or form_class._meta.model(plan=plan)
    kwargs = {"plan": plan} if part != "chi-tieu" else {}
    form = form_class(request.POST or None, instance=instance, **kwargs)
    return simple_form_page(
        request,
        form,
        title=(_("Change the %(part)s") if obj else _("Add a %(part)s")) % {"part": noun},
        back=reverse("plans:detail", args=[pk]),
        save=lambda data: SERVICES[part](request.user, plan, obj, data),
        message=_("Saved."),
    )


@login_required
@require_POST
def part_delete(request: HttpRequest, pk: int, part: str, part_pk: int) -> HttpResponse:
    plan = _plan(request, pk, CHANGE)
    obj = _part(plan, part, part_pk)[1]
    if obj is None:
        raise Http404
    services.part_delete(user=request.user, obj=obj)
    messages.success(request, _("Deleted."))
    return redirect("plans:detail", pk=pk)


@login_required
def plan_print(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    from exporters.party import render_docx, render_pdf
    from exporters.registry import DOCX, PDF

    plan = _plan(request, pk)
    if fmt not in ("docx", "pdf"):
        raise Http404
    document = printing.plan_document(plan)
    content = render_docx(document) if fmt == "docx" else render_pdf(document)
    response = HttpResponse(content, content_type=DOCX if fmt == "docx" else PDF)
    response["Content-Disposition"] = f'attachment; filename="ke-hoach-{plan.year}.{fmt}"'
    return response
