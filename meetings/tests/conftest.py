import datetime as dt

import pytest

from .factories import MeetingFactory, briefing_of


@pytest.fixture
def meeting_a(tree):
    """A held regular meeting of cell A in March 2024 (members of cell A on the roll)."""
    return MeetingFactory(unit=tree.cell_a, date=dt.date(2024, 3, 15))


@pytest.fixture
def meeting_b(tree):
    return MeetingFactory(unit=tree.cell_b, date=dt.date(2024, 3, 16))


@pytest.fixture
def conference_a(tree):
    return briefing_of(tree.cell_a)
