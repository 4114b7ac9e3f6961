import datetime as dt

import pytest

from inspections.models import Finding
from inspections.tests.factories import (
    ConcludedInspectionFactory,
    FindingFactory,
    InspectionFactory,
    InspectionPlanFactory,
    RemediationFactory,
)


@pytest.fixture
def plan(tree):
    return InspectionPlanFactory(committee=tree.committee, year=2020)


@pytest.fixture
def item(tree, plan):
    """A planned supervision of cell A."""
    return InspectionFactory(subject_unit=tree.cell_a, plan=plan, code="GS-2020-01")


@pytest.fixture
def concluded(tree, plan):
    return ConcludedInspectionFactory(subject_unit=tree.cell_a, plan=plan, code="KT-2020-02")


@pytest.fixture
def shortcoming(concluded):
    return FindingFactory(inspection=concluded, kind=Finding.Kind.SHORTCOMING)


@pytest.fixture
def task(concluded, shortcoming):
    return RemediationFactory(
        inspection=concluded,
        finding=shortcoming,
        content="Xây dựng chuẩn mực riêng",
        deadline=dt.date(2020, 6, 30),
        created_on=dt.date(2020, 3, 25),
        responsible_unit=concluded.subject_unit,
    )
