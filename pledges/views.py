"""Thin views: parse the request, call a selector or a service, render."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import files
from core.editing import FORM_PAGE, form_page
from core.http import AuthenticatedRequest
from core.listing import render_listing
from core.policy import CHANGE, VIEW, has_role, permission_required_for
from core.records import record_page
from core.roles import Role
from core.search import search
from organisation.models import Person, Unit
from organisation.policies import units as unit_policy

from . import selectors, services
from .columns import PLAN_COLUMNS, PLEDGE_COLUMNS
from .documents import pledge_file
from .forms import (
    PaperPledgeForm,
    PlanForm,
    PledgeEditForm,
    PledgeForm,
    StandardForm,
    TemplateForm,
    YearForm,
)
from .models import Pledge
from .policies import CONFIRM, plans, pledges, standards, templates


def _year(request: HttpRequest) -> tuple[int, datetime.date | None]:
    form = YearForm(request.GET or None)
    year = timezone.localdate().year
    on_date = None
    if form.is_valid():
        year = form.cleaned_data["year"] or year
        on_date = form.cleaned_data["on_date"]
    return year, on_date


# --- the member's own pledge and plan -------------------------------------------------------


@login_required
def mine(request: AuthenticatedRequest) -> HttpResponse:
    person = request.user.person
    this_year = timezone.localdate().year
    rows = selectors.own_years(person, this_year)
    return render(
        request,
        "pledges/mine.html",
        {"person": person, "rows": rows, "staff_nav": pledges.can(request.user, VIEW)},
    )


def _own_person(request: AuthenticatedRequest) -> Person:
    person = request.user.person
    if person is None:
        raise PermissionDenied
    return person


@login_required
def my_pledge(request: AuthenticatedRequest, year: int) -> HttpResponse:
    person = _own_person(request)
    pledge = selectors.own_pledge(person, year)
    initial = {
        "registered_on": timezone.localdate(),
        "content": pledge.content if pledge else selectors.prefilled_pledge(person, year),
    }
    form = PledgeForm(request.POST or None, initial=initial, record=pledge)

    def save(data: dict[str, Any]) -> Pledge:
        if pledge:
            return services.pledge_update(pledge=pledge, by=request.user, **data)
        return services.pledge_create(person=person, year=year, by=request.user, **data)

    return form_page(
        request,
        form,
        "pledges/my_pledge.html",
        {"pledge": pledge, "year": year, "person": person},
        save=save,
        message=_("Your pledge has been saved."),
        to=_detail,
    )


@login_required
def my_plan(request: AuthenticatedRequest, year: int) -> HttpResponse:
    person = _own_person(request)
    plan = selectors.own_plan(person, year)
    initial = {"content": plan.content, "items": plan.items} if plan else {}
    form = PlanForm(request.POST or None, initial=initial, record=plan)
    return form_page(
        request,
        form,
        "pledges/my_plan.html",
        {"plan": plan, "year": year},
        save=lambda data: services.plan_save(person=person, year=year, by=request.user, **data),
        message=_("Your personal plan has been saved."),
        to=lambda saved: reverse("pledges:plan_detail", args=[saved.pk]),
    )


# --- pledges as the cell and the office see them --------------------------------------------


@permission_required_for(pledges, VIEW)
def pledge_list(request: HttpRequest) -> HttpResponse:
    year = request.GET.get("year")
    queryset = selectors.pledges_list(
        request.user,
        year=int(year) if year and year.isdigit() else None,
        status=request.GET.get("status"),
    )
    queryset = search(queryset, request.GET.get("q"), field="person__search_key")
    context = {"year": year, "can_record": pledges.can(request.user, CHANGE)}
    return render_listing(
        request,
        "pledges/pledge_list.html",
        queryset,
        PLEDGE_COLUMNS,
        context,
        filename="cam-ket",
    )


@login_required
def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return record_page(
        request,
        pledges,
        pk,
        "pledges/pledge_detail.html",
        "pledge",
        lambda pledge: {
            "versions": selectors.pledge_versions(pledge),
            "can_confirm": pledges.can(request.user, CONFIRM, pledge) and not pledge.is_locked,
        },
    )


@permission_required_for(pledges, CHANGE)
def pledge_record(request: HttpRequest) -> HttpResponse:
    """The cell secretary records a paper pledge, with the signed scan."""
    form = PaperPledgeForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        initial={"year": timezone.localdate().year, "registered_on": timezone.localdate()},
    )
    return form_page(
        request,
        form,
        "pledges/pledge_record.html",
        save=lambda data: services.pledge_create(
            person=data["person"],
            year=data["year"],
            registered_on=data["registered_on"],
            content=data["content"],
            scan=data["scan"],
            source=Pledge.Source.PAPER,
            by=request.user,
        ),
        message=_("The paper pledge has been recorded."),
        to=_detail,
    )


@login_required
def pledge_edit(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = pledges.get_for(request.user, CHANGE, pk=pk)
    form = PledgeEditForm(
        request.POST or None,
        request.FILES or None,
        initial={"registered_on": pledge.registered_on, "content": pledge.content},
        record=pledge,
    )
    return form_page(
        request,
        form,
        "pledges/pledge_edit.html",
        {"pledge": pledge},
        save=lambda data: services.pledge_update(pledge=pledge, by=request.user, **data),
        message=_("The pledge has been saved."),
        to=_detail(pledge),
    )


@login_required
@require_POST
def pledge_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = pledges.get_for(request.user, CONFIRM, pk=pk)
    services.pledge_confirm(pledge=pledge, by=request.user)
    messages.success(request, _("The pledge is confirmed and locked."))
    return redirect("pledges:pledge_detail", pk=pledge.pk)


@login_required
def pledge_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in ("docx", "pdf"):
        raise Http404
    pledge = pledges.get_visible_or_404(request.user, pk=pk)
    filename, content_type, content = pledge_file(pledge, fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def pledge_scan(request: HttpRequest, pk: int) -> HttpResponseBase:
    pledge = pledges.get_visible_or_404(request.user, pk=pk)
    if not pledge.scan:
        raise Http404
    return files.serve(request, pledge.scan, title=f"cam-ket-{pledge}", kinds=files.SCANS)


# --- personal plans ---------------------------------------------------------------------------


@permission_required_for(pledges, VIEW)
def plan_list(request: HttpRequest) -> HttpResponse:
    year = request.GET.get("year")
    queryset = selectors.plans_list(
        request.user, year=int(year) if year and year.isdigit() else None
    )
    queryset = search(queryset, request.GET.get("q"), field="person__search_key")
    return render_listing(
        request,
        "pledges/plan_list.html",
        queryset,
        PLAN_COLUMNS,
        {"year": year},
        filename="ke-hoach-ca-nhan",
    )


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return record_page(request, plans, pk, "pledges/plan_detail.html", "plan")


# --- progress ---------------------------------------------------------------------------------


@permission_required_for(pledges, VIEW)
def progress(request: HttpRequest) -> HttpResponse:
    year, on_date = _year(request)
    data = selectors.progress(request.user, year, on_date)
    return render(request, "pledges/progress.html", {**data, "form": YearForm(request.GET or None)})


def _cell_progress_page(request: HttpRequest, pk: int, template: str) -> HttpResponse:
    """A visible cell's progress for the asked year, shown by `template`."""
    pledges.check(request.user, VIEW)
    cell = unit_policy.get_visible_or_404(request.user, pk=pk, kind=Unit.Kind.CELL)
    year, on_date = _year(request)
    data = selectors.cell_progress(cell, year, on_date)
    return render(request, template, {**data, "cell": cell})


@login_required
def progress_cell(request: HttpRequest, pk: int) -> HttpResponse:
    return _cell_progress_page(request, pk, "pledges/progress_cell.html")


@login_required
def reminder(request: HttpRequest, pk: int) -> HttpResponse:
    """A printable list of the people of a cell still without a pledge or a plan."""
    return _cell_progress_page(request, pk, "pledges/reminder.html")


# --- conduct standards and the template -----------------------------------------------------


@permission_required_for(standards, VIEW)
def standard_list(request: HttpRequest) -> HttpResponse:
    year, _on = _year(request)
    overview = selectors.standards_overview(request.user, year)
    for row in overview["rows"]:
        row["can_edit"] = standards.can_edit_unit(request.user, row["cell"])
    for row in overview["common"]:
        row["can_edit"] = standards.can_edit_unit(request.user, row["committee"])
    return render(
        request,
        "pledges/standard_list.html",
        {**overview, "year": year, "is_office": has_role(request.user, Role.OFFICE)},
    )


@permission_required_for(standards, VIEW)
def standard_edit(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = get_object_or_404(unit_policy.with_ancestors(request.user), pk=unit_pk)
    if not standards.can_edit_unit(request.user, unit) or unit.kind == Unit.Kind.SUB_COMMITTEE:
        raise PermissionDenied
    common, specific = selectors.standards_for(unit, year)
    current = specific if unit.is_cell else common
    form = StandardForm(
        request.POST or None, initial={"items": current.items if current else ""}, record=current
    )
    return form_page(
        request,
        form,
        "pledges/standard_edit.html",
        {
            "title": f"{_('Conduct standards')} {year} — {unit.name}",
            "back": _standards_of(year),
            "common": common if unit.is_cell else None,
        },
        save=lambda data: services.standard_save(unit=unit, year=year, by=request.user, **data),
        message=_("The standards have been saved."),
        to=_standards_of(year),
    )


def _standards_of(year: int) -> str:
    return f"{reverse('pledges:standard_list')}?year={year}"


def _detail(pledge: Pledge) -> str:
    return reverse("pledges:pledge_detail", args=[pledge.pk])


@permission_required_for(templates, CHANGE)
def template_edit(request: HttpRequest, year: int) -> HttpResponse:
    committee = selectors.template_committee(request.user)
    if committee is None:
        raise Http404
    form = TemplateForm(
        request.POST or None, initial={"text": selectors.template_text_raw(committee, year)}
    )
    return form_page(
        request,
        form,
        FORM_PAGE,
        {
            "title": f"{_('Pledge template')} {year} — {committee.name}",
            "back": _standards_of(year),
        },
        save=lambda data: services.template_save(
            committee=committee, year=year, by=request.user, **data
        ),
        message=_("The pledge template has been saved."),
        to=_standards_of(year),
    )
