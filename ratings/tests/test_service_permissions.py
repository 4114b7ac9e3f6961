"""The ratings services check the policy themselves, at every step of the round: refused
callers (a member for someone else, a secretary of another cell, a secretary deciding)
leave nothing written; the inspection commission's capping condition still reopens a
decision, as the office's does."""

import pytest

from core.actors import SYSTEM
from core.tests.refusals import assert_refused
from ratings import services
from ratings.models import CapCondition, Complaint, Level, Rating, RatingDecision, RuleSet
from ratings.tests.factories import CapConditionFactory

pytestmark = pytest.mark.django_db


def _decided(tree) -> Rating:
    rating = Rating.objects.create(
        person=tree.members_a[2],
        year=2019,
        cell=tree.cell_a,
        committee=tree.committee,
        level=Level.GOOD,
    )
    return rating


def test_a_member_self_assesses_only_himself(tree, users):
    assert_refused(
        lambda: services.rating_self_assess(
            person=tree.members_a[2],
            year=2019,
            text="Tự đánh giá",
            self_level=Level.GOOD,
            user=users["member"],
        ),
        Rating,
    )


def test_a_secretary_proposes_for_his_own_cell_only(tree, users, meeting_a):
    assert_refused(
        lambda: services.ratings_propose(
            cell=tree.cell_a,
            year=2019,
            meeting=meeting_a,
            proposals=[(tree.cell_a, Level.GOOD, "")],
            user=users["other_secretary"],
        ),
        Rating,
    )


def test_only_the_office_decides(tree, users):
    rating = Rating.objects.create(
        person=tree.members_a[2], year=2019, cell=tree.cell_a, committee=tree.committee
    )
    decision = services.Decision(rating, Level.GOOD)
    assert_refused(
        lambda: services.ratings_decide(decisions=[decision], user=users["secretary"]),
        Rating,
        RatingDecision,
    )
    assert_refused(
        lambda: services.accept_proposals(
            committee=tree.committee, year=2019, user=users["inspection"]
        ),
        Rating,
        RatingDecision,
    )


def test_complaints_and_their_answers_need_their_roles(tree, users):
    rating = _decided(tree)
    assert_refused(
        lambda: services.rating_complain(rating=rating, text="Khiếu nại", user=users["member"]),
        Complaint,
    )
    assert_refused(
        lambda: services.rating_reconsider(rating=rating, text="Xem xét", user=users["secretary"]),
        Complaint,
    )
    complaint = services.rating_complain(rating=rating, text="Khiếu nại", user=SYSTEM)
    assert_refused(
        lambda: services.complaint_answer(
            complaint=complaint, keep=True, reason="Giữ nguyên", user=users["secretary"]
        ),
        Complaint,
        Rating,
    )


def _discipline(tree, user) -> CapCondition:
    """A reprimand of member A3 in 2019, recorded by `user`."""
    return services.cap_condition_record(
        person=tree.members_a[2],
        year=2019,
        kind=CapCondition.Kind.DISCIPLINED,
        source="05-QĐ/UBKT",
        user=user,
    )


def test_capping_conditions_need_the_office_or_the_commission(tree, users):
    assert_refused(lambda: _discipline(tree, users["secretary"]), CapCondition)
    condition = CapConditionFactory(person=tree.members_a[2])
    assert_refused(
        lambda: services.cap_condition_delete(condition=condition, user=users["member"]),
        CapCondition,
    )


def test_the_commissions_condition_reopens_a_decision(tree, users):
    rating = _decided(tree)
    _discipline(tree, users["inspection"])
    assert rating.complaints.get().kind == Complaint.Kind.RECONSIDERATION


def test_only_the_office_edits_rule_sets(tree, users):
    rule_set = RuleSet.objects.get(code="QD366-2025")
    rule_set.name = "Đổi tên"
    assert_refused(
        lambda: services.rule_set_save(rule_set=rule_set, user=users["secretary"]), RuleSet
    )
