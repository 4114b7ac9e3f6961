"""The demo builder: plans 2016–2020, both contents of the article, tasks done/late/open."""

import datetime as dt

import pytest

from core.testing import build_demo
from inspections.demo import HCM, TW4, build_inspections
from inspections.models import Inspection, InspectionPlan, Remediation


def build() -> list:
    build_demo(build_inspections)
    return list(
        Remediation.objects.order_by("inspection__code", "content").values_list(
            "inspection__code", "content", "deadline", "completed_on"
        )
    )


@pytest.mark.django_db
def test_demo_inspections():
    tasks = build()
    assert list(InspectionPlan.objects.values_list("year", flat=True).order_by("year")) == [
        2016,
        2017,
        2018,
        2019,
        2020,
    ]
    for plan in InspectionPlan.objects.all():
        assert 5 <= plan.items.count() <= 8
        assert plan.items.filter(subject_person__isnull=False).exists()
    assert Inspection.objects.filter(content=HCM).exists()
    assert Inspection.objects.filter(content=TW4).exists()
    done = [t for t in tasks if t[3]]
    on_time = [t for t in done if t[3] <= t[2]]
    late = [t for t in done if t[3] > t[2]]
    still_open = [t for t in tasks if not t[3]]
    assert len(on_time) > len(tasks) / 2 and late and 0 < len(still_open) < len(tasks) / 4
    assert all(t[3] <= dt.date(2020, 6, 30) for t in done)
