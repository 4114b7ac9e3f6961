"""Targets are measured by the report's own figures; bad input is refused with nothing written."""

import contextlib
import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from inspections.tests.factories import RemediationFactory
from meetings.tests.factories import MeetingFactory
from plans import progress, services
from plans.models import PlanItem, Target
from plans.tests.factories import PlanFactory, TargetFactory
from pledges.tests.factories import PledgeFactory
from reports.figures import compute


def _members(tree):
    return tree.members_a + tree.members_b


def _pledge(people, year=2024, day=dt.date(2024, 2, 1)):
    for person in people:
        PledgeFactory(person=person, year=year, registered_on=day)


def all_pledged_by(plan, user, due: dt.date) -> Target:
    """The target "every member pledged" (100%) by `due`, saved through the service."""
    return services.target_save(user=user, plan=plan, figure="pledges_percent", value=100, due=due)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A block of writes committed as a request commits them: the records versions move, so
    the figures measured next are computed anew, not read from the cache."""

    @contextlib.contextmanager
    def block():
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            yield

    return block


@pytest.fixture
def plan(tree, users):
    return PlanFactory(committee=tree.committee, created_by=users["office"])


def test_pledge_target_reads_the_report_figure(tree, plan, committed):
    members = _members(tree)
    _pledge(members[:5])
    target = TargetFactory(plan=plan, figure="pledges_percent", value=100, due=dt.date(2024, 3, 31))
    row = progress.evaluate(plan, dt.date(2024, 6, 1))[0]
    expected = round(100 * 5 / len(members), 2)
    assert row.value == expected
    figures = compute(tree.committee, dt.date(2024, 1, 1), target.due, today=dt.date(2024, 6, 1))
    assert row.value == figures["years"][0]["pledges"]["percent"]
    assert row.status == progress.MISSED
    with committed():
        _pledge(members[5:], day=dt.date(2024, 3, 30))
    assert progress.evaluate(plan, dt.date(2024, 6, 1))[0].status == progress.ACHIEVED


def test_a_pledge_after_the_date_does_not_count(tree, plan):
    members = _members(tree)
    _pledge(members[:-1])
    _pledge(members[-1:], day=dt.date(2024, 4, 2))
    TargetFactory(plan=plan, figure="pledges_percent", value=100, due=dt.date(2024, 3, 31))
    assert progress.evaluate(plan, dt.date(2024, 6, 1))[0].status == progress.MISSED


def test_on_track_or_at_risk_before_the_date(tree, plan, committed):
    members = _members(tree)
    TargetFactory(plan=plan, figure="pledges_percent", value=100, due=dt.date(2024, 12, 31))
    today = dt.date(2024, 7, 1)  # about half the year has passed
    _pledge(members[:2])  # a third pledged: behind half
    assert progress.evaluate(plan, today)[0].status == progress.AT_RISK
    with committed():
        _pledge(members[2:4])  # two thirds: ahead of half
    assert progress.evaluate(plan, today)[0].status == progress.ON_TRACK


def test_thematic_meeting_every_quarter(tree, plan):
    TargetFactory(
        plan=plan, figure="cells_thematic_quarterly_percent", value=100, due=dt.date(2024, 12, 31)
    )
    for cell in (tree.cell_a, tree.cell_b):
        MeetingFactory(unit=cell, kind="thematic", date=dt.date(2024, 2, 10))
    MeetingFactory(unit=tree.cell_a, kind="thematic", date=dt.date(2024, 5, 10))
    row = progress.evaluate(plan, dt.date(2024, 8, 1))[0]
    # Q1 both cells, Q2 one of two: the weakest quarter is 50%, and Q2 is over.
    assert [value for _, _, value in row.periods] == [100.0, 50.0, 0.0]
    assert row.value == 0.0
    assert row.status == progress.MISSED


def test_remediation_on_time(tree, plan, committed):
    TargetFactory(
        plan=plan,
        figure="remediations_late",
        comparison=Target.Comparison.AT_MOST,
        value=0,
        due=dt.date(2024, 12, 31),
    )
    from inspections.tests.factories import ConcludedInspectionFactory

    inspection = ConcludedInspectionFactory(
        subject_unit=tree.cell_a, year=2024, concluded_on=dt.date(2024, 3, 1)
    )
    task = RemediationFactory(
        inspection=inspection, deadline=dt.date(2024, 6, 30), created_on=dt.date(2024, 3, 1)
    )
    row = progress.evaluate(plan, dt.date(2025, 1, 10))[0]
    assert row.value == 1 and row.status == progress.MISSED
    task.completed_on = dt.date(2024, 6, 20)
    with committed():
        task.save()
    row = progress.evaluate(plan, dt.date(2025, 1, 10))[0]
    assert row.value == 0 and row.status == progress.ACHIEVED


def test_a_second_committee_is_measured_apart(tree, plan):
    from organisation.tests.factories import CommitteeFactory, PersonFactory, UnitFactory

    other = CommitteeFactory(code="DB2", name="Đảng bộ thứ hai")
    cell = UnitFactory(code="C2A", parent=other)
    others = PersonFactory.create_batch(2, unit=cell)
    _pledge(others)
    other_plan = PlanFactory(committee=other)
    TargetFactory(plan=other_plan, figure="pledges_percent", value=100, due=dt.date(2024, 3, 31))
    TargetFactory(plan=plan, figure="pledges_percent", value=100, due=dt.date(2024, 3, 31))
    assert progress.evaluate(other_plan, dt.date(2024, 6, 1))[0].value == 100.0
    assert progress.evaluate(plan, dt.date(2024, 6, 1))[0].value == 0.0


# -- bad input -------------------------------------------------------------------------------


def test_service_refuses_unknown_figure_and_date_outside_year(plan, users):
    with pytest.raises(ValidationError) as error:
        services.target_save(
            user=users["office"], plan=plan, figure="nonsense", value=50, due=dt.date(2024, 5, 1)
        )
    assert "figure" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        all_pledged_by(plan, users["office"], dt.date(2025, 1, 15))
    assert "due" in error.value.error_dict
    assert not Target.objects.exists()


def test_form_shows_messages_and_writes_nothing(plan, client_as):
    client = client_as("office")
    url = reverse("plans:part_add", args=[plan.pk, "chi-tieu"])
    response = client.post(
        url, {"figure": "khong-co", "comparison": "gte", "value": "90", "due": "2024-05-01"}
    )
    assert response.status_code == 200
    assert "Không có số liệu “khong-co”" in response.content.decode()
    response = client.post(
        url,
        {"figure": "pledges_percent", "comparison": "gte", "value": "100", "due": "31/03/2025"},
    )
    assert "nằm ngoài năm của kế hoạch 2024" in response.content.decode()
    assert not Target.objects.exists()
    response = client.post(
        reverse("plans:part_add", args=[plan.pk, "muc"]),
        {"content": "Quán triệt", "deadline": "05/01/2024"},
    )
    assert "trước ngày của kế hoạch 10/01/2024" in response.content.decode()
    assert not PlanItem.objects.exists()
    response = client.post(
        url,
        {"figure": "pledges_percent", "comparison": "gte", "value": "100", "due": "31/03/2024"},
    )
    assert response.status_code == 302
    assert Target.objects.get().value == Decimal("100")


def test_only_the_office_changes_the_plan(plan, users):
    with pytest.raises(Exception) as error:
        all_pledged_by(plan, users["inspection"], dt.date(2024, 3, 31))
    assert error.type.__name__ == "PermissionDenied"
    assert not Target.objects.exists()


def test_office_creates_one_plan_a_year(tree, client_as):
    from plans.models import Plan

    client = client_as("office")
    data = {"year": "2025", "number_symbol": "3-KH/ĐU", "issued_on": "05/01/2025", "title": "Năm"}
    response = client.post(reverse("plans:create"), data)
    plan = Plan.objects.get()
    assert response.status_code == 302 and plan.committee == tree.committee
    response = client.post(reverse("plans:create"), {**data, "issued_on": "06/01/2025"})
    assert "Đảng bộ đã có kế hoạch năm 2025." in response.content.decode()
    response = client.post(reverse("plans:create"), {**data, "year": "2027"})
    assert "Kế hoạch năm 2027 được ban hành trong năm 2027" in response.content.decode()
    assert Plan.objects.count() == 1
