"""Adding and editing rule sets: without code, and never under ratings already judged."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.policy import CHANGE
from core.services import check_permission, save_as

from .. import rules, selectors
from ..models import RuleSet


@transaction.atomic
def rule_set_save(*, rule_set: RuleSet, user: Any) -> RuleSet:
    """Add or edit a rule set. One that decided ratings were judged by cannot change, and an
    edit may not move a decided year to other rules; the years of rule sets may not overlap."""
    check_permission(user, CHANGE, rule_set)
    sets = list(RuleSet.objects.select_for_update().order_by("first_year"))
    others = [existing for existing in sets if existing.pk != rule_set.pk]
    if rule_set.pk and rule_set.pk in selectors.rule_sets_in_use(sets):
        raise ValidationError(
            _(
                "This rule set has been used for decided ratings "
                "and can no longer be changed; add a new one instead."
            )
        )
    if rule_set.last_year is not None and rule_set.last_year < rule_set.first_year:
        raise ValidationError({"last_year": _("The last year comes after the first.")})
    for other in others:
        end = other.last_year if other.last_year is not None else 9999
        mine_end = rule_set.last_year if rule_set.last_year is not None else 9999
        if rule_set.first_year <= end and other.first_year <= mine_end:
            raise ValidationError(
                {
                    "first_year": _("The years overlap those of “%(other)s” (%(years)s).")
                    % {"other": other.name, "years": other.years_label}
                }
            )
    if rule_set.scored:
        thresholds = [
            rule_set.excellent_min_score,
            rule_set.good_min_score,
            rule_set.complete_min_score,
        ]
        if any(value is None for value in thresholds):
            raise ValidationError(
                {"excellent_min_score": _("A scored rule set needs the three lowest scores.")}
            )
        if not (thresholds[0] > thresholds[1] > thresholds[2]):
            raise ValidationError(
                {
                    "excellent_min_score": _(
                        "The lowest scores must go down from excellent to completed."
                    )
                }
            )
    used_before: dict[int, int | None] = {}  # decided year → the rules it was judged by
    for year in selectors.decided_years():
        used = selectors.rule_set_for_year(year, sets)
        used_before[year] = used.pk if used else None
    after = [*others, rule_set]
    for year, pk in used_before.items():
        mapped = rules.rule_set_for(year, after)
        if mapped is None or (mapped.pk != pk):
            raise ValidationError(
                {
                    "first_year": _(
                        "These years would judge %(year)s, already decided, by other rules."
                    )
                    % {"year": year}
                }
            )
    return save_as(rule_set, user)
