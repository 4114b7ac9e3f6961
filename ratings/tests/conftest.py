import datetime as dt

import pytest

from meetings.models import Meeting
from ratings.models import RuleSet


@pytest.fixture
def rule_set_2025(db) -> RuleSet:
    return RuleSet.objects.get(code="QD366-2025")


@pytest.fixture
def meeting_a(tree) -> Meeting:
    """The December meeting of cell A that reviews its members for 2019."""
    return Meeting.objects.create(
        code="SH-A-2019-12", kind=Meeting.Kind.REGULAR, unit=tree.cell_a, date=dt.date(2019, 12, 10)
    )


@pytest.fixture
def meeting_b(tree) -> Meeting:
    return Meeting.objects.create(
        code="SH-B-2019-12", kind=Meeting.Kind.REGULAR, unit=tree.cell_b, date=dt.date(2019, 12, 11)
    )


@pytest.fixture(autouse=True)
def _rule_sets(db):
    """Transactional tests flush the preloaded rule sets; put them back."""
    from ratings.reference import rule_sets_ensure

    rule_sets_ensure()
