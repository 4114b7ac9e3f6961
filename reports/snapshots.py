"""Yearly snapshots: a closed year's figure rows are stored and read instead of queried again.

Every figure query groups its rows by year, and a year's rows depend only on that year's
dates and roll date. So `figures_for` asks the stored rows of each closed year (its roll date
is past; refreshed when the year's records version moved, reports.versions), queries only the
open years, and folds the union with the very assembly `compute` uses (`Figures`): the result
is the live computation's, by construction (asserted in reports/tests/test_snapshots.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction

from organisation.models import Unit

from . import versions
from .figures.assembly import Figures
from .figures.queries import FigureQueries, Row
from .models import YearFigures
from .scope import Period, Scope

Progress = Callable[[int, str], None]
# The scope's querysets behind `yearly_rows`.
YEARLY = ("pledges", "personal_plans", "ratings")


def _encode(value: Any) -> Any:
    """JSON with dates and decimals kept apart from strings, so they come back as they were."""
    if isinstance(value, dict):
        return {key: _encode(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "$decimal" in value:
            return Decimal(value["$decimal"])
        if "$date" in value:
            return dt.date.fromisoformat(value["$date"])
        return {key: _decode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decode(item) for item in value]
    return value


def rows_of(queries: FigureQueries) -> dict[str, Any]:
    """Every grouped query's rows over the queries' scope (one year, or the open years)."""
    totals, per_unit = queries.roll_counts()
    issued, deliveries, distinct = queries.document_rows()
    return {
        "roll_total": list(totals.items()),
        "roll_unit": [[year, unit, figures] for (year, unit), figures in per_unit.items()],
        "roll_changes": list(queries.roll_change_rows().items()),
        "meetings": queries.meeting_rows(),
        "attendance": queries.attendance_rows(),
        **{
            name: queries.yearly_rows(name, *(["level"] if name == "ratings" else []))
            for name in YEARLY
        },
        "activities": queries.activity_rows(),
        "inspections": list(queries.inspection_figures().items()),
        "issued": list(issued.items()),
        "deliveries": deliveries,
        "distinct": list(distinct.items()),
        "commendations": queries.commendation_rows(),
        "topics": queries.topic_rows(),
    }


def _merge(parts: list[dict[str, Any]]) -> dict[str, list]:
    merged: dict[str, list] = {}
    for part in parts:
        for key, rows in part.items():
            merged.setdefault(key, []).extend(rows)
    return merged


class StoredFigures(Figures):
    """`Figures` whose queries answer rows gathered beforehand (stored and live)."""

    def __init__(self, scope: Scope, rows: dict[str, list]):
        super().__init__(scope)
        self.rows = rows

    def roll_counts(self) -> tuple[dict[int, dict[str, int]], dict[tuple[int, int], dict]]:
        totals = dict(self.rows["roll_total"])
        return totals, {(year, unit): figures for year, unit, figures in self.rows["roll_unit"]}

    def roll_change_rows(self) -> dict[int, dict[str, int]]:
        return dict(self.rows["roll_changes"])

    def meeting_rows(self) -> list[Row]:
        return self.rows["meetings"]

    def attendance_rows(self) -> list[Row]:
        return self.rows["attendance"]

    def yearly_rows(self, name: str, *extra: str) -> list[Row]:
        return self.rows[name]

    def activity_rows(self) -> list[Row]:
        return self.rows["activities"]

    def inspection_figures(self) -> dict[int, dict[str, int]]:
        return dict(self.rows["inspections"])

    def document_rows(self) -> tuple[dict[int, int], list[Row], dict[int, int]]:
        return dict(self.rows["issued"]), self.rows["deliveries"], dict(self.rows["distinct"])

    def commendation_rows(self) -> list[Row]:
        return self.rows["commendations"]

    def topic_rows(self) -> list[Row]:
        return self.rows["topics"]


def year_key(counters: dict[int, int], year: int) -> str:
    return f"{counters.get(versions.EVERY_YEAR, 0)}.{counters.get(year, 0)}"


def year_rows(
    committee: Unit, scope: Scope, year: int, counters: dict[int, int]
) -> tuple[dict[str, Any], bool]:
    """The stored rows of a closed year, refreshed first when its records changed; and
    whether they were read from the store."""
    start, roll = scope.period.year_start(year), scope.roll_dates[year]
    key = year_key(counters, year)
    found = YearFigures.objects.filter(
        committee=committee, year=year, start=start, roll_date=roll
    ).first()
    if found is not None and found.version == key:
        return _decode(found.data), True
    one_year = Scope(committee, Period(start, scope.period.year_end(year)), scope.today)
    rows = rows_of(FigureQueries(one_year))
    data = _encode(rows)
    # Another worker may store the same year meanwhile: its row stands, ours is the same.
    with contextlib.suppress(IntegrityError), transaction.atomic():
        YearFigures.objects.update_or_create(
            committee=committee,
            year=year,
            start=start,
            roll_date=roll,
            defaults={"version": key, "data": data},
        )
    return _decode(data), False


def closed_years(scope: Scope) -> list[int]:
    """Years whose roll date is past: their records are settled until someone edits one."""
    return [year for year in scope.years if scope.roll_dates[year] < scope.today]


def figures_for(
    committee: Unit,
    start: dt.date,
    end: dt.date,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """The figures of `compute(committee, start, end)`, closed years read from their snapshot."""
    scope = Scope(committee, Period(start, end), today)
    counters = versions.current()
    closed = closed_years(scope)
    parts = []
    for index, year in enumerate(closed):
        if progress:
            progress(10 + 70 * index // max(len(closed), 1), str(year))
        parts.append(year_rows(committee, scope, year, counters)[0])
    open_years = [year for year in scope.years if year not in closed]
    if open_years:
        live = Scope(committee, Period(scope.period.year_start(open_years[0]), end), scope.today)
        parts.append(_decode(_encode(rows_of(FigureQueries(live)))))
    return StoredFigures(scope, _merge(parts)).result()
