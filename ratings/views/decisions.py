"""The committee's decisions: a page of ratings decided at once, and the printed decision."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.listing import listing
from core.policy import has_role
from core.roles import Role
from core.search import search
from exporters import views as print_views

from .. import documents, lookups, rules, selectors, services
from ..columns import DECISION_COLUMNS
from ..policies import DECIDE
from ..policies import ratings as rating_policy
from .common import _committee, _level_labels


@login_required
def decide_list(request: HttpRequest, year: int) -> HttpResponse:
    """The committee decides a page of members (and the cells) at once; the quota is checked
    on the counts that result."""
    rating_policy.check(request.user, DECIDE)
    committee = _committee(request)
    cell_code = request.GET.get("cell", "")
    queryset = lookups.decision_rows(committee, year, cell_code)
    queryset = search(queryset, request.GET.get("q"), "person__search_key")
    listed = listing(request, queryset, DECISION_COLUMNS, filename=f"quyet-dinh-xep-loai-{year}")
    if isinstance(listed, HttpResponse):
        return listed
    page = listed.page_obj
    ratings = list(page.object_list)
    rule_set = selectors.rule_set_for_year(year)
    errors: list[str] = []
    values: dict[str, str] = {}
    if request.method == "POST":
        values = request.POST.dict()
        decisions = []
        for rating in ratings:
            level = request.POST.get(f"level_{rating.pk}", "")
            if level and level != rating.level:
                decisions.append(services.Decision(rating, level))
        try:
            saved = services.ratings_decide(decisions=decisions, user=request.user)
        except ValidationError as error:
            errors = [str(message) for message in error.messages]
        else:
            messages.success(request, _("%(count)s decisions recorded.") % {"count": len(saved)})
            return redirect(request.get_full_path())
    counts = selectors.decided_counts(committee, year)
    quota = rules.quota_check(rule_set, counts) if rule_set else None
    rows = [
        {
            "rating": rating,
            "value": values.get(f"level_{rating.pk}", rating.level or rating.proposed_level),
        }
        for rating in ratings
    ]
    context = {
        "committee": committee,
        "year": year,
        "rule_set": rule_set,
        "rows": rows,
        "page_obj": page,
        "listing": listed,
        "levels": _level_labels(),
        "errors": errors,
        "quota": quota,
        "counts": [(label, counts.get(level, 0)) for level, label in _level_labels()],
        "cells": lookups.cells_of(committee),
        "cell_code": cell_code,
    }
    return render(request, "ratings/decide_list.html", context)


@login_required
@require_POST
def decision_print(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    """The decision list is long (84 pages for a large committee): printed in the background."""
    if not (rating_policy.can(request.user, DECIDE) or has_role(request.user, Role.INSPECTION)):
        raise PermissionDenied
    committee = _committee(request)
    params = {"committee": committee.pk, "year": year}
    return print_views.start(request, documents.DECISIONS.identifier, params, fmt)


@login_required
@require_POST
def accept_proposals(request: HttpRequest, year: int) -> HttpResponse:
    """The office accepts the cells' proposals in one step: one cell's, or every cell's."""
    rating_policy.check(request.user, DECIDE)
    committee = _committee(request)
    cell_code = request.POST.get("cell", "")
    try:
        saved = services.accept_proposals(
            committee=committee, year=year, user=request.user, cell_code=cell_code
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(count)s decisions recorded.") % {"count": len(saved)})
    query = f"?{urlencode({'cell': cell_code})}" if cell_code else ""
    return redirect(reverse("ratings:decide_list", args=[year]) + query)
