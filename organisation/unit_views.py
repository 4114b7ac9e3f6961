"""Pages that change the unit tree over time: found, correct, rename, move, dissolve.

Only the committee office may (organisation.policies.units); each page is a form over one
service of `organisation.services.units`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.editing import Message
from core.policy import ADD, CHANGE

from . import selectors, services
from .models import Unit
from .policies import units as units_policy
from .unit_forms import UnitDissolveForm, UnitEditForm, UnitFoundForm, UnitMoveForm, UnitRenameForm
from .views import _unit_or_404, register_form_page, unit_url


def _changeable(request: HttpRequest, pk: int, action: str = CHANGE) -> Unit:
    unit = _unit_or_404(request, pk)
    units_policy.check(request.user, action, unit)
    return unit


def _unit_page(
    request: HttpRequest,
    form: BaseForm,
    unit: Unit,
    title: str,
    save: Callable[[dict[str, Any]], Unit],
    message: Message,
    **extra: Any,
) -> HttpResponse:
    """A form over one service that returns the unit it wrote; its page is where it goes."""
    return register_form_page(
        request, form, unit, title, save=save, message=message, to=unit_url, **extra
    )


@login_required
@require_http_methods(["GET", "POST"])
def unit_found(request: HttpRequest, pk: int) -> HttpResponse:
    """Found a unit under the unit `pk` (or under another parent chosen in the form)."""
    parent = _changeable(request, pk, ADD)
    parents = selectors.possible_parents(request.user)
    form = UnitFoundForm(request.POST or None, parents=parents, initial={"parent": parent})

    def save(data: dict[str, Any]) -> Unit:
        units_policy.check(request.user, ADD, data["parent"])
        return services.unit_found(user=request.user, **data)

    return _unit_page(
        request,
        form,
        parent,
        _("Found a unit under %(name)s") % {"name": parent},
        save,
        lambda unit: _("%(name)s was founded.") % {"name": unit.name},
    )


@login_required
@require_http_methods(["GET", "POST"])
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _changeable(request, pk)
    return _unit_page(
        request,
        UnitEditForm(request.POST or None, instance=copy.copy(unit)),
        unit,
        _("Correct %(name)s") % {"name": unit},
        lambda data: services.unit_update(user=request.user, unit=unit, **data),
        _("The changes were saved."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def unit_rename(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _changeable(request, pk)
    return _unit_page(
        request,
        UnitRenameForm(request.POST or None),
        unit,
        _("Rename %(name)s") % {"name": unit},
        lambda data: services.unit_rename(user=request.user, unit=unit, **data),
        _("The unit was renamed."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def unit_move(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _changeable(request, pk)
    parents = selectors.possible_parents(request.user, moving=unit)
    form = UnitMoveForm(request.POST or None, parents=parents, initial={"parent": unit.parent})

    def save(data: dict[str, Any]) -> Unit:
        units_policy.check(request.user, CHANGE, data["parent"])
        return services.unit_move(user=request.user, unit=unit, **data)

    return _unit_page(
        request,
        form,
        unit,
        _("Move %(name)s under another unit") % {"name": unit},
        save,
        _("The unit was moved."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def unit_dissolve(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _changeable(request, pk)
    form = UnitDissolveForm(
        request.POST or None,
        targets=selectors.receiving_units(request.user, unit),
        members=selectors.unit_members_now(unit),
    )

    def save(data: dict[str, Any]) -> Unit:
        services.unit_dissolve(
            user=request.user,
            unit=unit,
            on=data["on"],
            successor=data["successor"],
            destinations=form.destinations(),
        )
        return unit

    return _unit_page(
        request,
        form,
        unit,
        _("Dissolve or merge %(name)s") % {"name": unit},
        save,
        _("The unit was dissolved."),
        confirm=_("Dissolve this unit? Its members move on the date given."),
    )
