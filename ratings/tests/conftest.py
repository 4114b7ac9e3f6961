import datetime as dt

import pytest

from core.actors import SYSTEM
from meetings.models import Attendance, Meeting
from ratings import services
from ratings.models import Complaint, Level, Rating, RuleSet


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


def assessed(person, user, year: int = 2019, level: str = Level.GOOD) -> Rating:
    return services.rating_self_assess(
        person=person, year=year, text="Hoàn thành nhiệm vụ được giao.", self_level=level, user=user
    )


def propose(cell, meeting, user, who, level: str = Level.GOOD, year: int = 2019) -> None:
    """The cell proposes one level, for one member or for itself, at `meeting`."""
    services.ratings_propose(
        cell=cell, year=year, meeting=meeting, proposals=[(who, level, "")], user=user
    )


def reviewed(person, meeting, user, level=Level.GOOD, year=2019, *, assessor=None) -> Rating:
    """`person` self-assessed (by `assessor`, else the member's own step as the system) and
    proposed by the meeting's cell."""
    assessed(person, assessor or SYSTEM, year, level)
    propose(meeting.unit, meeting, user, person, level, year)
    return Rating.objects.get(person=person, year=year)


def capped(person, kind: str, source: str, user, year: int = 2019, **extra):
    """A recorded condition that caps `person`'s level for `year`."""
    return services.cap_condition_record(
        person=person, year=year, kind=kind, source=source, user=user, **extra
    )


def answered(
    complaint: Complaint,
    level: str,
    user,
    *,
    number: str = "3-QĐ/ĐU",
    date: dt.date = dt.date(2020, 2, 3),
    reason: str = "…",
):
    """A new decision on the complaint: the level changes to `level`."""
    return services.complaint_answer(
        complaint=complaint,
        keep=False,
        level=level,
        number=number,
        date=date,
        reason=reason,
        user=user,
    )


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
