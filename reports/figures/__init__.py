"""The review report's figures: a fixed handful of grouped queries, returned as plain data.

`compute(committee, start, end)` answers the JSON of interchange.md (and more: per cell, per
topic, period totals). Every query groups by year (and unit) inside the database, so the number
of queries is the same for 2 cells over 1 year as for 300 cells over 10 years. The web page,
the Word and PDF documents, the JSON and the command line all read this one result.

The parts: `queries` (the grouped queries), `assembly` (folding their rows into the result),
`years`, `cells` and `topics` (each part of the result), `totals` (the period as a whole),
`common` (constants and number helpers).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from organisation.models import Unit

from ..scope import Period, Scope
from .assembly import Figures
from .common import COMMENDATION_LEVELS, LEVELS, percent

__all__ = ["COMMENDATION_LEVELS", "LEVELS", "Figures", "compute", "percent"]


def compute(
    committee: Unit, start: dt.date, end: dt.date, today: dt.date | None = None
) -> dict[str, Any]:
    """Every figure of the review report for `committee` over [start, end], as plain data."""
    scope = Scope(committee, Period(start, end), today)
    return Figures(scope).result()
