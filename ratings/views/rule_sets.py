"""The yearly rule sets: the list and the form."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from core.editing import form_page
from core.listing import matching, render_listing
from core.policy import VIEW, permission_required_for

from .. import lookups, selectors, services
from ..columns import RULE_SET_COLUMNS
from ..forms import (
    RuleSetForm,
)
from ..policies import rule_sets as rule_set_policy


@permission_required_for(rule_set_policy, VIEW)
def rule_set_list(request: HttpRequest) -> HttpResponse:
    sets = selectors.rule_sets()
    used = selectors.rule_sets_in_use(sets)
    sets = matching(sets, request.GET.get("q"), lambda s: f"{s.name} {s.documents}")
    context = {"can_change": rule_set_policy.can(request.user, "change"), "in_use": used}
    return render_listing(
        request, "ratings/rule_sets.html", sets, RULE_SET_COLUMNS, context, filename="bo-quy-tac"
    )


@login_required
def rule_set_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    rule_set_policy.check(request.user, "change")
    rule_set = lookups.rule_set_or_404(pk) if pk else None
    locked = bool(rule_set and rule_set.pk in selectors.rule_sets_in_use())
    form = RuleSetForm(request.POST or None, instance=rule_set)
    return form_page(
        request,
        form,
        "ratings/rule_set_form.html",
        {"rule_set": rule_set, "locked": locked},
        save=lambda data: services.rule_set_save(rule_set=form.instance, user=request.user),
        message=_("The rule set is saved."),
        to=reverse("ratings:rule_sets"),
    )
