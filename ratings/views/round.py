"""The round of a year: the list, a member's self-assessment, one rating, its decision and
complaints, and the progress."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.editing import save_form
from core.http import AuthenticatedRequest
from core.listing import render_listing
from core.pagination import paginate
from core.policy import has_role
from core.roles import Role

from .. import conditions, lookups, overview, rules, selectors, services
from ..columns import ROUND_COLUMNS
from ..forms import DecisionForm, SelfAssessmentForm
from ..policies import COMPLAIN, DECIDE, PROPOSE, SELF_ASSESS
from ..policies import ratings as rating_policy
from .common import (
    ROUND_ROLES,
    _committee,
    _detail_url,
    _level_labels,
    _rating,
    _suggestion,
    _year,
    _years,
)


@login_required
def index(request: AuthenticatedRequest) -> HttpResponse:
    """The round of a year: every member the user may see, and where his rating stands."""
    if not has_role(request.user, *ROUND_ROLES):
        raise PermissionDenied
    year = _year(request)
    rows = selectors.round_rows(request.user, year, text=request.GET.get("q", ""))
    rule_set = selectors.rule_set_for_year(year)
    stages = {"none": 0, "self_assessed": 0, "proposed": 0, "decided": 0}
    for row in rows:
        stages[row.stage] += 1
    cells = list(selectors.visible_cells(request.user).order_by("path"))
    context = {
        "year": year,
        "years": _years(),
        "rule_set": rule_set,
        "stages": stages,
        "cells": cells,
        "can_decide": rating_policy.can(request.user, DECIDE),
        "can_review": has_role(request.user, Role.OFFICE, Role.SECRETARY),
        "is_member": bool(request.user.person_id),
    }
    filename = f"xep-loai-{year}"
    return render_listing(
        request, "ratings/index.html", rows, ROUND_COLUMNS, context, filename=filename
    )


#: What the self-assessment page starts from when the member has already written one.
SELF_ASSESSMENT_INITIAL = [
    "self_text",
    "self_score",
    "self_level",
    "all_tasks_done",
    "all_tasks_on_time",
    "beyond_target_percent",
    "shortcomings_fixed",
]


@login_required
def self_assess(request: AuthenticatedRequest, year: int) -> HttpResponse:
    """The signed-in member writes his own self-assessment for the year."""
    person = request.user.person
    if person is None or not person.party_joined_on:
        raise PermissionDenied
    rule_set = selectors.rule_set_for_year(year)
    if rule_set is None or year > timezone.localdate().year:
        raise Http404
    rating = lookups.person_rating(person, year)
    if rating and rating.level:
        messages.info(request, _("The committee has already decided your rating for this year."))
        return redirect("ratings:detail", pk=rating.pk)
    initial = {}
    if rating:
        initial = {name: getattr(rating, name) for name in SELF_ASSESSMENT_INITIAL}
    form = SelfAssessmentForm(
        request.POST or None, initial=initial, scored=rule_set.scored, record=rating
    )
    done = save_form(
        request,
        form,
        lambda data: services.rating_self_assess(
            person=person,
            year=year,
            text=data["self_text"],
            score=data.get("self_score"),
            self_level=data.get("self_level") or "",
            all_tasks_done=data.get("all_tasks_done") or False,
            all_tasks_on_time=data.get("all_tasks_on_time") or False,
            beyond_target_percent=data.get("beyond_target_percent"),
            shortcomings_fixed=data.get("shortcomings_fixed") or False,
            user=request.user,
        ),
        message=_("Your self-assessment is recorded."),
        to=_detail_url,
    )
    if done is not None:
        return done
    pledge, plan = selectors.pledge_and_plan(person, year)
    suggestion = _suggestion(rule_set, rating)
    context = {
        "form": form,
        "year": year,
        "person": person,
        "rule_set": rule_set,
        "pledge": pledge,
        "plan": plan,
        "suggestion": suggestion,
    }
    return render(request, "ratings/self_assess.html", context)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    rating = _rating(request, pk)
    rule_set = selectors.rule_set_for_year(rating.year)
    cap = None
    if rating.person_id and rule_set is not None:
        cap = selectors.cap_of(rating.person, rating.year, rule_set)
    suggestion = _suggestion(rule_set, rating)
    pledge, plan = (None, None)
    if rating.person_id:
        pledge, plan = selectors.pledge_and_plan(rating.person, rating.year)
    context = {
        "rating": rating,
        "rule_set": rule_set,
        "cap": cap,
        "suggestion": suggestion,
        "pledge": pledge,
        "plan": plan,
        **lookups.rating_trail(rating),
        "level_name": rules.level_name(rule_set, rating.level, unit=rating.unit_id is not None),
        "can_decide": rating_policy.can(request.user, DECIDE, rating) and not rating.level,
        "can_answer": rating_policy.can(request.user, DECIDE, rating),
        "can_complain": rating_policy.can(request.user, COMPLAIN, rating),
        "can_self_assess": rating_policy.can(request.user, SELF_ASSESS, rating),
        "can_propose": rating_policy.can(request.user, PROPOSE, rating) and not rating.level,
    }
    return render(request, "ratings/detail.html", context)


@login_required
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    """The committee's decision on one rating, with the system's suggestion and any cap."""
    rating = _rating(request, pk)
    rating_policy.check(request.user, DECIDE, rating)
    rule_set = selectors.rule_set_for_year(rating.year)
    if rule_set is None:
        raise Http404  # no rules for the year: nothing to decide by
    cap = selectors.cap_of(rating.person, rating.year, rule_set) if rating.person_id else None
    suggestion = _suggestion(rule_set, rating)
    proposed = rating.level or rating.proposed_level or (suggestion.level if suggestion else "")
    if cap and cap.capped and proposed:
        proposed = rules.apply_cap(proposed, cap)
    initial = {"level": proposed, "score": rating.score or rating.self_score, "note": rating.note}
    form = DecisionForm(
        request.POST or None, initial=initial, scored=rule_set.scored, record=rating
    )
    done = save_form(
        request,
        form,
        lambda data: services.rating_decide(
            rating=rating,
            level=data["level"],
            score=data.get("score"),
            note=data.get("note", ""),
            user=request.user,
        ),
        message=_("The decision is recorded."),
        to=_detail_url(rating),
    )
    if done is not None:
        return done
    unit_blocks = []
    if rating.unit_id:
        blocks = rules.unit_blocks(
            rule_set, conditions.unit_facts(rating.unit, rating.year, rule_set)
        )
        unit_blocks = [
            (label, blocks[level]) for level, label in _level_labels() if level in blocks
        ]
    context = {
        "rating": rating,
        "form": form,
        "rule_set": rule_set,
        "cap": cap,
        "suggestion": suggestion,
        "unit_blocks": unit_blocks,
    }
    return render(request, "ratings/decide.html", context)


@login_required
def progress(request: HttpRequest) -> HttpResponse:
    """Progress of the round and the committee-wide summary by level."""
    if not has_role(request.user, Role.OFFICE, Role.INSPECTION, Role.SECRETARY):
        raise PermissionDenied
    year = _year(request)
    state = overview.progress(request.user, year)
    committees = selectors.committees_visible(request.user)
    summary = overview.summary(_committee(request), year) if committees else None
    context = {
        "year": year,
        "years": _years(),
        "state": state,
        "summary": summary,
        "levels": _level_labels(),
        "not_self_page": paginate(request, state.not_self_assessed),
        # The commission follows the round but does not review cells: no link it cannot open.
        "can_review": has_role(request.user, Role.OFFICE, Role.SECRETARY),
    }
    return render(request, "ratings/progress.html", context)
