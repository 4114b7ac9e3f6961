"""The round's services: order of the steps, the quota, the caps, complaints, rule sets."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from meetings.models import Attendance
from organisation.tests.factories import PersonFactory
from ratings import services
from ratings.models import CapCondition, Complaint, Level, Rating, RuleSet
from ratings.services import Decision
from ratings.tests.conftest import (
    answered,
    assessed,
    capped,
    held_with_everyone,
    propose,
    reviewed,
)

pytestmark = pytest.mark.django_db


def test_self_assessment_records_who_when_and_where(tree, users):
    member = tree.members_a[1]
    rating = assessed(member, users["member"])
    assert rating.cell == tree.cell_a and rating.committee == tree.committee
    assert rating.self_assessed_by == users["member"] and rating.self_assessed_at
    assert rating.level == "" and rating.history.count() >= 1


def test_a_score_under_rules_that_do_not_score_is_refused(tree, users):
    with pytest.raises(ValidationError) as error:
        services.rating_self_assess(
            person=tree.members_a[1],
            year=2019,
            text="…",
            self_level=Level.GOOD,
            score=Decimal(80),
            user=users["member"],
        )
    assert "self_score" in error.value.message_dict
    assert not Rating.objects.exists()


def test_2025_self_assessment_needs_a_score_and_suggests_the_level(tree, users):
    def self_assess_2025(**answers):
        return services.rating_self_assess(
            person=tree.members_a[1], year=2025, text="…", user=users["member"], **answers
        )

    with pytest.raises(ValidationError):
        self_assess_2025()
    with pytest.raises(ValidationError):
        self_assess_2025(score=Decimal(101))
    rating = self_assess_2025(
        score=Decimal(91),
        all_tasks_done=True,
        all_tasks_on_time=True,
        beyond_target_percent=Decimal(40),
        shortcomings_fixed=True,
    )
    assert rating.self_level == Level.EXCELLENT
    rating = self_assess_2025(score=Decimal(69), all_tasks_done=True)
    assert rating.self_level == Level.COMPLETE


def test_the_cell_proposes_after_the_self_assessment_at_its_own_meeting(
    tree, users, meeting_a, meeting_b
):
    member, secretary = tree.members_a[1], users["secretary"]
    with pytest.raises(ValidationError, match="self-assess|tự đánh giá"):
        propose(tree.cell_a, meeting_a, secretary, member)
    assessed(member, users["member"])
    with pytest.raises(ValidationError):
        propose(tree.cell_a, meeting_b, secretary, member)
    with pytest.raises(ValidationError):
        propose(tree.cell_a, None, secretary, member)
    services.ratings_propose(
        cell=tree.cell_a,
        year=2019,
        meeting=meeting_a,
        proposals=[(member, Level.GOOD, "Tích cực"), (tree.cell_a, Level.EXCELLENT, "")],
        user=users["secretary"],
    )
    rating = Rating.objects.get(person=member, year=2019)
    assert rating.proposed_level == Level.GOOD and rating.proposal_meeting == meeting_a
    assert rating.proposed_by == users["secretary"] and rating.proposed_at
    cell_rating = Rating.objects.get(unit=tree.cell_a, year=2019)
    assert cell_rating.proposed_level == Level.EXCELLENT


def test_a_decision_before_the_self_assessment_is_refused(tree, users):
    rating = services.rating_open(person=tree.members_a[1], year=2019)
    with pytest.raises(ValidationError):
        services.rating_decide(rating=rating, level=Level.GOOD, user=users["office"])
    rating.refresh_from_db()
    assert rating.level == ""


def test_a_complaint_leaves_the_decision_in_force_until_a_new_decision(tree, users, meeting_a):
    rating = reviewed(tree.members_a[1], meeting_a, users["secretary"])
    services.rating_decide(rating=rating, level=Level.GOOD, user=users["office"])
    rating.refresh_from_db()
    assert rating.level == Level.GOOD and rating.decided_by == users["office"]
    complaint = services.rating_complain(
        rating=rating, text="Đề nghị xem xét lại.", user=users["member"]
    )
    rating.refresh_from_db()
    assert rating.level == Level.GOOD and complaint.previous_level == Level.GOOD
    with pytest.raises(ValidationError):  # one complaint at a time
        services.rating_complain(rating=rating, text="Lần nữa.", user=users["member"])
    with pytest.raises(ValidationError):  # the round's decision cannot change it
        services.rating_decide(rating=rating, level=Level.COMPLETE, user=users["office"])
    answered(
        complaint,
        Level.COMPLETE,
        users["office"],
        number="15-QĐ/ĐU",
        date=dt.date(2020, 2, 1),
        reason="Chưa hoàn thành chỉ tiêu quý IV.",
    )
    complaint.refresh_from_db()
    rating.refresh_from_db()
    assert rating.level == Level.COMPLETE
    assert complaint.resolved_level == Level.COMPLETE and complaint.decision.number == "15-QĐ/ĐU"
    assert [(d.previous_level, d.level) for d in rating.decisions.all()] == [
        ("", Level.GOOD),
        (Level.GOOD, Level.COMPLETE),
    ]


def test_someone_outside_the_committee_that_year_cannot_be_rated(tree, users):
    newcomer = PersonFactory(unit=tree.cell_a, party_joined_on=dt.date(2020, 3, 1))
    with pytest.raises(ValidationError, match=newcomer.full_name):
        services.rating_open(person=newcomer, year=2019)
    staff = tree.staff_a[0]
    with pytest.raises(ValidationError):
        services.rating_open(person=staff, year=2019)


def test_a_member_is_rated_where_he_is_on_the_roll_date(tree, users):
    """Someone who moved out in June is rated by his new committee, not by this one."""
    leaver = PersonFactory(unit=tree.cell_a, moved_out_on=dt.date(2019, 6, 1))
    with pytest.raises(ValidationError, match="2019"):
        services.rating_open(person=leaver, year=2019)
    assert services.rating_open(person=leaver, year=2018).cell == tree.cell_a


@pytest.fixture
def seven(tree, users, meeting_a):
    """Seven members of cell A reviewed as good for 2019."""
    extra = PersonFactory.create_batch(4, unit=tree.cell_a)
    meeting_a.attendance.bulk_create(
        [Attendance(meeting=meeting_a, person=person, status="present") for person in extra]
    )
    people = [*tree.members_a, *extra]
    return [reviewed(person, meeting_a, users["secretary"]) for person in people]


def test_the_quota_refuses_too_many_excellent(seven, users):
    decisions = [Decision(r, Level.EXCELLENT) for r in seven[:2]] + [
        Decision(r, Level.GOOD) for r in seven[2:]
    ]
    with pytest.raises(ValidationError) as error:
        services.ratings_decide(decisions=decisions, user=users["office"])
    message = " ".join(error.value.messages)
    assert "20" in message and " 1 " in message and " 5" in message and " 2" in message
    assert not Rating.objects.exclude(level="").exists()
    decisions = [Decision(seven[0], Level.EXCELLENT)] + [Decision(r, Level.GOOD) for r in seven[1:]]
    services.ratings_decide(decisions=decisions, user=users["office"])
    assert Rating.objects.filter(level=Level.EXCELLENT).count() == 1

    # A new decision on a complaint checks the quota again: one more excellent would make
    # 2 of at most floor(20% × 5) = 1.
    def change(rating, level):
        complaint = services.rating_complain(rating=rating, text="…", user=users["office"])
        return answered(complaint, level, users["office"])

    with pytest.raises(ValidationError, match="20"):
        change(seven[1], Level.EXCELLENT)
    # Lowering good ones shrinks the base: 6 → 5 still allows one excellent, 5 → 4 does not.
    seven[1].refresh_from_db()
    answered(seven[1].complaints.get(), Level.COMPLETE, users["office"])
    seven[2].refresh_from_db()
    with pytest.raises(ValidationError):
        change(seven[2], Level.COMPLETE)
    seven[2].refresh_from_db()
    assert seven[2].level == Level.GOOD


def test_the_quota_counts_per_committee_and_year(seven, users):
    services.ratings_decide(
        decisions=[Decision(seven[0], Level.EXCELLENT)]
        + [Decision(r, Level.GOOD) for r in seven[1:]],
        user=users["office"],
    )
    assert Rating.objects.filter(year=2019, level=Level.EXCELLENT).count() == 1


def test_a_recorded_condition_caps_the_level(tree, users, meeting_a):
    member = tree.members_a[1]
    rating = reviewed(member, meeting_a, users["secretary"], level=Level.NOT_COMPLETE)
    capped(member, CapCondition.Kind.DISCIPLINED, "12-QĐ/UBKT", users["inspection"])
    with pytest.raises(ValidationError, match="12-QĐ/UBKT"):
        services.rating_decide(rating=rating, level=Level.GOOD, user=users["office"])
    services.rating_decide(rating=rating, level=Level.NOT_COMPLETE, user=users["office"])
    rating.refresh_from_db()
    assert rating.level == Level.NOT_COMPLETE


def test_a_cell_proposal_above_the_cap_is_refused(tree, users, meeting_a):
    member = tree.members_a[1]
    assessed(member, users["member"])
    capped(member, CapCondition.Kind.DEGRADATION, "Kết luận 3-KL/ĐU", users["office"])
    with pytest.raises(ValidationError, match="3-KL/ĐU"):
        propose(tree.cell_a, meeting_a, users["secretary"], member)


def test_from_2023_a_self_fixed_violation_does_not_cap(tree, users):
    meeting = held_with_everyone("SH-2023", tree.cell_a, tree.members_a, dt.date(2023, 12, 5))
    member = tree.members_a[1]
    rating = reviewed(member, meeting, users["secretary"], year=2023)
    disciplined = CapCondition.Kind.DISCIPLINED
    capped(member, disciplined, "Tự phát hiện", users["office"], year=2023, self_fixed=True)
    services.rating_decide(rating=rating, level=Level.GOOD, user=users["office"])
    # 2019 rules: the same condition caps.
    capped(member, disciplined, "Tự phát hiện 2019", users["office"], self_fixed=True)
    other = services.rating_open(person=member, year=2019)
    with pytest.raises(ValidationError):
        services.ratings_decide(
            decisions=[Decision(other, Level.GOOD)], user=users["office"], imported=True
        )


def test_a_condition_found_after_the_decision_opens_a_reconsideration(tree, users, meeting_a):
    rating = reviewed(tree.members_a[1], meeting_a, users["secretary"])
    services.rating_decide(rating=rating, level=Level.GOOD, user=users["office"])
    capped(tree.members_a[1], CapCondition.Kind.TARGETS, "BB 1", users["office"])
    rating.refresh_from_db()
    assert rating.level == Level.GOOD  # in force until the new decision
    (opened,) = rating.complaints.all()
    assert (
        opened.kind == Complaint.Kind.RECONSIDERATION and opened.is_open and "BB 1" in opened.text
    )
    on = dt.date(2020, 3, 1)
    with pytest.raises(ValidationError, match="BB 1"):  # the new decision obeys the cap
        answered(opened, Level.COMPLETE, users["office"], number="2-QĐ/ĐU", date=on)
    reason = "Không hoàn thành một nửa chỉ tiêu (BB 1)."
    answered(opened, Level.NOT_COMPLETE, users["office"], number="2-QĐ/ĐU", date=on, reason=reason)
    rating.refresh_from_db()
    assert rating.level == Level.NOT_COMPLETE
    assert rating.decisions.last().kind == "reconsideration"


def test_rule_sets_used_for_decisions_are_frozen(tree, users, meeting_a):
    rule_2019 = RuleSet.objects.get(code="HD21-2019")
    rule_2019.note = "sửa trước khi dùng"
    services.rule_set_save(rule_set=rule_2019, user=users["office"])
    rating = reviewed(tree.members_a[1], meeting_a, users["secretary"])
    services.rating_decide(rating=rating, level=Level.GOOD, user=users["office"])
    rule_2019.quota_percent = Decimal(30)
    with pytest.raises(ValidationError):
        services.rule_set_save(rule_set=rule_2019, user=users["office"])
    # A future rule set can be edited, but not stretched over a decided year.
    future = RuleSet.objects.get(code="QD366-2025")
    future.quota_percent = Decimal(25)
    services.rule_set_save(rule_set=future, user=users["office"])
    future.first_year = 2019
    with pytest.raises(ValidationError):
        services.rule_set_save(rule_set=future, user=users["office"])


def test_a_new_rule_set_may_not_overlap_and_must_have_ordered_thresholds(users, tree):
    overlapping = RuleSet(code="X", name="X", first_year=2024, last_year=2026, documents="x")
    with pytest.raises(ValidationError):
        services.rule_set_save(rule_set=overlapping, user=users["office"])
    current = RuleSet.objects.get(code="QD366-2025")
    current.last_year = 2029
    services.rule_set_save(rule_set=current, user=users["office"])
    bad = RuleSet(
        code="QD-2030",
        name="2030",
        first_year=2030,
        documents="x",
        scored=True,
        excellent_min_score=Decimal(70),
        good_min_score=Decimal(80),
        complete_min_score=Decimal(50),
    )
    with pytest.raises(ValidationError):
        services.rule_set_save(rule_set=bad, user=users["office"])
    bad.excellent_min_score = Decimal(92)
    services.rule_set_save(rule_set=bad, user=users["office"])
    assert RuleSet.objects.filter(code="QD-2030").exists()


def test_the_rule_sets_are_preloaded_from_2014(db):
    sets = {r.code: r for r in RuleSet.objects.all()}
    assert set(sets) == {"HD27-2014", "QD132-2018", "HD21-2019", "QD124-2023", "QD366-2025"}
    assert sets["QD366-2025"].scored and sets["QD366-2025"].excellent_min_score == 90
    assert not sets["HD21-2019"].scored and sets["HD21-2019"].quota_percent == 20
    assert sets["QD124-2023"].self_fixed_exempt and not sets["QD132-2018"].self_fixed_exempt
    assert "132-QĐ/TW" in sets["QD132-2018"].documents
    assert "27-HD/BTCTW" in sets["HD27-2014"].documents
    assert (sets["HD27-2014"].first_year, sets["HD27-2014"].last_year) == (2014, 2017)
    # Every condition a rule set turns on carries its citation.
    for rule_set in sets.values():
        for field in (
            "good_needs_on_time",
            "excellent_needs_shortcomings_fixed",
            "decision_follows_score",
            "job_rating_caps",
            "unit_after_members",
            "unit_excellent_no_disciplined",
        ):
            if getattr(rule_set, field):
                assert rule_set.citations.get(field), (rule_set.code, field)
