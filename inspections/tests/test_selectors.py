"""Figures, filters and fixed query counts for lists, dashboards and progress."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inspections import selectors
from inspections.models import Inspection, Remediation
from inspections.tests.factories import (
    ConcludedInspectionFactory,
    InspectionFactory,
    RemediationFactory,
)

TODAY = dt.date.today()
PAST = TODAY - dt.timedelta(days=10)
FUTURE = TODAY + dt.timedelta(days=10)


def make_data(tree, plan, scale: int) -> None:
    for index in range(scale):
        cell = tree.cell_a if index % 2 else tree.cell_b
        item = ConcludedInspectionFactory(subject_unit=cell, plan=plan)
        RemediationFactory(inspection=item, deadline=PAST)  # late
        RemediationFactory(inspection=item, deadline=FUTURE)  # open
        RemediationFactory(
            inspection=item,
            deadline=dt.date(2020, 6, 30),
            completed_on=dt.date(2020, 6, 1),
            state=Remediation.State.VERIFIED,
        )  # done
        InspectionFactory(subject_person=tree.members_a[1], plan=plan)


def test_status_filters(tree, users, plan):
    make_data(tree, plan, 2)
    office = users["office"]
    assert selectors.remediations_for(office, status="late").count() == 2
    assert selectors.remediations_for(office, status="open").count() == 2
    assert selectors.remediations_for(office, status="done").count() == 2
    assert selectors.remediations_for(office, subject=tree.cell_b.code).count() == 3
    assert selectors.remediations_for(office, year=2019).count() == 0
    assert selectors.remediations_for(office, plan=plan.pk).count() == 6
    assert selectors.remediations_for(users["secretary"]).count() == 3


def test_plan_progress(tree, users, plan):
    make_data(tree, plan, 2)
    InspectionFactory(
        subject_unit=tree.cell_a,
        plan=plan,
        state=Inspection.State.IN_PROGRESS,
        started_on=dt.date(2020, 5, 1),
    )
    progress = selectors.plan_progress(plan)
    assert (progress.planned, progress.carried_out, progress.concluded) == (5, 3, 2)
    assert (progress.tasks_open, progress.tasks_late, progress.tasks_done) == (2, 2, 2)
    by_year = selectors.progress_by_year(users["secretary"])
    assert [(row.year, row.planned, row.tasks_total) for row in by_year] == [(2020, 4, 3)]


def test_search_ignores_diacritics(tree, users, plan):
    ConcludedInspectionFactory(subject_unit=tree.cell_a, plan=plan, content="Chuẩn mực riêng")
    assert selectors.inspections_for(users["office"], text="chuan muc").count() == 1
    assert selectors.inspections_for(users["office"], text="CBA").count() == 1


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


URLS = [
    reverse("inspections:inspection_list"),
    reverse("inspections:remediation_list"),
    reverse("inspections:progress"),
    reverse("inspections:plan_list"),
    reverse("core:home"),
    reverse("inspections:remediation_list") + "?status=late&year=2020",
]


@pytest.mark.parametrize("url", URLS)
def test_query_count_does_not_grow(url, tree, plan, client_as, django_assert_max_num_queries):
    client = client_as("inspection")
    make_data(tree, plan, 3)
    small = count_queries(client, url)
    make_data(tree, plan, 12)
    with django_assert_max_num_queries(small):
        client.get(url)


def test_plan_detail_query_count(tree, plan, client_as, django_assert_max_num_queries):
    client = client_as("office")
    url = reverse("inspections:plan_detail", args=[plan.pk])
    make_data(tree, plan, 3)
    small = count_queries(client, url)
    make_data(tree, plan, 12)
    with django_assert_max_num_queries(small):
        client.get(url)
    assert small <= 14


def test_dashboards_show_overdue_tasks(tree, plan, users, client_as, django_assert_max_num_queries):
    make_data(tree, plan, 2)
    for role, expected in [("office", 2), ("inspection", 2), ("secretary", 1)]:
        page = client_as(role).get(reverse("core:home")).content.decode()
        assert "Việc khắc phục quá hạn" in page
        assert f"{expected} việc quá hạn" in page
    assert (
        "Việc khắc phục quá hạn"
        not in client_as("member").get(reverse("core:home")).content.decode()
    )
    from core.testing import render_panel
    from inspections.panels import overdue_panel

    with django_assert_max_num_queries(6):
        assert "quá hạn" in render_panel(overdue_panel, users["inspection"])
