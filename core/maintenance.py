"""Database upkeep after bulk writes."""

from django.db import connection


def analyze() -> None:
    """Refresh the planner's statistics after a bulk load or an import.

    The machines' PostgreSQL runs without autovacuum: without this, the demo's figures took
    10–15 s instead of under one right after `load_demo` (issue 18). SQLite has ANALYZE too.
    """
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
