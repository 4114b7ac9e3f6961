"""One test per condition added in issue 12, on the preloaded rule sets' values (no database),
with the regulation's own figures where it gives them."""

import datetime as dt
from decimal import Decimal

import pytest

from meetings.quorum import required_for
from ratings import conditions, rules
from ratings.models import Level, RuleSet
from ratings.reference import RULE_SETS


def preloaded(code: str) -> RuleSet:
    values = next(values for values in RULE_SETS if values["code"] == code)
    return RuleSet(**values)


HD27, QD132, HD21, QD124, QD366 = (
    preloaded(code) for code in ("HD27-2014", "QD132-2018", "HD21-2019", "QD124-2023", "QD366-2025")
)


def test_years_before_2018_are_judged_by_hd27_with_its_own_level_names():
    sets = [QD366, QD124, HD21, QD132, HD27]
    assert rules.rule_set_for(2016, sets) is HD27 and rules.rule_set_for(2017, sets) is HD27
    assert rules.rule_set_for(2018, sets) is QD132
    # Mapped onto today's four by their order.
    assert rules.level_name(HD27, Level.EXCELLENT).startswith(
        "Đảng viên đủ tư cách, hoàn thành xuất"
    )
    assert rules.level_name(HD27, Level.NOT_COMPLETE, unit=True) == "Yếu kém"
    assert rules.level_name(HD21, Level.GOOD) == str(Level.GOOD.label)


def facts(score, *, on_time=True, beyond=30, fixed=True):
    return rules.Facts(
        score=Decimal(score),
        all_tasks_done=True,
        all_on_time=on_time,
        beyond_target_percent=Decimal(beyond),
        shortcomings_fixed=fixed,
    )


def test_qd366_well_completed_needs_every_task_on_time():
    assert rules.score_mismatch(QD366, Level.GOOD, facts(80), None) == ""
    message = rules.score_mismatch(QD366, Level.GOOD, facts(80, on_time=False), None)
    assert message and "366" in message


def test_qd366_excellent_needs_every_shortcoming_fixed():
    assert rules.score_mismatch(QD366, Level.EXCELLENT, facts(95), None) == ""
    assert rules.score_mismatch(QD366, Level.EXCELLENT, facts(95, fixed=False), None)
    assert rules.score_mismatch(QD366, Level.GOOD, facts(95, fixed=False), None) == ""


@pytest.mark.parametrize(
    ("score", "expected"),
    [(40, Level.NOT_COMPLETE), (50, Level.COMPLETE), (70, Level.GOOD), (90, Level.EXCELLENT)],
)
def test_qd366_the_decided_level_agrees_with_the_score(score, expected):
    # The case: "Hoàn thành xuất sắc" decided with a score of 40 is refused, both shown.
    for level in (Level.EXCELLENT, Level.GOOD, Level.COMPLETE, Level.NOT_COMPLETE):
        message = rules.score_mismatch(QD366, level, facts(score), None)
        assert (message == "") == (level == expected)
        if message:
            assert str(level.label) in message and str(expected.label) in message


def test_before_2025_the_decided_level_does_not_follow_a_score():
    assert rules.score_mismatch(QD124, Level.EXCELLENT, rules.Facts(score=None), None) == ""


def test_hd21_caps_a_civil_servant_rated_not_complete_in_his_job():
    job = [rules.Condition("job", "KHTNV ở cơ quan", "QĐ 5/SVHTT")]
    assert rules.cap_for(HD21, job).capped and rules.cap_for(QD366, job).capped
    assert not rules.cap_for(QD132, job).capped  # not a condition of the 2018 rules
    assert "21-HD/BTCTW" in rules.cap_message(rules.cap_for(HD21, job), HD21)


def test_a_cell_is_decided_after_all_its_members():
    blocks = rules.unit_blocks(HD21, rules.UnitFacts(13, 11))
    assert set(blocks) == {Level.EXCELLENT, Level.GOOD, Level.COMPLETE, Level.NOT_COMPLETE}
    assert "11" in blocks[Level.GOOD][0] and "21-HD/BTCTW" in blocks[Level.GOOD][0]
    assert rules.unit_blocks(HD21, rules.UnitFacts(13, 0)) == {}


@pytest.mark.parametrize("rule_set", [HD21, QD124, QD366])
def test_no_excellent_for_a_cell_with_a_disciplined_member(rule_set):
    blocks = rules.unit_blocks(rule_set, rules.UnitFacts(13, 0, ["Nguyễn Văn A"]))
    assert set(blocks) == {Level.EXCELLENT} and "Nguyễn Văn A" in blocks[Level.EXCELLENT][0]


def test_the_quota_refusal_names_its_regulation():
    check = rules.quota_check(HD21, {Level.EXCELLENT: 2, Level.GOOD: 5})
    assert not check.ok and "21-HD/BTCTW" in rules.quota_message(HD21, check)


def test_the_review_window_runs_from_november_to_march():
    assert conditions.review_window(HD21, 2019) == (dt.date(2019, 11, 1), dt.date(2020, 3, 31))


@pytest.mark.parametrize(("expected", "required"), [(13, 7), (12, 7), (2, 2), (1, 1)])
def test_the_default_quorum_is_more_than_half_of_the_full_members(expected, required):
    assert required_for(expected, 50) == required
