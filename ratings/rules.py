"""The rating rules, evaluated in one place: which rule set, the level from a score, the quota,
the caps.

Everything here is a pure function of a rule set (a `RuleSet` row, or anything with the same
attributes) and plain values, so that each rule set can be unit-tested without a database and
the services, the importer and the pages all judge a year the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from django.utils.translation import gettext as _

from .models import LEVEL_ORDER, Level


class RuleSetLike(Protocol):
    first_year: int
    last_year: int | None
    scored: bool
    excellent_min_score: Decimal | None
    good_min_score: Decimal | None
    complete_min_score: Decimal | None
    excellent_beyond_target_percent: Decimal | None
    quota_percent: Decimal | None
    quota_base: str
    self_fixed_exempt: bool
    good_needs_on_time: bool
    excellent_needs_shortcomings_fixed: bool
    decision_follows_score: bool
    job_rating_caps: bool
    unit_after_members: bool
    unit_excellent_no_disciplined: bool
    level_names: str
    unit_level_names: str
    citations: dict[str, str]
    name: str


def rule_set_for(year: int, rule_sets: Iterable[Any]) -> Any | None:
    """The rule set covering `year`; before the first one, the earliest (the preloaded sets
    start with Hướng dẫn 27-HD/BTCTW of 2014)."""
    ordered = sorted(rule_sets, key=lambda rule_set: rule_set.first_year)
    for rule_set in ordered:
        if rule_set.first_year <= year and (
            rule_set.last_year is None or year <= rule_set.last_year
        ):
            return rule_set
    if ordered and year < ordered[0].first_year:
        return ordered[0]
    return None


def rank(level: str) -> int:
    """0 for excellent … 3 for not complete; lower is better."""
    return LEVEL_ORDER.index(Level(level))


def worse(first: str, second: str | None) -> str:
    """The lower of two levels (a blank second one changes nothing)."""
    if not second:
        return first
    return first if rank(first) >= rank(second) else second


def cite(rule_set: Any, key: str) -> str:
    """Where a rule of the rule set comes from: its citation, else the rule set's name."""
    citations = getattr(rule_set, "citations", None) or {}
    return citations.get(key) or rule_set.name


def refusal(rule_set: Any, key: str, text: str) -> str:
    """A refusal that names the rule and the regulation that blocks the step."""
    return _("%(text)s (rule: %(citation)s)") % {"text": text, "citation": cite(rule_set, key)}


def level_name(rule_set: Any, level: str, *, unit: bool = False) -> str:
    """The name the rule set itself gave the level (before 2018 the names differed; the
    report maps them onto today's four by their order)."""
    names = (rule_set.unit_level_names if unit else rule_set.level_names) if rule_set else ""
    lines = [line.strip() for line in (names or "").splitlines() if line.strip()]
    if len(lines) == len(LEVEL_ORDER) and level:
        return lines[rank(level)]
    return str(Level(level).label) if level else ""


# ---- level from score (scored rule sets) -----------------------------------------------


@dataclass
class Suggestion:
    level: str
    reasons: list[str]


def _number(value: Decimal | float | int | None) -> str:
    if value is None:
        return ""
    value = Decimal(value)
    text = f"{value.normalize():f}" if value == value.to_integral() else f"{value:.2f}"
    return text.replace(".", ",")


def level_from_score(
    rule_set: RuleSetLike,
    score: Decimal | float | int,
    *,
    all_tasks_done: bool,
    all_on_time: bool,
    beyond_target_percent: Decimal | float | int | None,
    shortcomings_fixed: bool = True,
) -> Suggestion:
    """The level a scored rule set gives for a score and the task conditions, with the reasons.

    2025 (Quy định 366): HTXSNV ≥ 90 with every task done on time, ≥ 30% beyond target and
    every shortcoming fixed; HTTNV 70–<90 with every task done on time; HTNV 50–<70;
    KHTNV < 50. A score high enough for a level whose task conditions are not met falls to the
    next level down.
    """
    if not rule_set.scored:
        raise ValueError("rule set does not score")
    score = Decimal(score)
    beyond = Decimal(beyond_target_percent or 0)
    reasons: list[str] = []
    excellent_min = rule_set.excellent_min_score
    good_min = rule_set.good_min_score
    complete_min = rule_set.complete_min_score
    beyond_needed = rule_set.excellent_beyond_target_percent
    if excellent_min is not None and score >= excellent_min:
        missing = []
        if not (all_tasks_done and all_on_time):
            missing.append(_("not every task was done on time"))
        if getattr(rule_set, "excellent_needs_shortcomings_fixed", False) and not (
            shortcomings_fixed
        ):
            missing.append(_("not every shortcoming found in the year was fixed"))
        if beyond_needed is not None and beyond < beyond_needed:
            missing.append(
                _("%(share)s%% of tasks beyond target, below the %(needed)s%% required")
                % {"share": _number(beyond), "needed": _number(beyond_needed)}
            )
        if not missing:
            reasons.append(
                _("Score %(score)s ≥ %(min)s, every task done on time, %(share)s%% beyond target.")
                % {"score": _number(score), "min": _number(excellent_min), "share": _number(beyond)}
            )
            return Suggestion(Level.EXCELLENT, reasons)
        reasons.append(
            _("Score %(score)s ≥ %(min)s but %(missing)s: not excellent.")
            % {
                "score": _number(score),
                "min": _number(excellent_min),
                "missing": "; ".join(missing),
            }
        )
    if good_min is not None and score >= good_min:
        on_time_needed = getattr(rule_set, "good_needs_on_time", False)
        if all_tasks_done and (all_on_time or not on_time_needed):
            reasons.append(
                _("Score %(score)s ≥ %(min)s and every task done: well completed.")
                % {"score": _number(score), "min": _number(good_min)}
            )
            return Suggestion(Level.GOOD, reasons)
        if all_tasks_done:
            reasons.append(
                _("Score %(score)s ≥ %(min)s but not every task done on time: not well completed.")
                % {"score": _number(score), "min": _number(good_min)}
            )
        else:
            reasons.append(
                _("Score %(score)s ≥ %(min)s but not every task done: not well completed.")
                % {"score": _number(score), "min": _number(good_min)}
            )
    if complete_min is not None and score >= complete_min:
        reasons.append(
            _("Score %(score)s ≥ %(min)s: completed.")
            % {"score": _number(score), "min": _number(complete_min)}
        )
        return Suggestion(Level.COMPLETE, reasons)
    reasons.append(
        _("Score %(score)s below %(min)s: did not complete.")
        % {"score": _number(score), "min": _number(complete_min)}
    )
    return Suggestion(Level.NOT_COMPLETE, reasons)


# ---- the quota on excellent ------------------------------------------------------------


@dataclass
class QuotaCheck:
    applies: bool
    excellent: int
    base: int
    limit: int | None

    @property
    def ok(self) -> bool:
        return not self.applies or self.limit is None or self.excellent <= self.limit


def quota_limit(rule_set: RuleSetLike, base: int) -> int | None:
    """How many may be rated excellent when `base` is the count the quota is a share of."""
    if rule_set.quota_percent is None:
        return None
    # Integer arithmetic: 20% of 14 is 2.8, so at most 2.
    return int(Decimal(base) * Decimal(rule_set.quota_percent) // Decimal(100))


def quota_check(rule_set: RuleSetLike, counts: dict[str, int]) -> QuotaCheck:
    """Check level counts (level → number) of one committee and year against the quota."""
    excellent = counts.get(Level.EXCELLENT, 0)
    if rule_set.quota_base == "rated":
        base = sum(counts.get(level, 0) for level in LEVEL_ORDER)
    else:
        base = counts.get(Level.GOOD, 0)
    limit = quota_limit(rule_set, base)
    return QuotaCheck(applies=limit is not None, excellent=excellent, base=base, limit=limit)


def quota_message(rule_set: RuleSetLike, check: QuotaCheck, now: QuotaCheck | None = None) -> str:
    """The refusal: the limit, the counts it would make, and (when given) the counts now."""
    base_label = (
        _("of those rated") if rule_set.quota_base == "rated" else _("of those rated HTTNV")
    )
    message = _(
        "Quota on excellent broken: at most %(percent)s%% %(base_label)s may be rated HTXSNV, "
        "that is %(limit)s of %(base)s; this would make %(excellent)s."
    ) % {
        "percent": _number(rule_set.quota_percent),
        "base_label": base_label,
        "limit": check.limit,
        "base": check.base,
        "excellent": check.excellent,
    }
    if now is not None:
        message += " " + _(
            "Decided so far: %(excellent)s HTXSNV, %(base)s in the base of the quota."
        ) % {"excellent": now.excellent, "base": now.base}
    return refusal(rule_set, "quota", message)


def quota_worsens(before: QuotaCheck, after: QuotaCheck) -> bool:
    """A change is refused when it leaves the quota broken and adds to the breach."""
    if after.ok:
        return False
    return after.excellent > before.excellent or (after.limit or 0) < (before.limit or 0)


# ---- conditions that cap a level -------------------------------------------------------


@dataclass
class Condition:
    kind: str
    kind_label: str
    source: str
    self_fixed: bool = False


@dataclass
class Cap:
    capped: bool
    reasons: list[str]

    @property
    def level(self) -> str | None:
        return Level.NOT_COMPLETE if self.capped else None


JOB_KIND = "job"


def cap_for(rule_set: RuleSetLike, conditions: Sequence[Condition]) -> Cap:
    """Conditions recorded for a member's year cap him at KHTNV; from 2023 (rule sets with
    `self_fixed_exempt`) a violation he found and fixed himself does not count; a civil
    servant's "did not complete" in his job caps him where the rule set says so (HD 21)."""
    reasons = []
    for condition in conditions:
        if condition.self_fixed and rule_set.self_fixed_exempt:
            continue
        if condition.kind == JOB_KIND and not getattr(rule_set, "job_rating_caps", False):
            continue
        reasons.append(f"{condition.kind_label} ({condition.source})")
    return Cap(capped=bool(reasons), reasons=reasons)


def apply_cap(level: str, cap: Cap) -> str:
    """The better of the two is not allowed: a capped member is rated KHTNV."""
    if cap.capped and level:
        return Level.NOT_COMPLETE
    return level


def exceeds_cap(level: str, cap: Cap) -> bool:
    return bool(level) and cap.capped and rank(level) < rank(Level.NOT_COMPLETE)


def cap_message(cap: Cap, rule_set: Any = None) -> str:
    text = _("The level is capped at “Did not complete tasks”: %(reasons)s.") % {
        "reasons": "; ".join(cap.reasons)
    }
    return refusal(rule_set, "caps", text) if rule_set is not None else text


# ---- the decided level against the score (scored rule sets) ------------------------------


@dataclass
class Facts:
    """What a member's decision is judged on: the score and the task conditions."""

    score: Decimal | float | int | None
    all_tasks_done: bool = False
    all_on_time: bool = False
    beyond_target_percent: Decimal | float | int | None = None
    shortcomings_fixed: bool = False


def score_mismatch(rule_set: RuleSetLike, level: str, facts: Facts, cap: Cap | None) -> str:
    """Under a rule set whose decisions follow the score (Quy định 366), the refusal when the
    decided level is not the one the score, the task conditions and any cap give; "" when it
    agrees. Both levels are in the message."""
    if not (rule_set.scored and getattr(rule_set, "decision_follows_score", False)):
        return ""
    if facts.score is None:
        return refusal(
            rule_set,
            "decision_follows_score",
            _("These rules decide the level from the score: give the score."),
        )
    suggestion = level_from_score(
        rule_set,
        facts.score,
        all_tasks_done=facts.all_tasks_done,
        all_on_time=facts.all_on_time,
        beyond_target_percent=facts.beyond_target_percent,
        shortcomings_fixed=facts.shortcomings_fixed,
    )
    expected = worse(suggestion.level, cap.level if cap else None)
    if level == expected:
        return ""
    reasons = list(suggestion.reasons)
    if cap and cap.capped:
        reasons.append(cap_message(cap))
    return refusal(
        rule_set,
        "decision_follows_score",
        _(
            "The decided level “%(level)s” does not agree with the score: "
            "%(reasons)s gives “%(expected)s”."
        )
        % {
            "level": Level(level).label,
            "reasons": " ".join(reasons),
            "expected": Level(expected).label,
        },
    )


# ---- conditions on a party organisation (a cell) -----------------------------------------


@dataclass
class UnitFacts:
    """What a cell's level is judged on: its members' ratings that year."""

    members_total: int
    members_undecided: int
    disciplined: Sequence[str] = ()  # names of members disciplined that year


def unit_blocks(rule_set: RuleSetLike, facts: UnitFacts) -> dict[str, list[str]]:
    """For each level, the rules that block it for the cell (no entry: allowed): cells come
    after their members; a cell with a member disciplined that year is not excellent."""
    blocks: dict[str, list[str]] = {}
    if getattr(rule_set, "unit_after_members", False) and facts.members_undecided:
        text = refusal(
            rule_set,
            "unit_after_members",
            _("%(count)s of the cell's %(total)s members are not yet decided.")
            % {"count": facts.members_undecided, "total": facts.members_total},
        )
        for level in LEVEL_ORDER:
            blocks.setdefault(level, []).append(text)
    if getattr(rule_set, "unit_excellent_no_disciplined", False) and facts.disciplined:
        blocks.setdefault(Level.EXCELLENT, []).append(
            refusal(
                rule_set,
                "unit_excellent_no_disciplined",
                _("Members disciplined this year: %(names)s.")
                % {"names": ", ".join(facts.disciplined)},
            )
        )
    return blocks
