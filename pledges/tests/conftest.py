import datetime as dt

import pytest

from organisation.models import Posting
from organisation.tests.factories import PersonFactory


@pytest.fixture
def leaver(tree):
    """A member of cell A who moved out on 01/03/2019."""
    person = PersonFactory(unit=tree.cell_a, moved_out_on=dt.date(2019, 3, 1))
    return person


@pytest.fixture
def newcomer(tree):
    """A member posted to cell B only from 01/06/2019."""
    person = PersonFactory(unit=tree.cell_b)
    Posting.objects.filter(person=person).update(start=dt.date(2019, 6, 1))
    return person
