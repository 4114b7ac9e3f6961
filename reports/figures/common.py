"""Constants and number helpers every part of the figures uses."""

from __future__ import annotations

from decimal import Decimal

from activities.models import Commendation
from ratings.models import Level

LEVELS = [
    str(level.value) for level in (Level.EXCELLENT, Level.GOOD, Level.COMPLETE, Level.NOT_COMPLETE)
]
COMMENDATION_LEVELS = [str(level.value) for level in Commendation.Level]


def percent(part: int | None, whole: int | None) -> float | None:
    """part / whole as a percentage rounded to 2 decimals; None when there is no whole."""
    if not whole:
        return None
    return round(100 * (part or 0) / whole, 2)


def number(value: Decimal | int | None) -> int | float:
    if value is None:
        return 0
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def minimum(values: list[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return min(present) if present else None
