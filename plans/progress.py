"""A plan's targets measured against the review report's figures, and the cells behind them.

Every value comes from `reports.figures.compute` over the plan's year up to the target's date
(or today, when that is earlier); one computation per distinct period, shared by every target
and by the list of cells that need attention. The number of queries therefore depends on the
plan's dates, never on the size of the committee.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from core.vn import format_percent
from reports import versions
from reports.figure_cache import live_figures

from .catalogue import FIGURES, Figure
from .models import Plan, Target

ACHIEVED, ON_TRACK, AT_RISK, MISSED = "achieved", "on_track", "at_risk", "missed"
STATUS_LABELS = {
    ACHIEVED: _("Achieved"),
    ON_TRACK: _("On track"),
    AT_RISK: _("At risk"),
    MISSED: _("Missed"),
}


def quarters(year: int) -> list[tuple[dt.date, dt.date]]:
    ends = [dt.date(year, 3, 31), dt.date(year, 6, 30), dt.date(year, 9, 30), dt.date(year, 12, 31)]
    return [(dt.date(year, 3 * index + 1, 1), end) for index, end in enumerate(ends)]


def _fraction(start: dt.date, today: dt.date, end: dt.date) -> float:
    """How much of [start, end] has elapsed by today (0 to 1)."""
    length = (end - start).days + 1
    return min(1.0, max(0.0, ((today - start).days + 1) / length)) if length > 0 else 1.0


@dataclass
class TargetProgress:
    target: Target
    figure: Figure | None
    value: float | int | None
    as_of: dt.date
    status: str
    periods: list[tuple[dt.date, dt.date, Any]] = field(default_factory=list)

    @property
    def status_label(self) -> Any:
        return STATUS_LABELS[self.status]

    @property
    def satisfied(self) -> bool:
        return self.status in (ACHIEVED, ON_TRACK) and _meets(self.target, self.value)


def _meets(target: Target, value: Any) -> bool:
    if value is None:
        return False
    if target.comparison == Target.Comparison.AT_MOST:
        return Decimal(str(value)) <= target.value
    return Decimal(str(value)) >= target.value


class Evaluator:
    """Measures targets of one committee; memoises `compute` per period."""

    def __init__(self, committee: Any, today: dt.date):
        self.committee = committee
        self.today = today
        self._figures: dict[tuple[dt.date, dt.date], dict[str, Any]] = {}
        self._counters: dict[int, int] | None = None

    def figures(self, start: dt.date, end: dt.date) -> dict[str, Any]:
        """The report's figures over [start, end]: computed once per change of the records
        (`reports.figure_cache`), then once per evaluator."""
        key = (start, end)
        if key not in self._figures:
            if self._counters is None:
                self._counters = versions.current()
            self._figures[key] = live_figures(
                self.committee, start, end, self.today, self._counters
            )
        return self._figures[key]

    def year_entry(self, start: dt.date, end: dt.date) -> dict[str, Any]:
        return self.figures(start, end)["years"][0]

    def measure(self, target: Target, year: int) -> TargetProgress:
        figure = FIGURES.get(target.figure)
        start = dt.date(year, 1, 1)
        as_of = min(target.due, self.today, dt.date(year, 12, 31))
        if figure is None or as_of < start:
            return TargetProgress(target, figure, None, as_of, ON_TRACK)
        if figure.quarterly:
            return self._measure_quarters(target, figure, year, as_of)
        value = figure.read(self.year_entry(start, as_of))
        return TargetProgress(target, figure, value, as_of, self._status(target, value, start))

    def _measure_quarters(
        self, target: Target, figure: Figure, year: int, as_of: dt.date
    ) -> TargetProgress:
        periods = []
        failed_whole_quarter = False
        for q_start, q_end in quarters(year):
            if q_start > as_of:
                break
            end = min(q_end, as_of)
            value = figure.read(self.year_entry(q_start, end))
            periods.append((q_start, end, value))
            if end == q_end and end < self.today and not _meets(target, value):
                failed_whole_quarter = True
        values = [value for _, _, value in periods if value is not None]
        weakest = min(values) if values else None
        if failed_whole_quarter:
            status = MISSED
        else:
            status = self._status(target, periods[-1][2], periods[-1][0])
            if status == ACHIEVED and not _meets(target, weakest):
                status = MISSED
        return TargetProgress(target, figure, weakest, as_of, status, periods)

    def _status(self, target: Target, value: Any, start: dt.date) -> str:
        if target.due < self.today:
            return ACHIEVED if _meets(target, value) else MISSED
        if _meets(target, value):
            return ON_TRACK
        if target.comparison == Target.Comparison.AT_LEAST and value is not None:
            expected = float(target.value) * _fraction(start, self.today, target.due)
            return ON_TRACK if float(value) >= expected else AT_RISK
        return AT_RISK


def evaluate(
    plan: Plan, today: dt.date, evaluator: Evaluator | None = None
) -> list[TargetProgress]:
    """Each target of the plan with its value and status, in due-date order."""
    evaluator = evaluator or Evaluator(plan.committee, today)
    return [evaluator.measure(target, plan.year) for target in plan.targets.all()]


def status_counts(rows: list[TargetProgress]) -> list[dict[str, Any]]:
    """[{status, label, n}] for each status that some target has."""
    counts = {status: 0 for status in STATUS_LABELS}
    for row in rows:
        counts[row.status] += 1
    return [
        {"status": status, "label": STATUS_LABELS[status], "n": n}
        for status, n in counts.items()
        if n
    ]


@dataclass
class CellAttention:
    code: str
    name: str
    reasons: list[str]


def cells_needing_attention(evaluator: Evaluator, year: int) -> list[CellAttention]:
    """Cells behind on what the plan measures, read from the same figures (this year, and this
    quarter for thematic meetings)."""
    today = evaluator.today
    if today.year != year:
        return []
    year_cells = evaluator.figures(dt.date(year, 1, 1), today)["cells"]
    q_start = next(start for start, end in quarters(year) if start <= today <= end)
    quarter_cells = {cell["code"]: cell for cell in evaluator.figures(q_start, today)["cells"]}
    result = []
    for cell in year_cells:
        entry = cell["years"][0]
        reasons = []
        missing = entry["members_on_roll"] - entry["members_pledged"]
        if missing > 0:
            reasons.append(_("%(n)s members have not pledged") % {"n": missing})
        if not quarter_cells[cell["code"]]["years"][0]["thematic_meetings"]:
            reasons.append(str(_("no thematic meeting this quarter")))
        if entry["attendance_percent"] is not None and entry["attendance_percent"] < 80:
            reasons.append(
                _("attendance %(percent)s")
                % {"percent": format_percent(entry["attendance_percent"])}
            )
        if reasons:
            result.append(CellAttention(cell["code"], cell["name"], reasons))
    return result
