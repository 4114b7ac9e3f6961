"""The dashboard gathers every app's panels; its query count must not grow with the
committee. Measured, not capped: the same page on a small and a five-times larger tree."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisation.tests.factories import PersonFactory, UnitFactory


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
