"""Writing many rows at once without a model instance per row (imports, rebuilds)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Model


def insert_rows(model: type[Model], columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """Insert plain rows (values in `columns` order, attribute names) without building a
    model instance or an INSERT per object: COPY on PostgreSQL, one executemany elsewhere.
    Values must be what the database stores (an aware datetime through
    `connection.ops.adapt_datetimefield_value`);
    no signal is sent, as with bulk_create."""
    if not rows:
        return
    meta = model._meta
    quote = connection.ops.quote_name
    column_of = {field.attname: field.column for field in meta.concrete_fields if field.column}
    names = ", ".join(quote(column_of[column]) for column in columns)
    table = quote(meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
