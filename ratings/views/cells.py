"""The cell's review at its meeting: the proposed levels, and their printed record."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from exporters import views as print_views
from organisation.models import Person, Unit

from .. import conditions, documents, lookups, rules, selectors, services
from ..policies import ratings as rating_policy
from .common import _cell, _level_labels


@login_required
def cell_review(request: HttpRequest, cell_pk: int, year: int) -> HttpResponse:
    """The cell's review at its meeting: a proposed level for each member and for the cell."""
    cell = _cell(request, cell_pk)
    rule_set = selectors.rule_set_for_year(year)
    if rule_set is None:
        raise Http404
    rows = selectors.round_rows(request.user, year, cell=cell)
    rows = [row for row in rows if row.cell.pk == cell.pk]
    unit_rating = lookups.unit_rating(cell, year)
    choices = conditions.review_meetings(cell, year, rule_set)
    meetings = [choice["meeting"] for choice in choices]
    caps_by_person = selectors.conditions_for({row.person.pk for row in rows}, year)
    blocks = rules.unit_blocks(rule_set, conditions.unit_facts(cell, year, rule_set))
    errors: list[str] = []
    values: dict[str, str] = {}
    can_propose = rating_policy.can_propose_for_cell(request.user, cell)
    if request.method == "POST" and not can_propose:
        raise PermissionDenied
    if request.method == "POST":
        values = request.POST.dict()
        meeting = next((m for m in meetings if str(m.pk) == request.POST.get("meeting")), None)
        proposals: list[tuple[Person | Unit, str, str]] = []
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
        cap = rules.cap_for(rule_set, caps_by_person.get(row.person.pk, []))
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
        "meetings": choices,
        "window": conditions.review_window(rule_set, year),
        "cell_blocks": [
            (label, blocks[level]) for level, label in _level_labels() if level in blocks
        ],
        "meeting_value": values.get(
            "meeting", str(unit_rating.proposal_meeting_id or "") if unit_rating else ""
        ),
        "unit_rating": unit_rating,
        "cell_value": values.get("level_cell", unit_rating.proposed_level if unit_rating else ""),
        "cell_note": values.get("note_cell", unit_rating.proposal_note if unit_rating else ""),
        "levels": _level_labels(),
        "errors": errors,
        "can_propose": can_propose,
    }
    return render(request, "ratings/cell_review.html", context)


@login_required
@require_POST
def cell_print(request: HttpRequest, cell_pk: int, year: int, fmt: str) -> HttpResponse:
    """A cell's list of proposals grows with the cell: printed in the background."""
    cell = _cell(request, cell_pk)
    params = {"cell": cell.pk, "year": year}
    return print_views.start(request, documents.CELL_PROPOSALS.identifier, params, fmt)
