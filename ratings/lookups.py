"""The records a rating page is about, read for the views (which hold no queries).

Kept apart from `selectors.py` (figures and round rows); each lookup stays inside what the
user may see, or is reached only through an object he was already shown.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from organisation.models import Person, Unit
from organisation.policies import people
from organisation.selectors import committee_cells

from .models import Complaint, Rating, RuleSet


def unit_rating(cell: Unit, year: int) -> Rating | None:
    """The cell's own rating (as a collective) for the year."""
    return Rating.objects.filter(unit=cell, year=year).first()


def person_rating(person: Person, year: int) -> Rating | None:
    return Rating.objects.filter(person=person, year=year).first()


def rule_set_or_404(pk: int) -> RuleSet:
    return get_object_or_404(RuleSet, pk=pk)


def visible_person(user: Any, code: str) -> Person | None:
    """The person with this code if the user sees him (else None, as if there were none)."""
    return people.queryset_for(user).filter(code=code).first()


def rating_complaint(rating: Rating, pk: int) -> Complaint:
    complaint = rating.complaints.filter(pk=pk).first()
    if complaint is None:
        raise Http404
    return complaint


def decision_rows(committee: Unit, year: int, cell_code: str = "") -> QuerySet[Rating]:
    """The ratings a committee decides for the year (the cells first, then members by cell),
    of one cell when `cell_code` is given."""
    queryset = (
        Rating.objects.filter(committee=committee, year=year)
        .select_related("person", "unit", "cell")
        .order_by(F("unit").asc(nulls_first=True), "cell__path", "person__sort_key", "pk")
    )
    if cell_code:
        queryset = queryset.filter(cell__code=cell_code)
    return queryset


def cells_of(committee: Unit) -> list[Unit]:
    return list(committee_cells(committee).order_by("path"))


def rating_trail(rating: Rating) -> dict[str, list[Any]]:
    """What a rating went through: complaints, decisions and its last 50 changes."""
    return {
        "complaints": list(
            rating.complaints.select_related("lodged_by", "answered_by", "decision")
        ),
        "decisions": list(rating.decisions.select_related("decided_by")),
        "history": list(
            rating.history.select_related("history_user").order_by("-history_date")[:50]
        ),
    }
