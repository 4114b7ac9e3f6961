"""The rating round at a glance: who is still to self-assess, propose or be decided, and the
decided levels per cell and year. Built on the round's rows (`selectors.round_rows`)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q

from organisation import membership
from organisation.models import Unit

from .models import LEVEL_ORDER, Level, Rating
from .selectors import (
    RoundRow,
    roll_date,
    round_querysets,
    round_rows,
    unit_ratings,
    visible_cells,
)


@dataclass
class LevelCounts:
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, level: str, number: int) -> None:
        self.counts[level] = self.counts.get(level, 0) + number

    @property
    def rated(self) -> int:
        return sum(self.counts.get(level, 0) for level in LEVEL_ORDER)

    def of(self, level: str) -> int:
        return self.counts.get(level, 0)

    @property
    def levels(self) -> list[int]:
        return [self.of(level) for level in LEVEL_ORDER]

    @property
    def good_or_better(self) -> int:
        return self.of(Level.EXCELLENT) + self.of(Level.GOOD)

    @property
    def good_or_better_percent(self) -> Decimal | None:
        return _percent(self.good_or_better, self.rated)

    @property
    def excellent_percent(self) -> Decimal | None:
        return _percent(self.of(Level.EXCELLENT), self.rated)


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"))


@dataclass
class Progress:
    year: int
    rows: list[RoundRow]
    not_self_assessed: list[RoundRow]
    not_proposed_cells: list[Unit]
    undecided_members: int
    undecided_cells: list[Unit]
    cells: list[Unit]


def progress(user: Any, year: int) -> Progress:
    """Who has not self-assessed, which cells have not proposed, what is left to decide."""
    rows = round_rows(user, year)
    cells = list(visible_cells(user).order_by("path"))
    units = unit_ratings(user, year)
    not_self = [row for row in rows if not (row.rating and row.rating.self_assessed_at)]
    pending_cells = {
        row.cell.pk
        for row in rows
        if not (row.rating and (row.rating.proposed_at or row.rating.level))
    }
    not_proposed = [
        cell
        for cell in cells
        if cell.pk in pending_cells
        or not (units.get(cell.pk) and (units[cell.pk].proposed_at or units[cell.pk].level))
    ]
    undecided_members = sum(1 for row in rows if not (row.rating and row.rating.level))
    undecided_cells = [cell for cell in cells if not (units.get(cell.pk) and units[cell.pk].level)]
    return Progress(year, rows, not_self, not_proposed, undecided_members, undecided_cells, cells)


@dataclass
class RoundCounts:
    members: int
    not_self_assessed: int
    cells_not_proposed: int
    undecided_members: int


def round_counts(user: Any, year: int) -> RoundCounts:
    """`progress`'s counts (the home page's rating round) from the same rows, read as values:
    no person, unit or rating object is built for every member of the committee. Four
    queries."""
    postings, ratings = round_querysets(user, year)
    # person -> [cell id, (self-assessed, proposed, decided) or None]
    rows: dict[int, list[Any]] = {}
    for person_id, unit_id in postings.values_list("person_id", "unit_id"):
        rows[person_id] = [unit_id, None]
    for person_id, cell_id, assessed, proposed, level in ratings.values_list(
        "person_id", "cell_id", "self_assessed_at", "proposed_at", "level"
    ):
        stages = (bool(assessed), bool(proposed), bool(level))
        row = rows.get(person_id)
        if row is None:
            rows[person_id] = [cell_id, stages]
        else:
            row[1] = stages
            if cell_id is not None:
                row[0] = cell_id
    units = unit_ratings(user, year)
    pending_cells = {
        cell for cell, stages in rows.values() if not (stages and (stages[1] or stages[2]))
    }
    not_proposed = [
        pk
        for pk in visible_cells(user).values_list("pk", flat=True)
        if pk in pending_cells or not (units.get(pk) and (units[pk].proposed_at or units[pk].level))
    ]
    return RoundCounts(
        members=len(rows),
        not_self_assessed=sum(1 for _, stages in rows.values() if not (stages and stages[0])),
        cells_not_proposed=len(not_proposed),
        undecided_members=sum(1 for _, stages in rows.values() if not (stages and stages[2])),
    )


@dataclass
class Summary:
    year: int
    cells: list[tuple[Unit, LevelCounts, str]]  # cell, its members' levels, the cell's level
    overall: LevelCounts
    units: LevelCounts
    by_year: list[tuple[int, LevelCounts]]


def summary(committee: Unit, year: int, *, years_back: int = 3) -> Summary:
    """Decided members' levels per cell and overall, the cells' own levels, and the same
    overall figures for the previous years. Three queries whatever the size."""
    first_year = year - years_back
    grouped = (
        Rating.objects.filter(
            committee=committee, person__isnull=False, year__gte=first_year, year__lte=year
        )
        .exclude(level="")
        .values("year", "cell_id", "level")
        .annotate(n=Count("id"))
        .order_by()
    )
    per_cell: dict[int, LevelCounts] = defaultdict(LevelCounts)
    per_year: dict[int, LevelCounts] = defaultdict(LevelCounts)
    for row in grouped:
        per_year[row["year"]].add(row["level"], row["n"])
        if row["year"] == year:
            per_cell[row["cell_id"]].add(row["level"], row["n"])
    cell_levels = dict(
        Rating.objects.filter(committee=committee, year=year, unit__isnull=False).values_list(
            "unit_id", "level"
        )
    )
    units = LevelCounts()
    for level in cell_levels.values():
        if level:
            units.add(level, 1)
    cells = list(
        Unit.objects.filter(path__startswith=committee.path)
        .filter(Q(kind=Unit.Kind.CELL) | Q(pk__in=list(per_cell)))
        .order_by("path")
    )
    table = [
        (cell, per_cell.get(cell.pk, LevelCounts()), cell_levels.get(cell.pk, "")) for cell in cells
    ]
    return Summary(
        year=year,
        cells=table,
        overall=per_year.get(year, LevelCounts()),
        units=units,
        by_year=[(y, per_year.get(y, LevelCounts())) for y in range(first_year, year + 1)],
    )


def roll_ratings(committee: Unit, year: int, on: dt.date | None = None) -> LevelCounts:
    """Levels of the members on the roll at the roll date (the report's definition)."""
    on = on or roll_date(year)
    counts = LevelCounts()
    rows = (
        Rating.objects.filter(year=year, person__in=membership.roll(committee, on, active=True))
        .exclude(level="")
        .values("level")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        counts.add(row["level"], row["n"])
    return counts
