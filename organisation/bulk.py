"""Writing many rows at once without a model instance per row (imports, rebuilds)."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection
from django.db.models import Model


def insert_rows(model: type[Model], columns: Sequence[str], rows: list[tuple]) -> None:
    """Insert plain rows (values in `columns` order, attribute names) without building a
    model instance or an INSERT per object: COPY on PostgreSQL, one executemany elsewhere.
    Values must already be what the database stores (`history_date` adapted, see below);
    no signal is sent, as with bulk_create."""
    if not rows:
        return
    meta = model._meta
    quote = connection.ops.quote_name
    names = ", ".join(quote(meta.get_field(column).column) for column in columns)
    table = quote(meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
