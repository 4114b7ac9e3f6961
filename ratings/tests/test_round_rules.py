"""The round by the book: cells after their members and under their conditions, QĐ 366's
score agreement, and the meeting a cell's review needs."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from meetings.models import Attendance, Meeting
from organisation.tests.factories import PersonFactory
from ratings import services
from ratings.models import CapCondition, Level, Rating
from ratings.tests.conftest import assessed, capped, held_with_everyone, propose, reviewed

pytestmark = pytest.mark.django_db


def test_a_cell_is_decided_after_its_members_and_not_excellent_with_a_disciplined_one(
    tree, users, meeting_a, client_as
):
    secretary = users["secretary"]
    ratings = [reviewed(person, meeting_a, secretary) for person in tree.members_a]
    propose(tree.cell_a, meeting_a, secretary, tree.cell_a, Level.EXCELLENT)
    cell = Rating.objects.get(unit=tree.cell_a, year=2019)
    with pytest.raises(ValidationError) as error:
        services.rating_decide(rating=cell, level=Level.GOOD, user=users["office"])
    assert "3" in error.value.messages[0] and "21-HD/BTCTW" in error.value.messages[0]
    services.ratings_decide(
        decisions=[services.Decision(r, Level.GOOD) for r in ratings], user=users["office"]
    )
    capped(tree.members_a[2], CapCondition.Kind.DISCIPLINED, "7-QĐ/UBKT", users["office"])
    with pytest.raises(ValidationError) as error:
        services.rating_decide(rating=cell, level=Level.EXCELLENT, user=users["office"])
    assert tree.members_a[2].full_name in error.value.messages[0]
    cell.refresh_from_db()
    assert cell.level == ""
    # The page says which condition blocks which level.
    client = client_as("office")
    page = client.get(reverse("ratings:decide", kwargs={"pk": cell.pk})).content.decode()
    assert "7-QĐ/UBKT" not in page and tree.members_a[2].full_name in page
    services.rating_decide(rating=cell, level=Level.GOOD, user=users["office"])


def test_qd366_refuses_a_level_that_does_not_agree_with_the_score(tree, users):
    meeting = held_with_everyone("SH-2025", tree.cell_a, tree.members_a, dt.date(2025, 12, 9))
    member = tree.members_a[1]
    services.rating_self_assess(
        person=member,
        year=2025,
        text="…",
        score=Decimal(40),
        self_level=Level.NOT_COMPLETE,
        user=users["member"],
    )
    propose(tree.cell_a, meeting, users["secretary"], member, Level.EXCELLENT, year=2025)
    rating = Rating.objects.get(person=member, year=2025)
    with pytest.raises(ValidationError) as error:
        services.rating_decide(rating=rating, level=Level.EXCELLENT, user=users["office"])
    message = error.value.messages[0]
    assert "40" in message and "366" in message
    rating.refresh_from_db()
    assert rating.level == "" and not rating.decisions.exists()
    services.rating_decide(rating=rating, level=Level.NOT_COMPLETE, user=users["office"])


def test_the_review_needs_a_held_meeting_in_the_window_with_a_quorum(tree, users, client_as):
    member = tree.members_a[1]
    assessed(member, users["member"])
    planned = Meeting.objects.create(
        code="KH-2021", kind="regular", unit=tree.cell_a, date=dt.date(2021, 12, 1), held=False
    )
    extra = PersonFactory.create_batch(10, unit=tree.cell_a)  # 13 full members
    thin = Meeting.objects.create(
        code="SH-thin", kind="regular", unit=tree.cell_a, date=dt.date(2019, 12, 3)
    )
    Attendance.objects.create(meeting=thin, person=member, status="present")  # 1 of 13
    for meeting in (planned, thin):
        with pytest.raises(ValidationError) as error:
            propose(tree.cell_a, meeting, users["secretary"], member)
        assert error.value.message_dict["meeting"]
    assert "1" in str(error.value) and "7" in str(error.value)
    assert not Rating.objects.filter(person=member, year=2019).exclude(proposed_level="").exists()
    # The page shows present / required before anyone submits.
    client = client_as("secretary")
    page = client.get(
        reverse("ratings:cell_review", kwargs={"cell_pk": tree.cell_a.pk, "year": 2019})
    ).content.decode()
    assert "1 / 7" in page
    Attendance.objects.bulk_create(
        [Attendance(meeting=thin, person=p, status="present") for p in extra[:6]]
    )
    propose(tree.cell_a, thin, users["secretary"], member)
