"""Each role's home page: what it shows, and a fixed number of queries for any committee size."""

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inspections.models import Remediation
from inspections.tests.factories import ConcludedInspectionFactory, RemediationFactory
from meetings.tests.factories import MeetingFactory, MinutesFactory
from organisation.tests.factories import PersonFactory, UnitFactory
from plans.tests.factories import PlanFactory, PlanItemFactory, TargetFactory
from pledges.tests.factories import PledgeFactory

# The most queries each home page may run, whatever the committee's size.
MAX_QUERIES = {"office": 170, "inspection": 140, "secretary": 40, "member": 40}


def _records(tree, today):
    """A plan of this year and the records a home page reads, in cells A and B."""
    plan = PlanFactory(
        committee=tree.committee, year=today.year, issued_on=dt.date(today.year, 1, 2)
    )
    TargetFactory(plan=plan, figure="pledges_percent", value=100, due=dt.date(today.year, 12, 31))
    TargetFactory(
        plan=plan,
        figure="cells_thematic_quarterly_percent",
        value=100,
        due=dt.date(today.year, 12, 31),
    )
    PlanItemFactory(plan=plan, content="Sơ kết sáu tháng", deadline=today + dt.timedelta(days=3))
    for cell in (tree.cell_a, tree.cell_b):
        MeetingFactory(unit=cell, date=today)
        MeetingFactory(unit=cell, date=today + dt.timedelta(days=10))
    inspection = ConcludedInspectionFactory(
        subject_unit=tree.cell_a,
        year=today.year,
        concluded_on=today - dt.timedelta(days=40),
        started_on=today - dt.timedelta(days=50),
        ended_on=today - dt.timedelta(days=45),
        planned_from=None,
        planned_to=None,
    )
    RemediationFactory(
        inspection=inspection,
        deadline=today + dt.timedelta(days=5),
        created_on=today - dt.timedelta(days=40),
    )
    PledgeFactory(person=tree.members_a[0], year=today.year, registered_on=today)
    return plan


def _grow(tree, today):
    """Eight more cells with people, meetings, minutes and pledges."""
    for index in range(8):
        cell = UnitFactory(parent=tree.committee, code=f"GROW{index}")
        people = PersonFactory.create_batch(4, unit=cell)
        MeetingFactory(unit=cell, date=today)
        MinutesFactory(meeting=MeetingFactory(unit=cell, date=today - dt.timedelta(days=2)))
        PledgeFactory(person=people[0], year=today.year, registered_on=today)
    PersonFactory.create_batch(6, unit=tree.cell_a)
    MeetingFactory(unit=tree.cell_a, date=today - dt.timedelta(days=1))


@pytest.mark.parametrize("role", ["office", "inspection", "secretary", "member"])
def test_home_runs_a_fixed_number_of_queries(role, tree, client_as, django_assert_max_num_queries):
    today = timezone.localdate()
    _records(tree, today)
    client = client_as(role)
    client.get(reverse("core:home"))  # warm the caches filled once per process
    with django_assert_max_num_queries(MAX_QUERIES[role]) as small:
        assert client.get(reverse("core:home")).status_code == 200
    _grow(tree, today)
    with django_assert_max_num_queries(MAX_QUERIES[role]) as bigger:
        assert client.get(reverse("core:home")).status_code == 200
    assert len(bigger.captured_queries) == len(small.captured_queries)


def test_office_sees_targets_due_items_and_remediation(tree, client_as):
    today = timezone.localdate()
    plan = _records(tree, today)
    html = client_as("office").get(reverse("core:home")).content.decode()
    assert str(plan) in html
    assert "Đến hạn trong tuần" in html and "Sơ kết sáu tháng" in html
    # 1 of 6 members pledged with the year not over: the status depends on the date.
    assert any(label in html for label in ("Đúng tiến độ", "Có nguy cơ không đạt"))
    assert "1 đang làm, 0 quá hạn" in html


def test_secretary_sees_his_cells_tasks_one_click_away(tree, client_as):
    today = timezone.localdate()
    _records(tree, today)
    meeting_a = tree.cell_a.meetings.get(date=today)
    meeting_b = tree.cell_b.meetings.get(date=today)
    draft = MeetingFactory(unit=tree.cell_a, date=today - dt.timedelta(days=3))
    MinutesFactory(meeting=draft)
    html = client_as("secretary").get(reverse("core:home")).content.decode()
    assert reverse("meetings:attendance", args=[meeting_a.pk]) in html
    assert reverse("meetings:attendance", args=[meeting_b.pk]) not in html  # another cell
    assert reverse("meetings:minutes", args=[draft.pk]) in html
    on_roll = len(tree.members_a)  # the staff member is not on the roll
    assert f"{on_roll - 1} đảng viên Chi bộ A chưa đăng ký cam kết năm {today.year}" in html
    task = Remediation.objects.get()
    assert reverse("inspections:remediation_detail", args=[task.pk]) in html
    assert f"Hạn {task.deadline:%d/%m/%Y}: {task.content}" in html


def test_member_sees_his_pledge_plan_and_next_meetings(tree, client_as):
    today = timezone.localdate()
    _records(tree, today)
    html = client_as("member").get(reverse("core:home")).content.decode()
    assert reverse("pledges:my_pledge", args=[today.year]) in html
    assert "Chưa đăng ký — đăng ký ngay" in html
    upcoming = tree.cell_a.meetings.get(date=today + dt.timedelta(days=10))
    assert reverse("meetings:detail", args=[upcoming.pk]) in html
    PledgeFactory(person=tree.members_a[1], year=today.year, registered_on=today)
    html = client_as("member").get(reverse("core:home")).content.decode()
    assert "Đã đăng ký ngày" in html


def test_office_home_computes_the_targets_figures_once_per_change_of_the_records(
    tree, client_as, django_capture_on_commit_callbacks
):
    """The plan's figures are computed on the first view and read from the cache on the next;
    a committed record (here, pledges) makes the next view compute them again, new value."""
    today = timezone.localdate()
    _records(tree, today)
    client = client_as("office")

    def pledges_target() -> tuple[float, int]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("core:home"))
        panel = next(p for p in response.context["panels"] if p.template == "plans/panel_plan.html")
        rows = panel.context["plans"][0]["rows"]
        row = next(row for row in rows if row.target.figure == "pledges_percent")
        return row.value, len(queries.captured_queries)

    before, first = pledges_target()
    again, cached = pledges_target()
    assert again == before
    assert cached < first - 20  # the figures' own queries are gone
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for person in tree.members_b:
            PledgeFactory(person=person, year=today.year, registered_on=today)
    after, recomputed = pledges_target()
    assert after > before
    assert recomputed > cached + 20
