"""The rules module, rule set by rule set (no database)."""

from decimal import Decimal

import pytest
from django.utils import translation

from ratings import rules
from ratings.models import Level, RuleSet


def make(**values) -> RuleSet:
    base = dict(
        code="x",
        name="x",
        first_year=2018,
        last_year=2018,
        scored=False,
        quota_percent=Decimal(20),
        quota_base="good",
        self_fixed_exempt=False,
    )
    base.update(values)
    return RuleSet(**base)


R2018 = make(code="QD132-2018", first_year=2018, last_year=2018)
R2019 = make(code="HD21-2019", first_year=2019, last_year=2022)
R2023 = make(code="QD124-2023", first_year=2023, last_year=2024, self_fixed_exempt=True)
R2025 = make(
    code="QD366-2025",
    first_year=2025,
    last_year=None,
    scored=True,
    excellent_min_score=Decimal(90),
    good_min_score=Decimal(70),
    complete_min_score=Decimal(50),
    excellent_beyond_target_percent=Decimal(30),
    self_fixed_exempt=True,
)
ALL = [R2025, R2019, R2023, R2018]


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2016, R2018),
        (2017, R2018),
        (2018, R2018),
        (2019, R2019),
        (2022, R2019),
        (2023, R2023),
        (2024, R2023),
        (2025, R2025),
        (2031, R2025),
    ],
)
def test_each_year_is_judged_by_its_rule_set(year, expected):
    assert rules.rule_set_for(year, ALL) is expected


def suggest(score, done=True, on_time=True, beyond=30):
    return rules.level_from_score(
        R2025,
        Decimal(score),
        all_tasks_done=done,
        all_on_time=on_time,
        beyond_target_percent=beyond,
    )


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (49, Level.NOT_COMPLETE),
        (Decimal("49.99"), Level.NOT_COMPLETE),
        (50, Level.COMPLETE),
        (69, Level.COMPLETE),
        (Decimal("69.5"), Level.COMPLETE),
        (70, Level.GOOD),
        (89, Level.GOOD),
        (90, Level.EXCELLENT),
        (100, Level.EXCELLENT),
        (0, Level.NOT_COMPLETE),
    ],
)
def test_2025_level_from_edge_scores(score, level):
    assert suggest(score).level == level


def test_2025_excellent_needs_every_task_on_time_and_30_percent_beyond_target():
    with translation.override("en"):
        late = suggest(95, on_time=False)
    assert late.level == Level.GOOD
    assert any("on time" in reason for reason in late.reasons)
    assert suggest(95, beyond=29).level == Level.GOOD
    assert suggest(95, beyond=30).level == Level.EXCELLENT


def test_2025_good_needs_every_task_done():
    assert suggest(80, done=False, on_time=False).level == Level.COMPLETE
    assert suggest(95, done=False, on_time=False).level == Level.COMPLETE


def test_the_suggestion_explains_itself():
    suggestion = suggest(92)
    assert "92" in suggestion.reasons[0] and "90" in suggestion.reasons[0]


def test_a_rule_set_without_scores_cannot_suggest_from_a_score():
    with pytest.raises(ValueError):
        rules.level_from_score(
            R2019, 95, all_tasks_done=True, all_on_time=True, beyond_target_percent=50
        )


@pytest.mark.parametrize("rule_set", [R2018, R2019, R2023, R2025])
@pytest.mark.parametrize(
    ("excellent", "good", "ok"),
    [
        (0, 0, True),
        (1, 0, False),
        (1, 4, False),  # 20% of 4 is 0.8: none allowed
        (1, 5, True),
        (2, 10, True),
        (3, 10, False),
        (2, 14, True),  # 2.8 → 2
        (3, 14, False),
        (20, 100, True),
        (21, 100, False),
    ],
)
def test_quota_boundaries(rule_set, excellent, good, ok):
    check = rules.quota_check(rule_set, {Level.EXCELLENT: excellent, Level.GOOD: good})
    assert check.ok is ok
    assert check.limit == int(good * 20 // 100)


def test_quota_on_all_rated_and_no_quota():
    rated_base = make(quota_base="rated")
    counts = {Level.EXCELLENT: 2, Level.GOOD: 5, Level.COMPLETE: 3}
    assert rules.quota_check(rated_base, counts).limit == 2
    assert rules.quota_check(rated_base, counts).ok
    assert rules.quota_check(make(quota_percent=None), {Level.EXCELLENT: 9}).ok


def test_quota_message_says_limit_and_counts():
    check = rules.quota_check(R2019, {Level.EXCELLENT: 3, Level.GOOD: 10})
    message = rules.quota_message(R2019, check)
    assert "20%" in message and "2" in message and "10" in message and "3" in message


def test_only_a_breach_made_worse_is_refused():
    broken = rules.quota_check(R2019, {Level.EXCELLENT: 3, Level.GOOD: 10})
    fewer = rules.quota_check(R2019, {Level.EXCELLENT: 3, Level.GOOD: 11})
    more = rules.quota_check(R2019, {Level.EXCELLENT: 4, Level.GOOD: 10})
    assert not rules.quota_worsens(broken, fewer)
    assert rules.quota_worsens(broken, more)


DISCIPLINED = rules.Condition("disciplined", "Disciplined during the year", "12-QĐ/UBKT")
SELF_FIXED = rules.Condition("disciplined", "Disciplined", "13-QĐ/UBKT", self_fixed=True)


@pytest.mark.parametrize("rule_set", [R2018, R2019, R2023, R2025])
def test_a_disciplined_member_is_capped_at_not_complete(rule_set):
    cap = rules.cap_for(rule_set, [DISCIPLINED])
    assert cap.capped and "12-QĐ/UBKT" in cap.reasons[0]
    assert rules.exceeds_cap(Level.COMPLETE, cap)
    assert not rules.exceeds_cap(Level.NOT_COMPLETE, cap)
    assert rules.apply_cap(Level.EXCELLENT, cap) == Level.NOT_COMPLETE


def test_no_condition_no_cap():
    cap = rules.cap_for(R2019, [])
    assert not cap.capped and not rules.exceeds_cap(Level.EXCELLENT, cap)


@pytest.mark.parametrize(
    ("rule_set", "capped"), [(R2018, True), (R2019, True), (R2023, False), (R2025, False)]
)
def test_from_2023_a_self_found_and_fixed_violation_does_not_cap(rule_set, capped):
    assert rules.cap_for(rule_set, [SELF_FIXED]).capped is capped


def test_each_condition_gives_its_reason():
    targets = rules.Condition("targets", "Completed less than half", "Biên bản 3")
    cap = rules.cap_for(R2023, [SELF_FIXED, targets])
    assert cap.reasons == ["Completed less than half (Biên bản 3)"]
