"""Live figures for pages that show them on every view (the office's home page measures the
year's plan with them), kept in the cache until a record they read changes.

The key holds the records versions (`reports.versions`), so a change of any record the
figures read makes a new key: a page never shows figures older than the records.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.cache import cache

from . import versions
from .figures import compute

# A bound on what the cache holds for keys no page asks for any more.
CACHE_SECONDS = 6 * 60 * 60


def figures_key(
    committee_id: int, start: dt.date, end: dt.date, today: dt.date, counters: dict[int, int]
) -> str:
    """The committee, the period, the day (the current year's roll date is today) and the
    counters of every year the period touches, plus the every-year counter."""
    parts = [committee_id, start.isoformat(), end.isoformat(), today.isoformat()]
    years = range(start.year, end.year + 1)
    return "live-figures:" + versions.digest(parts, years, counters)


def live_figures(
    committee: Any, start: dt.date, end: dt.date, today: dt.date, counters: dict[int, int]
) -> dict[str, Any]:
    """`compute(committee, start, end, today)`, from the cache when the records have not
    changed since it was computed. `counters` is `versions.current()`, read once per page."""
    key = figures_key(committee.pk, start, end, today, counters)
    found: dict[str, Any] | None = cache.get(key)
    if found is None:
        found = compute(committee, start, end, today=today)
        cache.set(key, found, CACHE_SECONDS)
    return found
