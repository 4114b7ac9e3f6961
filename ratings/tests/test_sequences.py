"""Decision sequences (decide, complain, answer, reconsider, discipline), generated: whatever
the order, a decided level is never blank again, the quota holds after every step, and every
change of a level has its decision record."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.actors import SYSTEM
from meetings.models import Attendance
from organisation.tests.factories import PersonFactory
from ratings import rules, selectors, services
from ratings.models import LEVEL_ORDER, CapCondition, Rating
from ratings.services import Decision

pytestmark = pytest.mark.django_db

MEMBERS = 6
member = st.integers(min_value=0, max_value=MEMBERS - 1)
level = st.sampled_from([str(value) for value in LEVEL_ORDER])
step = st.one_of(
    st.tuples(st.just("decide"), member, level),
    st.tuples(st.just("complain"), member),
    st.tuples(st.just("reconsider"), member),
    st.tuples(st.just("keep"), member),
    st.tuples(st.just("change"), member, level),
    st.tuples(st.just("discipline"), member),
)


@pytest.fixture
def round_2019(tree, users, meeting_a):
    """Six members of cell A self-assessed and reviewed as good, none decided."""
    extra = PersonFactory.create_batch(MEMBERS - len(tree.members_a), unit=tree.cell_a)
    Attendance.objects.bulk_create(
        [Attendance(meeting=meeting_a, person=person, status="present") for person in extra]
    )
    people = [*tree.members_a, *extra]
    for person in people:
        services.rating_self_assess(
            person=person, year=2019, text="…", self_level="good", user=SYSTEM
        )
    services.ratings_propose(
        cell=tree.cell_a,
        year=2019,
        meeting=meeting_a,
        proposals=[(person, "good", "") for person in people],
        user=users["secretary"],
    )
    return people


def _run(action, users, people) -> None:
    kind, index, *rest = action
    rating = Rating.objects.get(person=people[index], year=2019)
    office = users["office"]
    if kind == "decide":
        services.ratings_decide(decisions=[Decision(rating, rest[0])], user=office)
    elif kind == "complain":
        # The rated member's own step (the system here: the test has no account per member).
        services.rating_complain(rating=rating, text="Khiếu nại", user=SYSTEM)
    elif kind == "reconsider":
        services.rating_reconsider(rating=rating, text="Xem xét lại", user=office)
    elif kind == "discipline":
        services.cap_condition_record(
            person=people[index],
            year=2019,
            kind=CapCondition.Kind.DISCIPLINED,
            source=f"{index}-QĐ/UBKT",
            user=office,
        )
    else:
        complaint = rating.complaints.filter(resolved_at__isnull=True).first()
        if complaint is None:
            return
        services.complaint_answer(
            complaint=complaint,
            keep=kind == "keep",
            level=rest[0] if rest else "",
            number="9-QĐ/ĐU",
            date=dt.date(2020, 3, 2),
            reason="Trả lời",
            user=office,
        )


def _check(tree, was_decided: set[int]) -> None:
    rule_set = selectors.rule_set_for_year(2019)
    assert rule_set is not None
    counts = selectors.decided_counts(tree.committee, 2019)
    assert rules.quota_check(rule_set, counts).ok, counts
    for rating in Rating.objects.filter(year=2019, person__isnull=False):
        if rating.pk in was_decided:
            assert rating.level, "a decided level became blank"
        if rating.level:
            was_decided.add(rating.pk)
        chain = list(rating.decisions.order_by("decided_at", "pk"))
        previous = ""
        for record in chain:  # each change, in order, with its record
            assert record.previous_level == previous and record.level != previous
            previous = record.level
        assert previous == rating.level
        changes = 0
        last = ""
        for entry in rating.history.order_by("history_date", "history_id"):
            if entry.level != last:
                changes += 1
                last = entry.level
        assert changes == len(chain)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(actions=st.lists(step, min_size=1, max_size=10))
def test_decision_sequences_keep_the_invariants(tree, users, round_2019, actions):
    with transaction.atomic():
        was_decided: set[int] = set()
        for action in actions:
            try:
                with transaction.atomic():
                    _run(action, users, round_2019)
            except ValidationError:
                pass  # refused: nothing written, the invariants still hold
            _check(tree, was_decided)
        transaction.set_rollback(True)
