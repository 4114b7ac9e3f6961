"""The demo reproduces the article's figures from each year's actual roll."""

import datetime as dt

import pytest
from django.core.management import call_command

from organisation.models import Unit
from ratings import overview, rules
from ratings.demo import level_counts
from ratings.models import Level, Rating, RuleSet


@pytest.mark.django_db
def test_demo_ratings_reproduce_the_article():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    committee = Unit.objects.get(code="SVHTT")
    sets = list(RuleSet.objects.all())
    from organisation.selectors import roll_on

    for year in range(2016, 2020):
        counts = overview.roll_ratings(committee, year)
        # Members exempted from activity are on the roll but not rated.
        roll = roll_on(committee, dt.date(year, 12, 31), active=True).count()
        assert counts.rated == roll
        assert 98 < counts.good_or_better_percent < 99
        assert 15 < counts.excellent_percent < 16
        assert 1 <= counts.of(Level.NOT_COMPLETE) <= 2 and counts.of(Level.COMPLETE) >= 1
        assert rules.quota_check(rules.rule_set_for(year, sets), counts.counts).ok
        cells = overview.summary(committee, year).units
        assert cells.of(Level.NOT_COMPLETE) == 0 and cells.of(Level.EXCELLENT) >= 3
        assert cells.of(Level.GOOD) > cells.rated / 2
        assert rules.quota_check(rules.rule_set_for(year, sets), cells.counts).ok
    assert not Rating.objects.filter(year=2020).exists()


@pytest.mark.parametrize("total", [200, 300, 612, 640, 655, 700, 1000])
def test_level_counts_fit_any_roll(total, db):
    rule_set = RuleSet.objects.get(code="QD132-2018")
    excellent, good, complete, not_complete = level_counts(total, rule_set)
    assert excellent + good + complete + not_complete == total
    assert 98 * total < 100 * (excellent + good) < 99 * total
    assert 15 * total < 100 * excellent < 16 * total
    assert excellent <= good * 20 // 100


def test_a_roll_too_small_for_the_article_is_refused(db):
    with pytest.raises(ValueError):
        level_counts(50, RuleSet.objects.get(code="QD132-2018"))
