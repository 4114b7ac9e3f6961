"""Helpers the rating pages share: the year and committee asked for, the objects a page is about."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone

from core.roles import Role
from organisation.models import Unit
from organisation.policies import units as unit_policy

from .. import rules, selectors
from ..models import LEVEL_ORDER, Rating, RuleSet
from ..policies import ratings as rating_policy

ROUND_ROLES = (Role.OFFICE, Role.INSPECTION, Role.SECRETARY, Role.MEMBER)


def _year(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("year") or 0)
    except ValueError:
        year = 0
    return year if 1990 <= year <= 2100 else timezone.localdate().year


def _years() -> list[int]:
    """The years a round page offers, newest first."""
    return list(range(timezone.localdate().year, 2015, -1))


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


def _rating(request: HttpRequest, pk: int) -> Rating:
    return rating_policy.get_visible_or_404(request.user, pk=pk)


def _cell(request: HttpRequest, cell_pk: int) -> Unit:
    """A cell whose ratings the user reads: its secretary, the office and the inspection
    commission (which sees everything); proposing is checked separately."""
    cell = unit_policy.get_visible_or_404(request.user, pk=cell_pk, kind=Unit.Kind.CELL)
    if not rating_policy.can_read_cell(request.user, cell):
        raise Http404
    return cell


def _suggestion(rule_set: RuleSet | None, rating: Rating | None) -> rules.Suggestion | None:
    """The level the rule set gives for the member's own score, if it is scored and he gave one."""
    if rule_set is None or not rule_set.scored or rating is None or rating.self_score is None:
        return None
    return rules.level_from_score(
        rule_set,
        rating.self_score,
        all_tasks_done=rating.all_tasks_done,
        all_on_time=rating.all_tasks_on_time,
        beyond_target_percent=rating.beyond_target_percent,
        shortcomings_fixed=rating.shortcomings_fixed,
    )


def _detail_url(rating: Rating) -> str:
    return reverse("ratings:detail", args=[rating.pk])
