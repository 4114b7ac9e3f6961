"""A large import leaves the planner fresh statistics (issue 18: the machines' PostgreSQL
runs without autovacuum); a small one does not pay for an ANALYZE."""

import pytest
from django.db import connection

from workbook import services
from workbook.services import workbook_import
from workbook.testing import make_workbook

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = ["DB", "Đảng bộ Thử", "Đảng bộ", "", "", "", "", "", ""]


def cells(count: int) -> list[list[str]]:
    return [
        [f"C{n}", f"Chi bộ {n}", "Chi bộ", "DB", "01/01/2010", "", "", "", ""] for n in range(count)
    ]


def units_statistics() -> bool:
    """Whether the planner holds statistics for the units' table."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables "
                "WHERE relname = 'organisation_unit'"
            )
            return bool(cursor.fetchone()[0])
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone() is None:
            return False
        cursor.execute("SELECT 1 FROM sqlite_stat1 WHERE tbl = 'organisation_unit'")
        return cursor.fetchone() is not None


def forget_statistics() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_stat_reset_single_table_counters('organisation_unit'::regclass)"
            )
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if cursor.fetchone() is not None:
                cursor.execute("DELETE FROM sqlite_stat1")


def test_an_import_of_many_rows_refreshes_the_statistics(monkeypatch):
    monkeypatch.setattr(services, "ANALYZE_AFTER_ROWS", 20)
    forget_statistics()
    assert not units_statistics()

    small = workbook_import(make_workbook({"Đơn vị": [ROOT, *cells(5)]}))
    assert small.applied, [str(error) for error in small.errors]
    assert not units_statistics()

    large = workbook_import(make_workbook({"Đơn vị": [ROOT, *cells(30)]}))
    assert large.applied, [str(error) for error in large.errors]
    assert units_statistics()
