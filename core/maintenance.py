"""Database upkeep after bulk writes."""

from django.db import connection


def analyze() -> None:
    """Refresh the planner's statistics after a bulk load or an import.

    The machines' PostgreSQL runs without autovacuum: without this, the demo's figures took
    10–15 s instead of under one right after `load_demo` (issue 18). On PostgreSQL the
    project's tables are named: a bare ANALYZE also takes the shared catalogues, and waits
    behind any other database's session left idle in a transaction (seen in the tests and in
    the province build). SQLite has ANALYZE too.
    """
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute("ANALYZE")
            return
        tables = connection.introspection.django_table_names(only_existing=True)
        names = ", ".join(connection.ops.quote_name(table) for table in sorted(tables))
        cursor.execute(f"ANALYZE {names}")
