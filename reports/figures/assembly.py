"""Folding the query rows into the per-year, per-cell and per-topic figures of the result.

Each kind of row has its fold, which adds the row to the tallies of its year and of its cell
(`YearTally`, `CellTally`); the public result is built from the tallies at the end, so no
working value ever travels in the result.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from meetings.models import Meeting
from organisation.membership import unit_name_on

from .cells import CellTally, cell_totals
from .queries import FigureQueries, Row
from .topics import study_topics
from .totals import period_totals
from .years import ActivityTally, YearTally


class Figures(FigureQueries):
    """The queries' rows folded into the result of `compute()`."""

    def result(self) -> dict[str, Any]:
        scope = self.scope
        roll_total, roll_unit = self.roll_counts()
        changes = self.roll_change_rows()
        existing = self.existing_cells()
        self.tally = {
            year: YearTally(year, day, len(existing[year]), roll_total[year], changes[year])
            for year, day in scope.roll_dates.items()
        }
        # cell -> year -> counts
        self.cell_tally = {
            cell["id"]: {
                year: CellTally(
                    cell["id"] in existing[year], *_roll(roll_unit.get((year, cell["id"])))
                )
                for year in self.years
            }
            for cell in self.cells
        }
        issued, deliveries, delivered_documents = self.document_rows()
        folds: list[tuple[Callable[[list[Row]], None], list[Row]]] = [
            (self.fold_meetings, self.meeting_rows()),
            (self.fold_attendance, self.attendance_rows()),
            (self.fold_pledges, self.yearly_rows("pledges")),
            (self.fold_personal_plans, self.yearly_rows("personal_plans")),
            (self.fold_ratings, self.yearly_rows("ratings", "level")),
            (self.fold_standards, self.standard_rows()),
            (self.fold_activities, self.activity_rows()),
            (self.fold_deliveries, deliveries),
            (self.fold_commendations, self.commendation_rows()),
        ]
        for fold, rows in folds:
            fold(rows)
        for year, figures in self.inspection_figures().items():
            self.tally[year].inspections = figures
        for year, n in issued.items():
            self.tally[year].issued = n
        for year, n in delivered_documents.items():
            self.tally[year].documents_delivered = n
        topics = study_topics(self.topic_rows(), self.cell_ids, self.years)
        return self.assemble(topics)

    def assemble(self, topics: list[dict[str, Any]]) -> dict[str, Any]:
        """The public result, from the tallies."""
        scope = self.scope
        cells = []
        for cell in self.cells:
            cell_years = [self.cell_tally[cell["id"]][year].figures(year) for year in self.years]
            cells.append(
                {
                    "code": cell["code"],
                    "name": cell["name"],
                    "years": cell_years,
                    "totals": cell_totals(cell_years),
                }
            )
        years = []
        for year in self.years:
            existing = [tally[year] for tally in self.cell_tally.values() if tally[year].exists]
            years.append(self.tally[year].figures(existing, topics))
        return {
            "committee": {
                "code": scope.committee.code,
                "name": unit_name_on(scope.committee, scope.period.end),
            },
            "period": {"from": scope.period.start.isoformat(), "to": scope.period.end.isoformat()},
            "cells_total": len(self.existing_on(scope.period.end)),
            "years": years,
            "totals": period_totals(years, cells, topics),
            "cells": cells,
            "topics": topics,
        }

    # -- folds: one kind of row each -------------------------------------------------------
    def _cell(self, unit_id: int | None, year: int) -> CellTally | None:
        """The tally of the unit in the year when the unit is one of the period's cells."""
        if unit_id in self.cell_ids:
            return self.cell_tally[unit_id][year]
        return None

    def fold_meetings(self, rows: list[Row]) -> None:
        for row in rows:
            year, kind, n = row["year"], row["kind"], row["n"]
            # A sitting held as both the regular and the thematic meeting of the month
            # (Meeting.combined, rules.md) counts in both the regular and the thematic figures.
            kinds = (
                {kind, Meeting.Kind.REGULAR, Meeting.Kind.THEMATIC} if row["combined"] else {kind}
            )
            self.tally[year].meetings.update(dict.fromkeys(kinds, n))
            cell = self._cell(row["unit_id"], year)
            if cell is not None:
                cell.meetings.update(dict.fromkeys(kinds, n))
                cell.briefed = cell.briefed or bool(row["briefs"])
            elif row["unit_id"] == self.scope.committee.pk and kind == Meeting.Kind.BRIEFING:
                self.tally[year].committee_conferences += n

    def fold_attendance(self, rows: list[Row]) -> None:
        for row in rows:
            year = row["year"]
            self.tally[year].present += row["present"]
            self.tally[year].attended += row["total"]
            cell = self._cell(row["meeting__unit_id"], year)
            if cell is not None:
                cell.present += row["present"]
                cell.attended += row["total"]

    def fold_pledges(self, rows: list[Row]) -> None:
        self._fold_people(rows, "pledges")

    def fold_personal_plans(self, rows: list[Row]) -> None:
        self._fold_people(rows, "personal_plans")

    def _fold_people(self, rows: list[Row], record: str) -> None:
        """Pledges or personal plans: members counted once each, non-members apart."""
        for row in rows:
            split = getattr(self.tally[row["year"]], record)
            if not row["report_member"]:
                split.non_members += row["n"]
                continue
            if not row["report_active"]:
                continue  # exempted or suspended: not expected, not counted
            split.members += row["n"]
            cell = self._cell(row["report_cell"], row["year"])
            if cell is not None:
                setattr(cell, record, getattr(cell, record) + row["n"])

    def fold_ratings(self, rows: list[Row]) -> None:
        for row in rows:
            self.tally[row["year"]].ratings[row["level"]] += row["n"]
            cell = self._cell(row["report_cell"], row["year"])
            if cell is not None:
                cell.ratings[row["level"]] += row["n"]

    def fold_standards(self, rows: list[Row]) -> None:
        for row in rows:
            tally = self.tally[row["year"]]
            if row["kind"] == "common" and row["unit_id"] == self.scope.committee.pk:
                tally.common_standard = True
            cell = self._cell(row["unit_id"], row["year"])
            if row["kind"] == "specific" and cell is not None:
                tally.cells_with_specific += 1
                cell.specific_standard = True

    def fold_activities(self, rows: list[Row]) -> None:
        for row in rows:
            activities = self.tally[row["year"]].activities
            entry = activities.get(row["kind_id"])
            if entry is None:
                entry = activities[row["kind_id"]] = ActivityTally(
                    row["kind__name"], row["kind__default_measure_unit"]
                )
            entry.count += row["n"]
            entry.participants += row["participants"] or 0
            entry.quantity += row["quantity"] or 0
            entry.units.update(unit for unit in (row["unit_min"], row["unit_max"]) if unit)
            cell = self._cell(row["unit_id"], row["year"])
            if cell is not None:
                cell.activities += row["n"]

    def fold_deliveries(self, rows: list[Row]) -> None:
        for row in rows:
            tally = self.tally[row["year"]]
            tally.deliveries += row["n"]
            cell = self._cell(row["unit_id"], row["year"])
            if cell is not None:
                tally.cells_reached.add(row["unit_id"])
                cell.documents_received += row["n"]

    def fold_commendations(self, rows: list[Row]) -> None:
        for row in rows:
            self.tally[row["year"]].commendations[row["target"]][row["level"]] += row["n"]


def _roll(figures: dict[str, int] | None) -> tuple[int, int]:
    """A cell's members on the roll and active; none when it had no period that day."""
    return (figures["on_roll"], figures["active"]) if figures else (0, 0)
