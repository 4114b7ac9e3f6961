"""Pages of the rating round: thin, each one a selector or a service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pagination import paginate
from core.policy import VIEW, has_role
from core.roles import Role
from core.search import search
from meetings.models import Meeting
from organisation.models import Unit
from organisation.policies import units as unit_policy

from . import documents, rules, selectors, services
from .forms import (
    CapConditionForm,
    ComplaintForm,
    DecisionForm,
    RuleSetForm,
    SelfAssessmentForm,
    attach_errors,
)
from .models import LEVEL_ORDER, CapCondition, Rating, RuleSet
from .policies import COMPLAIN, DECIDE, PROPOSE, SELF_ASSESS
from .policies import caps as cap_policy
from .policies import ratings as rating_policy
from .policies import rule_sets as rule_set_policy

ROUND_ROLES = (Role.OFFICE, Role.INSPECTION, Role.SECRETARY, Role.MEMBER)


def _year(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("year") or 0)
    except ValueError:
        year = 0
    return year if 1990 <= year <= 2100 else timezone.localdate().year


def _committee(request: HttpRequest) -> Unit:
    committees = selectors.committees_visible(request.user)
    if not committees:
        raise PermissionDenied
    wanted = request.GET.get("committee")
    for committee in committees:
        if wanted and committee.code == wanted:
            return committee
    return committees[0]


def _level_labels() -> list[tuple[str, str]]:
    return [(level.value, str(level.label)) for level in LEVEL_ORDER]


# ---- the round -------------------------------------------------------------------------


@login_required
def index(request: HttpRequest) -> HttpResponse:
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
        "years": list(range(timezone.localdate().year, 2015, -1)),
        "page_obj": paginate(request, rows),
        "rule_set": rule_set,
        "stages": stages,
        "cells": cells,
        "can_decide": rating_policy.can(request.user, DECIDE),
        "is_member": bool(request.user.person_id),
    }
    return render(request, "ratings/index.html", context)


@login_required
def self_assess(request: HttpRequest, year: int) -> HttpResponse:
    """The signed-in member writes his own self-assessment for the year."""
    person = request.user.person
    if person is None or not person.party_joined_on:
        raise PermissionDenied
    rule_set = selectors.rule_set_for_year(year)
    if rule_set is None or year > timezone.localdate().year:
        raise Http404
    rating = Rating.objects.filter(person=person, year=year).first()
    if rating and rating.level:
        messages.info(request, _("The committee has already decided your rating for this year."))
        return redirect("ratings:detail", pk=rating.pk)
    initial = {}
    if rating:
        initial = {
            "self_text": rating.self_text,
            "self_score": rating.self_score,
            "self_level": rating.self_level,
            "all_tasks_done": rating.all_tasks_done,
            "all_tasks_on_time": rating.all_tasks_on_time,
            "beyond_target_percent": rating.beyond_target_percent,
        }
    form = SelfAssessmentForm(request.POST or None, initial=initial, scored=rule_set.scored)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            rating = services.rating_self_assess(
                person=person,
                year=year,
                text=data["self_text"],
                score=data.get("self_score"),
                self_level=data.get("self_level") or "",
                all_tasks_done=data.get("all_tasks_done") or False,
                all_tasks_on_time=data.get("all_tasks_on_time") or False,
                beyond_target_percent=data.get("beyond_target_percent"),
                user=request.user,
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Your self-assessment is recorded."))
            return redirect("ratings:detail", pk=rating.pk)
    pledge, plan = selectors.pledge_and_plan(person, year)
    suggestion = None
    if rule_set.scored and rating and rating.self_score is not None:
        suggestion = rules.level_from_score(
            rule_set,
            rating.self_score,
            all_tasks_done=rating.all_tasks_done,
            all_on_time=rating.all_tasks_on_time,
            beyond_target_percent=rating.beyond_target_percent,
        )
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


def _rating(request: HttpRequest, pk: int) -> Rating:
    return rating_policy.get_visible_or_404(request.user, pk=pk)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    rating = _rating(request, pk)
    rule_set = selectors.rule_set_for_year(rating.year)
    cap = selectors.cap_of(rating.person, rating.year, rule_set) if rating.person_id else None
    suggestion = None
    if rule_set and rule_set.scored and rating.self_score is not None:
        suggestion = rules.level_from_score(
            rule_set,
            rating.self_score,
            all_tasks_done=rating.all_tasks_done,
            all_on_time=rating.all_tasks_on_time,
            beyond_target_percent=rating.beyond_target_percent,
        )
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
        "complaints": list(rating.complaints.select_related("lodged_by")),
        "history": list(
            rating.history.select_related("history_user").order_by("-history_date")[:50]
        ),
        "can_decide": rating_policy.can(request.user, DECIDE, rating),
        "can_complain": rating_policy.can(request.user, COMPLAIN, rating),
        "can_self_assess": rating_policy.can(request.user, SELF_ASSESS, rating),
        "can_propose": rating_policy.can(request.user, PROPOSE, rating) and not rating.level,
    }
    return render(request, "ratings/detail.html", context)


@login_required
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    """The committee's decision on one rating, with the system's suggestion and any cap."""
    rating = _rating(request, pk)
    if not rating_policy.can(request.user, DECIDE, rating):
        raise PermissionDenied
    rule_set = selectors.rule_set_for_year(rating.year)
    cap = selectors.cap_of(rating.person, rating.year, rule_set) if rating.person_id else None
    suggestion = None
    if rule_set.scored and rating.self_score is not None:
        suggestion = rules.level_from_score(
            rule_set,
            rating.self_score,
            all_tasks_done=rating.all_tasks_done,
            all_on_time=rating.all_tasks_on_time,
            beyond_target_percent=rating.beyond_target_percent,
        )
    proposed = rating.level or rating.proposed_level or (suggestion.level if suggestion else "")
    if cap and cap.capped and proposed:
        proposed = rules.apply_cap(proposed, cap)
    initial = {"level": proposed, "score": rating.score or rating.self_score, "note": rating.note}
    form = DecisionForm(request.POST or None, initial=initial, scored=rule_set.scored)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.rating_decide(
                rating=rating,
                level=data["level"],
                score=data.get("score"),
                note=data.get("note", ""),
                user=request.user,
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The decision is recorded."))
            return redirect("ratings:detail", pk=rating.pk)
    context = {
        "rating": rating,
        "form": form,
        "rule_set": rule_set,
        "cap": cap,
        "suggestion": suggestion,
    }
    return render(request, "ratings/decide.html", context)


@login_required
def complain(request: HttpRequest, pk: int) -> HttpResponse:
    rating = _rating(request, pk)
    if not rating_policy.can(request.user, COMPLAIN, rating):
        raise PermissionDenied
    form = ComplaintForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.rating_complain(
                rating=rating, text=form.cleaned_data["text"], user=request.user
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The complaint is recorded and the decision reopened."))
            return redirect("ratings:detail", pk=rating.pk)
    return render(request, "ratings/complain.html", {"rating": rating, "form": form})


# ---- the cell's review -----------------------------------------------------------------


def _cell(request: HttpRequest, cell_pk: int) -> Unit:
    cell = unit_policy.get_visible_or_404(request.user, pk=cell_pk, kind=Unit.Kind.CELL)
    if not rating_policy.can_propose_for_cell(request.user, cell):
        raise Http404
    return cell


@login_required
def cell_review(request: HttpRequest, cell_pk: int, year: int) -> HttpResponse:
    """The cell's review at its meeting: a proposed level for each member and for the cell."""
    cell = _cell(request, cell_pk)
    rule_set = selectors.rule_set_for_year(year)
    if rule_set is None:
        raise Http404
    rows = selectors.round_rows(request.user, year, cell=cell)
    rows = [row for row in rows if row.cell.pk == cell.pk]
    unit_rating = Rating.objects.filter(unit=cell, year=year).first()
    meetings = list(
        Meeting.objects.filter(unit=cell, date__year__in=[year, year + 1]).order_by("-date")
    )
    conditions = selectors.conditions_for({row.person.pk for row in rows}, year)
    errors: list[str] = []
    values: dict[str, str] = {}
    if request.method == "POST":
        values = request.POST.dict()
        meeting = next((m for m in meetings if str(m.pk) == request.POST.get("meeting")), None)
        proposals = []
        for row in rows:
            level = request.POST.get(f"level_{row.person.pk}", "")
            if level:
                proposals.append((row.person, level, request.POST.get(f"note_{row.person.pk}", "")))
        cell_level = request.POST.get("level_cell", "")
        if cell_level:
            proposals.append((cell, cell_level, request.POST.get("note_cell", "")))
        try:
            if not proposals:
                raise ValidationError(_("Choose at least one proposed level."))
            services.ratings_propose(
                cell=cell, year=year, meeting=meeting, proposals=proposals, user=request.user
            )
        except ValidationError as error:
            errors = [str(message) for message in error.messages]
        else:
            messages.success(request, _("The cell's proposals are recorded."))
            return redirect(f"{request.path}")
    table = []
    for row in rows:
        rating = row.rating
        cap = rules.cap_for(rule_set, conditions.get(row.person.pk, []))
        suggested = ""
        if rating:
            suggested = rating.proposed_level or rating.self_level
        table.append(
            {
                "row": row,
                "cap": cap,
                "value": values.get(f"level_{row.person.pk}", suggested),
                "note": values.get(f"note_{row.person.pk}", rating.proposal_note if rating else ""),
                "locked": bool(rating and rating.level),
                "waiting": rule_set.self_assessment_required
                and not (rating and rating.self_assessed_at),
            }
        )
    context = {
        "cell": cell,
        "year": year,
        "rule_set": rule_set,
        "table": table,
        "meetings": meetings,
        "meeting_value": values.get(
            "meeting", str(unit_rating.proposal_meeting_id or "") if unit_rating else ""
        ),
        "unit_rating": unit_rating,
        "cell_value": values.get("level_cell", unit_rating.proposed_level if unit_rating else ""),
        "cell_note": values.get("note_cell", unit_rating.proposal_note if unit_rating else ""),
        "levels": _level_labels(),
        "errors": errors,
    }
    return render(request, "ratings/cell_review.html", context)


@login_required
def cell_print(request: HttpRequest, cell_pk: int, year: int, fmt: str) -> HttpResponse:
    cell = _cell(request, cell_pk)
    document = documents.cell_proposals(cell, year)
    return documents.respond(document, fmt, f"de-nghi-xep-loai-{cell.code}-{year}")


# ---- the committee's decisions ---------------------------------------------------------


@login_required
def decide_list(request: HttpRequest, year: int) -> HttpResponse:
    """The committee decides a page of members (and the cells) at once; the quota is checked
    on the counts that result."""
    if not rating_policy.can(request.user, DECIDE):
        raise PermissionDenied
    committee = _committee(request)
    queryset = (
        Rating.objects.filter(committee=committee, year=year)
        .select_related("person", "unit", "cell")
        .order_by(F("unit").asc(nulls_first=True), "cell__path", "person__sort_key", "pk")
    )
    cell_code = request.GET.get("cell", "")
    if cell_code:
        queryset = queryset.filter(cell__code=cell_code)
    queryset = search(queryset, request.GET.get("q"), "person__search_key")
    page = paginate(request, queryset)
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
        "levels": _level_labels(),
        "errors": errors,
        "quota": quota,
        "counts": [(label, counts.get(level, 0)) for level, label in _level_labels()],
        "cells": list(
            Unit.objects.filter(path__startswith=committee.path, kind=Unit.Kind.CELL).order_by(
                "path"
            )
        ),
        "cell_code": cell_code,
    }
    return render(request, "ratings/decide_list.html", context)


@login_required
def decision_print(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    if not (rating_policy.can(request.user, DECIDE) or has_role(request.user, Role.INSPECTION)):
        raise PermissionDenied
    committee = _committee(request)
    document = documents.committee_decisions(committee, year)
    return documents.respond(document, fmt, f"quyet-dinh-xep-loai-{committee.code}-{year}")


@login_required
def progress(request: HttpRequest) -> HttpResponse:
    """Progress of the round and the committee-wide summary by level."""
    if not has_role(request.user, Role.OFFICE, Role.INSPECTION, Role.SECRETARY):
        raise PermissionDenied
    year = _year(request)
    state = selectors.progress(request.user, year)
    committees = selectors.committees_visible(request.user)
    summary = selectors.summary(_committee(request), year) if committees else None
    context = {
        "year": year,
        "years": list(range(timezone.localdate().year, 2015, -1)),
        "state": state,
        "summary": summary,
        "levels": _level_labels(),
        "not_self_page": paginate(request, state.not_self_assessed),
    }
    return render(request, "ratings/progress.html", context)


# ---- rule sets -------------------------------------------------------------------------


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
    rule_set = get_object_or_404(RuleSet, pk=pk) if pk else None
    locked = bool(rule_set and rule_set.pk in selectors.rule_sets_in_use())
    form = RuleSetForm(request.POST or None, instance=rule_set)
    if request.method == "POST" and form.is_valid():
        try:
            services.rule_set_save(rule_set=form.instance, user=request.user)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The rule set is saved."))
            return redirect("ratings:rule_sets")
    return render(
        request,
        "ratings/rule_set_form.html",
        {"form": form, "rule_set": rule_set, "locked": locked},
    )


# ---- capping conditions ----------------------------------------------------------------


@login_required
def cap_list(request: HttpRequest) -> HttpResponse:
    if not cap_policy.can(request.user, VIEW):
        raise PermissionDenied
    queryset = cap_policy.visible_to(request.user).select_related("person", "recorded_by")
    queryset = search(queryset, request.GET.get("q"), "person__search_key")
    context = {
        "page_obj": paginate(request, queryset),
        "can_change": cap_policy.can(request.user, "change"),
    }
    return render(request, "ratings/caps.html", context)


@login_required
def cap_add(request: HttpRequest) -> HttpResponse:
    if not cap_policy.can(request.user, "change"):
        raise PermissionDenied
    form = CapConditionForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        from organisation.policies import people

        person = (
            people.visible_to(request.user).filter(code=form.cleaned_data["person_code"]).first()
        )
        if person is None:
            form.add_error("person_code", _("No person with this code in your committee."))
        else:
            data = form.cleaned_data
            try:
                services.cap_condition_record(
                    person=person,
                    year=data["year"],
                    kind=data["kind"],
                    source=data["source"],
                    self_fixed=data["self_fixed"],
                    note=data["note"],
                    user=request.user,
                )
            except ValidationError as error:
                attach_errors(form, error)
            else:
                messages.success(request, _("The capping condition is recorded."))
                return redirect("ratings:caps")
    return render(request, "ratings/cap_form.html", {"form": form})


@login_required
@require_POST
def cap_delete(request: HttpRequest, pk: int) -> HttpResponse:
    condition: CapCondition = cap_policy.get_visible_or_404(request.user, pk=pk)
    if not cap_policy.can(request.user, "change", condition):
        raise PermissionDenied
    services.cap_condition_delete(condition=condition, user=request.user)
    messages.success(request, _("The capping condition is deleted."))
    return redirect("ratings:caps")
