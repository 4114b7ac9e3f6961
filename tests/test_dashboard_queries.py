"""The dashboard gathers every app's panels; its query count must not grow with the
committee. Measured, not capped: the same page on a small and a five-times larger tree."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inspections.tests.factories import ConcludedInspectionFactory, RemediationFactory
from meetings.tests.factories import MeetingFactory
from organisation.tests.factories import PersonFactory, UnitFactory
from plans.tests.test_home import _grow, _records


def count_queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("core:home"))
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("role", ["office", "secretary", "inspection", "member"])
def test_dashboard_queries_do_not_grow_with_the_committee(role, tree, client_as):
    client = client_as(role)
    client.get(reverse("core:home"))  # warm caches that are filled once per process
    small = count_queries(client)
    for index in range(8):
        cell = UnitFactory(parent=tree.committee, code=f"GROW{index}")
        PersonFactory.create_batch(4, unit=cell)
    PersonFactory.create_batch(6, unit=tree.cell_a)
    assert count_queries(client) == small


# The home page's queries, counted exactly (docs/performance.md, "Home page and mark-all"):
# the session, the user, the bell's unread count and each panel's. Before session 5 of
# issue 18 the secretaries' pages ran 32, the office's 132 (with the year's plan: its targets'
# figures are most of them) and the second committee's office's 27.
HOME_QUERIES = {"secretary": 27, "office": 29, "secretary2": 27, "office2": 23}
IN_THE_ROUND = dt.date(2025, 12, 2)  # the rating round's queries are counted too


@pytest.mark.parametrize("role", HOME_QUERIES)
def test_home_runs_the_counted_queries_in_either_committee(
    role, tree, second_committee, client_as, monkeypatch, django_assert_num_queries
):
    original = timezone.localdate
    monkeypatch.setattr(
        timezone,
        "localdate",
        lambda value=None, timezone=None: original(value, timezone) if value else IN_THE_ROUND,
    )
    _records(tree, IN_THE_ROUND)
    cell = second_committee["cell"]
    MeetingFactory(unit=cell, date=IN_THE_ROUND - dt.timedelta(days=2))
    RemediationFactory(
        inspection=ConcludedInspectionFactory(subject_unit=cell, year=IN_THE_ROUND.year),
        deadline=IN_THE_ROUND - dt.timedelta(days=3),
    )
    client = client_as(role)
    client.get(reverse("core:home"))  # warm the caches filled once per process
    with django_assert_num_queries(HOME_QUERIES[role]):
        assert client.get(reverse("core:home")).status_code == 200
    _grow(tree, IN_THE_ROUND)
    with django_assert_num_queries(HOME_QUERIES[role]):
        assert client.get(reverse("core:home")).status_code == 200
