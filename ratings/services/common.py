"""Checks every step of the rating round shares: the year's rule set, a level, a score, the
caps, the quota, the agreement with the score, the conditions on a cell; and the one writer
of a level, which keeps a decision record for every change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.services import actor, save_as, stamp
from organisation.models import Unit

from .. import conditions, rules, selectors
from ..models import Level, Rating, RatingDecision, RuleSet

LEVELS = {choice.value for choice in Level}


def rule_set_of(year: int) -> RuleSet:
    rule_set = selectors.rule_set_for_year(year)
    if rule_set is None:
        raise ValidationError(_("No rule set covers the year %(year)s.") % {"year": year})
    return rule_set


def check_level(level: str, field: str = "level") -> None:
    if level not in LEVELS:
        raise ValidationError(
            {
                field: _(
                    "“%(level)s” is not a level; use one of: Hoàn thành xuất sắc nhiệm vụ, "
                    "Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ."
                )
                % {"level": level}
            }
        )


def check_score(rule_set: RuleSet, score: Decimal | None, field: str = "score") -> None:
    """A score only under a rule set that scores, and only from 0 to 100."""
    if score is None:
        return
    if not rule_set.scored:
        raise ValidationError(
            {
                field: _("The rules of %(rules)s do not score on 100 points: leave it blank.")
                % {"rules": rule_set.name}
            }
        )
    if score < 0 or score > 100:
        raise ValidationError({field: _("A score lies between 0 and 100.")})


def subject_label(rating: Rating) -> str:
    return str(rating.subject)


def check_cap(rating: Rating, rule_set: RuleSet, level: str) -> rules.Cap | None:
    if rating.person is None:
        return None
    cap = selectors.cap_of(rating.person, rating.year, rule_set)
    if rules.exceeds_cap(level, cap):
        raise ValidationError(
            {"level": f"{subject_label(rating)}: {rules.cap_message(cap, rule_set)}"}
        )
    return cap


def check_level_allowed(
    rating: Rating, rule_set: RuleSet, level: str, score: Decimal | None = None
) -> None:
    """Everything that may block a decided level for this subject, whatever the step:
    the caps, the agreement with the score (QĐ 366), the conditions on a cell."""
    cap = check_cap(rating, rule_set, level)
    if rating.person_id is not None:
        facts = rules.Facts(
            score=score if score is not None else (rating.score or rating.self_score),
            all_tasks_done=rating.all_tasks_done,
            all_on_time=rating.all_tasks_on_time,
            beyond_target_percent=rating.beyond_target_percent,
            shortcomings_fixed=rating.shortcomings_fixed,
        )
        message = rules.score_mismatch(rule_set, level, facts, cap)
        if message:
            raise ValidationError({"level": f"{subject_label(rating)}: {message}"})
        return
    unit = cast(Unit, rating.unit)  # a rating without a person is a unit's
    blocks = rules.unit_blocks(rule_set, conditions.unit_facts(unit, rating.year, rule_set))
    if blocks.get(level):
        raise ValidationError({"level": f"{subject_label(rating)}: " + " ".join(blocks[level])})


@dataclass
class Decision:
    rating: Rating
    level: str
    score: Decimal | None = None
    note: str | None = None


def quota_guard(
    committee: Unit, year: int, rule_set: RuleSet, decisions: Sequence[Decision]
) -> None:
    """Refuse decisions that would break the quota, saying the limit and the counts."""
    for persons in (True, False):
        relevant = [d for d in decisions if (d.rating.person_id is not None) == persons]
        if not relevant:
            continue
        before = selectors.decided_counts(committee, year, persons=persons)
        after = dict(before)
        for decision in relevant:
            old = decision.rating.level
            if old:
                after[old] = after.get(old, 0) - 1
            after[decision.level] = after.get(decision.level, 0) + 1
        check_before = rules.quota_check(rule_set, before)
        check_after = rules.quota_check(rule_set, after)
        if rules.quota_worsens(check_before, check_after):
            prefix = _("Members") if persons else _("Party organisations")
            message = rules.quota_message(rule_set, check_after, check_before)
            raise ValidationError({"level": f"{prefix}, {year}: {message}"})


def lock_committee_year(committee: Unit, year: int) -> None:
    """Two offices deciding at once must not both pass the quota check."""
    list(Rating.objects.select_for_update().filter(committee=committee, year=year).values("pk"))


def set_level(
    rating: Rating,
    level: str,
    *,
    user: Any,
    kind: str,
    number: str = "",
    date: dt.date | None = None,
    reason: str = "",
) -> RatingDecision:
    """The one place a decided level is written: the rating and its decision record."""
    record = RatingDecision(
        rating=rating,
        kind=kind,
        level=level,
        previous_level=rating.level,
        number=number.strip(),
        date=date,
        reason=reason.strip(),
        decided_by=actor(user),
    )
    record.full_clean()
    rating.level = level
    save_as(stamp(rating, user, "decided"), user)
    stamp(record, user, "decided").save()
    return record
