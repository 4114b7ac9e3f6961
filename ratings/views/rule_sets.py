"""The yearly rule sets: the list and the form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.concurrency import unchanged
from core.forms import form_errors
from core.policy import VIEW

from .. import lookups, selectors, services
from ..forms import (
    RuleSetForm,
)
from ..policies import rule_sets as rule_set_policy


@login_required
def rule_set_list(request: HttpRequest) -> HttpResponse:
    if not rule_set_policy.can(request.user, VIEW):
        raise PermissionDenied
    sets = selectors.rule_sets()
    used = selectors.rule_sets_in_use(sets)
    context = {
        "rule_sets": [(rule_set, rule_set.pk in used) for rule_set in sets],
        "can_change": rule_set_policy.can(request.user, "change"),
    }
    return render(request, "ratings/rule_sets.html", context)


@login_required
def rule_set_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if not rule_set_policy.can(request.user, "change"):
        raise PermissionDenied
    rule_set = lookups.rule_set_or_404(pk) if pk else None
    locked = bool(rule_set and rule_set.pk in selectors.rule_sets_in_use())
    form = RuleSetForm(request.POST or None, instance=rule_set)
    if request.method == "POST" and form.is_valid():
        try:
            with unchanged(form):
                services.rule_set_save(rule_set=form.instance, user=request.user)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The rule set is saved."))
            return redirect("ratings:rule_sets")
    return render(
        request,
        "ratings/rule_set_form.html",
        {"form": form, "rule_set": rule_set, "locked": locked},
    )
