import datetime as dt

import pytest

from meetings.models import Attendance, Meeting
from ratings.models import RuleSet


@pytest.fixture
def rule_set_2025(db) -> RuleSet:
    return RuleSet.objects.get(code="QD366-2025")


def held_with_everyone(code: str, unit, members, date: dt.date) -> Meeting:
    """A held meeting with every member present: a quorum, as a cell's review needs."""
    meeting = Meeting.objects.create(code=code, kind=Meeting.Kind.REGULAR, unit=unit, date=date)
    Attendance.objects.bulk_create(
        [Attendance(meeting=meeting, person=person, status="present") for person in members]
    )
    return meeting


@pytest.fixture
def meeting_a(tree) -> Meeting:
    """The December meeting of cell A that reviews its members for 2019."""
    return held_with_everyone("SH-A-2019-12", tree.cell_a, tree.members_a, dt.date(2019, 12, 10))


@pytest.fixture
def meeting_b(tree) -> Meeting:
    return held_with_everyone("SH-B-2019-12", tree.cell_b, tree.members_b, dt.date(2019, 12, 11))


@pytest.fixture(autouse=True)
def _rule_sets(db):
    """Transactional tests flush the preloaded rule sets; put them back."""
    from ratings.reference import rule_sets_ensure

    rule_sets_ensure()
