import datetime as dt

import pytest
from django.db.models import Count

from core.testing import build_demo
from organisation.selectors import roll_on
from pledges.demo import PERIOD_START, build_pledges, roll_date_of
from pledges.models import ConductStandard, PersonalPlan, Pledge

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_ctx():
    return build_demo(build_pledges)


def test_every_member_on_the_roll_pledges_every_year_inside_the_period(demo_ctx):
    for year in range(2016, 2021):
        roll_date = roll_date_of(year)
        roll = dict(roll_on(demo_ctx.committee, roll_date).values_list("pk", "party_joined_on"))
        pledged = dict(Pledge.objects.filter(year=year).values_list("person_id", "registered_on"))
        assert set(roll) <= set(pledged), year
        for person_id, joined in roll.items():
            day = pledged[person_id]
            assert max(PERIOD_START, dt.date(year, 1, 1), joined) <= day <= roll_date
        # Mass-organisation members who are not party members pledge too.
        assert len(pledged) > len(roll) + 100


def test_standards_and_plans_every_year(demo_ctx):
    cells = len(demo_ctx.cells)
    per_year = dict(
        ConductStandard.objects.filter(kind=ConductStandard.Kind.SPECIFIC)
        .values_list("year")
        .annotate(n=Count("id"))
    )
    assert per_year == {year: cells for year in range(2016, 2021)}
    assert ConductStandard.objects.filter(kind=ConductStandard.Kind.COMMON).count() == 5
    for year in range(2016, 2021):
        roll = roll_on(demo_ctx.committee, roll_date_of(year)).count()
        plans = PersonalPlan.objects.filter(year=year).count()
        assert 0.8 * roll < plans <= roll


def test_the_demo_is_deterministic(demo_ctx):
    first = list(
        Pledge.objects.order_by("person__code", "year").values_list(
            "person__code", "year", "registered_on"
        )[:50]
    )
    assert first and all(isinstance(row[2], dt.date) for row in first)
