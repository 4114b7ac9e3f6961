import datetime as dt

import pytest
from django.db.models import Sum

from activities.demo import PERIOD_END, PERIOD_START, build_activities
from activities.models import Activity, Commendation
from core.testing import build_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_ctx():
    return build_demo(build_activities)


def test_youth_union_activities_every_year_inside_the_period(demo_ctx):
    youth = Activity.objects.filter(organisation__short_name="ĐTN")
    assert not Activity.objects.exclude(date__range=(PERIOD_START, PERIOD_END)).exists()
    for year in range(2016, 2021):
        kinds = set(youth.filter(date__year=year).values_list("kind__name", flat=True))
        assert {"Tình nguyện", "Từ thiện", "Trao quà", "Hiến máu"} <= kinds, year
        assert youth.filter(date__year=year, title__contains="quảng cáo").exists()
        assert youth.filter(date__year=year, kind__name="Hiến máu").exists()
    for year in range(2017, 2021):
        assert youth.filter(date__year=year, date__month=3, title__contains="Tháng Thanh niên")
    blood = youth.filter(kind__name="Hiến máu")
    assert set(blood.values_list("measure_unit", flat=True)) == {"đơn vị máu"}
    assert blood.aggregate(total=Sum("quantity"))["total"] > 100
    assert Activity.objects.filter(kind__name="Từ thiện", measure_unit="đồng").exists()
    assert Activity.objects.filter(kind__name="Trao quà", measure_unit="suất quà").exists()
    others = set(Activity.objects.values_list("organisation__short_name", flat=True))
    assert others == {"ĐTN", "CĐ", "HPN", "CCB"}


def test_commendations_of_exemplary_models(demo_ctx):
    assert Commendation.objects.filter(reason__contains="học tập và làm theo").count() > 20
    assert Commendation.objects.filter(unit__isnull=False).exists()
    assert Commendation.objects.filter(level="higher").exists()
    assert Commendation.objects.filter(person__party_joined_on__isnull=True).exists()
    assert not Commendation.objects.filter(decided_on__gt=dt.date(2020, 6, 30)).exists()
