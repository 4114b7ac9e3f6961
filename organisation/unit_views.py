"""Pages that change the unit tree over time: found, correct, rename, move, dissolve.

Only the committee office may (organisation.policies.units); each page is a form over one
service of `organisation.services.units`.
"""

from __future__ import annotations

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.forms import form_errors
from core.policy import ADD, CHANGE

from . import selectors, services
from .policies import units as units_policy
from .unit_forms import UnitDissolveForm, UnitEditForm, UnitFoundForm, UnitMoveForm, UnitRenameForm
from .views import _unit_or_404


def _changeable(request: HttpRequest, pk: int, action: str = CHANGE):
    unit = _unit_or_404(request, pk)
    units_policy.check(request.user, action, unit)
    return unit


def _page(request: HttpRequest, form, unit, title: str, **extra) -> HttpResponse:
    return render(
        request,
        "organisation/unit_form.html",
        {"form": form, "unit": unit, "title": title, **extra},
    )


def _saved(request: HttpRequest, form, write, done: str) -> HttpResponse | None:
    """Run the service `write()`; on success say `done` and go to the unit's page, on refusal
    put its reasons next to the form's fields (None: show the form again)."""
    try:
        unit = write()
    except ValidationError as error:
        form_errors(form, error)
        return None
    messages.success(request, done)
    return redirect("organisation:unit", pk=unit.pk)


@login_required
@require_http_methods(["GET", "POST"])
def unit_found(request: HttpRequest, pk: int) -> HttpResponse:
    """Found a unit under the unit `pk` (or under another parent chosen in the form)."""
    parent = _changeable(request, pk, ADD)
    parents = selectors.possible_parents(request.user)
    form = UnitFoundForm(request.POST or None, parents=parents, initial={"parent": parent})
    if request.method == "POST" and form.is_valid():
        units_policy.check(request.user, ADD, form.cleaned_data["parent"])
        try:
            unit = services.unit_found(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("%(name)s was founded.") % {"name": unit.name})
            return redirect("organisation:unit", pk=unit.pk)
    return _page(request, form, parent, _("Found a unit under %(name)s") % {"name": parent})


@login_required
@require_http_methods(["GET", "POST"])
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _changeable(request, pk)
    form = UnitEditForm(request.POST or None, instance=copy.copy(unit))
    if request.method == "POST" and form.is_valid():
        done = _saved(
            request,
            form,
            lambda: services.unit_update(user=request.user, unit=unit, **form.cleaned_data),
            _("The changes were saved."),
        )
        if done:
            return done
    return _page(request, form, unit, _("Correct %(name)s") % {"name": unit})


@login_required
@require_http_methods(["GET", "POST"])
def unit_rename(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _changeable(request, pk)
    form = UnitRenameForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = _saved(
            request,
            form,
            lambda: services.unit_rename(user=request.user, unit=unit, **form.cleaned_data),
            _("The unit was renamed."),
        )
        if done:
            return done
    return _page(request, form, unit, _("Rename %(name)s") % {"name": unit})


@login_required
@require_http_methods(["GET", "POST"])
def unit_move(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _changeable(request, pk)
    parents = selectors.possible_parents(request.user, moving=unit)
    form = UnitMoveForm(request.POST or None, parents=parents, initial={"parent": unit.parent})
    if request.method == "POST" and form.is_valid():
        units_policy.check(request.user, CHANGE, form.cleaned_data["parent"])
        done = _saved(
            request,
            form,
            lambda: services.unit_move(user=request.user, unit=unit, **form.cleaned_data),
            _("The unit was moved."),
        )
        if done:
            return done
    return _page(request, form, unit, _("Move %(name)s under another unit") % {"name": unit})


@login_required
@require_http_methods(["GET", "POST"])
def unit_dissolve(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _changeable(request, pk)
    form = UnitDissolveForm(
        request.POST or None,
        targets=selectors.receiving_units(request.user, unit),
        members=selectors.unit_members_now(unit),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_dissolve(
                user=request.user,
                unit=unit,
                on=form.cleaned_data["on"],
                successor=form.cleaned_data["successor"],
                destinations=form.destinations(),
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The unit was dissolved."))
            return redirect("organisation:unit", pk=unit.pk)
    return _page(
        request,
        form,
        unit,
        _("Dissolve or merge %(name)s") % {"name": unit},
        confirm=_("Dissolve this unit? Its members move on the date given."),
    )
