"""Figure queries compiled once per process and shape, then run with each unit's prefix.

A figure query's SQL depends on the query, the period and its roll dates, never on the unit:
the unit enters only as the LIKE pattern of its path (`path__startswith`), a parameter.
Building and compiling the querysets (ten filtered counts, CASE expressions of the roll
dates) cost ~25 ms a unit, several times the database's own time for a cell (issue 18). So
the first unit of a shape compiles it, and the next units run the same SQL with their own
pattern in its places: same statements, same rows, same number of queries.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet

Row = Mapping[str, Any]
LIMIT = 512  # shapes kept per process (a shape: one query over one period and roll dates)
Converters = tuple[tuple[int, tuple[Callable[..., Any], ...], Any], ...]


@dataclass(frozen=True)
class Shape:
    """A compiled values() query: its SQL and parameters, the places of the prefix pattern
    among the parameters, the names of its columns and the converters of its values."""

    sql: str
    params: tuple[Any, ...]
    slots: tuple[int, ...]
    names: tuple[str, ...]
    converters: Converters

    def run(self, pattern: str, using: str) -> list[Row]:
        params = list(self.params)
        for slot in self.slots:
            params[slot] = pattern
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            fetched = cursor.fetchall()
        rows: list[Row] = []
        for values in fetched:
            row = list(values)
            for index, functions, expression in self.converters:
                value = row[index]
                for function in functions:
                    value = function(value, expression, connection)
                row[index] = value
            rows.append(dict(zip(self.names, row, strict=True)))
        return rows


# key -> Shape; None for a query that cannot be reused (its prefix is not a parameter).
_shapes: dict[Hashable, Shape | None] = {}


def forget() -> None:
    """Drop every compiled shape (tests)."""
    _shapes.clear()


def shapes() -> int:
    """How many shapes are compiled in this process."""
    return len(_shapes)


def _compile(queryset: QuerySet, pattern: str) -> Shape | None:
    query = queryset.query
    compiler = query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()  # raises EmptyResultSet for a query that cannot match
    slots = tuple(index for index, param in enumerate(params) if param == pattern)
    # Reused only when the unit's path is nowhere but in those parameters (not a literal).
    if not slots or f"'{pattern[:-1]}" in sql or compiler.has_extra_select:
        return None
    fields = [select[0] for select in compiler.select[: compiler.col_count]]
    if compiler.has_composite_fields(fields):
        return None
    if query.selected:
        names = tuple(query.selected)
    else:
        names = (*query.extra_select, *query.values_select, *query.annotation_select)
    converters = tuple(
        (index, tuple(functions), expression)
        for index, (functions, expression) in compiler.get_converters(fields).items()
    )
    return Shape(sql, tuple(params), slots, names, converters)


def rows(key: Hashable, prefix: str, build: Callable[[], QuerySet]) -> list[Row]:
    """The rows of `build()`, a values() queryset whose only dependence on the unit is
    `…path__startswith=prefix`; `key` names everything else its SQL depends on (the query,
    the period, the roll dates). `build` runs only for the first unit of a key."""
    using = DEFAULT_DB_ALIAS
    connection = connections[using]
    pattern = connection.ops.prep_for_like_query(prefix) + "%"
    key = (using, connection.vendor, key)
    if key not in _shapes:
        queryset = build()
        try:
            compiled = _compile(queryset, pattern) if queryset.db == using else None
        except EmptyResultSet:
            return []
        if len(_shapes) >= LIMIT:
            _shapes.clear()
        _shapes[key] = compiled
        return list(queryset) if compiled is None else compiled.run(pattern, using)
    shape = _shapes.get(key)  # None also when another thread has just cleared the cache
    return list(build()) if shape is None else shape.run(pattern, using)
