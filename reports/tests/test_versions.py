"""The records versions move when a writer's transaction commits, once per transaction, and
never hold a lock for the writer's transaction (issue 18: one hot row per year)."""

import contextlib
import datetime as dt
import threading

import pytest
from django.db import connection, transaction

from reports import versions

from .factories import MeetingFactory


def _meeting(tree, year: int, day: int = 5):
    return MeetingFactory(unit=tree.cell_a, kind="regular", date=dt.date(year, 5, day))


def test_a_transaction_bumps_its_years_once_when_it_commits(
    tree, django_capture_on_commit_callbacks
):
    before = versions.current()
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            for day in (5, 6, 7):
                _meeting(tree, 2017, day)
            assert versions.current() == before  # nothing moves before the commit
    after = versions.current()
    assert after[2017] == before.get(2017, 0) + 1  # three meetings, one bump


def test_a_rolled_back_change_bumps_nothing_and_the_next_one_bumps(
    tree, django_capture_on_commit_callbacks
):
    before = versions.current()
    with django_capture_on_commit_callbacks(execute=True):
        with contextlib.suppress(RuntimeError), transaction.atomic():
            _meeting(tree, 2016)
            raise RuntimeError
        with transaction.atomic():
            _meeting(tree, 2018)
    after = versions.current()
    assert after.get(2016, 0) == before.get(2016, 0)
    assert after[2018] == before.get(2018, 0) + 1


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_counter_moves_at_once():
    before = versions.current().get(2015, 0)
    versions.records_changed([2015])
    assert versions.current()[2015] == before + 1


@pytest.mark.django_db(transaction=True)
def test_a_writer_does_not_wait_for_another_writers_transaction(tree):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time whatever the counters do")
    before = versions.current().get(2017, 0)
    other: dict[str, object] = {}

    def second_writer() -> None:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SET lock_timeout = '3s'")
            with transaction.atomic():
                _meeting(tree, 2017, 6)
            other["committed"] = True
        except Exception as error:  # noqa: BLE001  (reported below)
            other["error"] = error
        finally:
            connection.close()

    with transaction.atomic():
        _meeting(tree, 2017, 5)  # the first writer's transaction stays open …
        thread = threading.Thread(target=second_writer)
        thread.start()
        thread.join(timeout=20)
        # … while a second writer of the same year commits without waiting for it.
        assert other.get("committed"), other.get("error")
    assert versions.current()[2017] == before + 2
