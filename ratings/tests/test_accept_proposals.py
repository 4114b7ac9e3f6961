"""The office accepts the cells' proposals in one step, still under the rules and the quota."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.actors import SYSTEM
from meetings.models import Attendance
from organisation.tests.factories import PersonFactory
from ratings import services
from ratings.models import Level, Rating

pytestmark = pytest.mark.django_db


def propose(cell, meeting, user, people_levels):
    for person, _level in people_levels:
        services.rating_self_assess(
            person=person, year=2019, text="Hoàn thành.", self_level=Level.GOOD, user=SYSTEM
        )
    services.ratings_propose(
        cell=cell,
        year=2019,
        meeting=meeting,
        proposals=[(person, level, "") for person, level in people_levels],
        user=user,
    )


@pytest.fixture
def proposed(tree, users, meeting_a, meeting_b):
    a = [(p, Level.GOOD) for p in tree.members_a]
    b = [(tree.members_b[0], Level.COMPLETE), *[(p, Level.GOOD) for p in tree.members_b[1:]]]
    propose(tree.cell_a, meeting_a, users["secretary"], a)
    propose(tree.cell_b, meeting_b, users["other_secretary"], b)
    return {"a": dict(a), "b": dict(b)}


def decided(people):
    return dict(Rating.objects.filter(person__in=people).values_list("person_id", "level"))


def test_one_cell_then_all_cells(tree, users, proposed):
    saved = services.accept_proposals(
        committee=tree.committee, year=2019, user=users["office"], cell_code=tree.cell_a.code
    )
    assert len(saved) == len(proposed["a"])
    assert decided(tree.members_a) == {p.pk: level for p, level in proposed["a"].items()}
    assert set(decided(tree.members_b).values()) == {""}
    rest = services.accept_proposals(committee=tree.committee, year=2019, user=users["office"])
    assert len(rest) == len(proposed["b"])  # cell A's are decided already
    assert decided(tree.members_b) == {p.pk: level for p, level in proposed["b"].items()}
    assert all(r.decided_by == users["office"] for r in Rating.objects.exclude(level=""))


def test_the_quota_still_applies_and_nothing_is_recorded(tree, users, meeting_a):
    extra = PersonFactory.create_batch(4, unit=tree.cell_a)
    meeting_a.attendance.bulk_create(  # a quorum of the seven
        [Attendance(meeting=meeting_a, person=person, status="present") for person in extra]
    )
    people = [*tree.members_a, *extra]
    # 2 excellent of 7 good-or-better: above 20 % (at most 1).
    levels = [Level.EXCELLENT, Level.EXCELLENT] + [Level.GOOD] * (len(people) - 2)
    propose(tree.cell_a, meeting_a, users["secretary"], list(zip(people, levels, strict=True)))
    with pytest.raises(ValidationError) as error:
        services.accept_proposals(committee=tree.committee, year=2019, user=users["office"])
    assert "20" in " ".join(error.value.messages)
    assert not Rating.objects.exclude(level="").exists()


def test_the_page_button_accepts_and_reports(tree, client_as, proposed):
    client = client_as("office")
    url = reverse("ratings:accept_proposals", args=[2019])
    response = client.post(url, {"cell": tree.cell_b.code}, follow=True)
    page = response.content.decode()
    assert f"Đã ghi {len(proposed['b'])} quyết định" in page
    assert decided(tree.members_b) == {p.pk: level for p, level in proposed["b"].items()}
    assert set(decided(tree.members_a).values()) == {""}
    assert "Chấp nhận đề xuất của chi bộ này" in page
