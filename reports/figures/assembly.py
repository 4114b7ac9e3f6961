"""Folding the query rows into the per-year, per-cell and per-topic figures of the result."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from meetings.models import Meeting
from organisation.membership import unit_name_on

from .cells import cell_totals, empty_cell_year, finish_cell_year
from .queries import FigureQueries
from .topics import study_topics
from .totals import period_totals
from .years import activity_entry, empty_year, finish_year


class Figures(FigureQueries):
    """The queries' rows folded into the result of `compute()`."""

    def result(self) -> dict[str, Any]:
        scope = self.scope
        roll_total, roll_unit = self.roll_counts()
        roll_changes = self.roll_change_rows()
        meetings = self.meeting_rows()
        attendance = self.attendance_rows()
        pledges = self.yearly_rows(scope.pledges())
        plans = self.yearly_rows(scope.personal_plans())
        ratings = self.yearly_rows(scope.ratings(), "level")
        standards = list(scope.standards().values("year", "unit_id", "kind"))
        activities = self.activity_rows()
        inspections = self.inspection_figures()
        issued, deliveries, delivered_documents = self.document_rows()
        commendations = self.commendation_rows()
        topics = self.topic_rows()

        cell_ids = self.cell_ids
        committee_id = scope.committee.pk
        # cell -> year -> figures
        existing = self.existing_cells()
        per_cell: dict[int, dict[int, dict[str, Any]]] = {
            cell["id"]: {
                year: empty_cell_year(
                    roll_unit.get((year, cell["id"]), {}), cell["id"] in existing[year]
                )
                for year in self.years
            }
            for cell in self.cells
        }
        years: dict[int, dict[str, Any]] = {
            year: empty_year(year, scope, len(existing[year]), roll_total[year], roll_changes[year])
            for year in self.years
        }

        for row in meetings:
            year, unit, kind, n = row["year"], row["unit_id"], row["kind"], row["n"]
            entry = years[year]
            # A sitting held as both the regular and the thematic meeting of the month
            # (Meeting.combined, rules.md) counts in both the regular and the thematic figures.
            kinds = (
                {kind, Meeting.Kind.REGULAR, Meeting.Kind.THEMATIC} if row["combined"] else {kind}
            )
            for counted in kinds:
                entry["_meetings"][counted] += n
            if unit in cell_ids:
                cell = per_cell[unit][year]
                for counted in kinds:
                    cell[f"{counted}_meetings"] += n
                if row["briefs"]:
                    cell["briefed"] = True
            elif unit == committee_id and kind == Meeting.Kind.BRIEFING:
                entry["briefing"]["committee_conferences"] += n
        for row in attendance:
            year, unit = row["year"], row["meeting__unit_id"]
            years[year]["attendance"]["present"] += row["present"]
            years[year]["attendance"]["total"] += row["total"]
            if unit in cell_ids:
                per_cell[unit][year]["_attendance"][0] += row["present"]
                per_cell[unit][year]["_attendance"][1] += row["total"]
        for rows, key in ((pledges, "pledges"), (plans, "personal_plans")):
            for row in rows:
                year = row["year"]
                if not row["report_member"]:
                    years[year][f"_{key}"]["non_members"] += row["n"]
                    continue
                if not row["report_active"]:
                    continue  # exempted or suspended: not expected, not counted
                years[year][f"_{key}"]["members"] += row["n"]
                if row["report_cell"] in cell_ids:
                    per_cell[row["report_cell"]][year][f"members_{key}"] += row["n"]
        for row in ratings:
            year = row["year"]
            years[year]["ratings"][row["level"]] += row["n"]
            if row["report_cell"] in cell_ids:
                per_cell[row["report_cell"]][year]["ratings"][row["level"]] += row["n"]
        for row in standards:
            year = row["year"]
            if row["kind"] == "common" and row["unit_id"] == committee_id:
                years[year]["standards"]["common"] = True
            if row["kind"] == "specific" and row["unit_id"] in cell_ids:
                years[year]["standards"]["cells_with_specific"] += 1
                per_cell[row["unit_id"]][year]["specific_standard"] = True
        kinds: dict[tuple[int, int], dict[str, Any]] = {}
        for row in activities:
            year = row["year"]
            entry = kinds.setdefault(
                (year, row["kind_id"]),
                {
                    "kind": row["kind__name"],
                    "count": 0,
                    "participants": 0,
                    "quantity": Decimal(0),
                    "_units": set(),
                    "_default": row["kind__default_measure_unit"],
                },
            )
            entry["count"] += row["n"]
            entry["participants"] += row["participants"] or 0
            entry["quantity"] += row["quantity"] or 0
            entry["_units"].update(u for u in (row["unit_min"], row["unit_max"]) if u)
            if row["unit_id"] in cell_ids:
                per_cell[row["unit_id"]][year]["activities"] += row["n"]
        for (year, _kind), entry in sorted(kinds.items()):
            years[year]["activities"].append(activity_entry(entry))
        for year, figures in inspections.items():
            years[year]["inspections"] = figures
        for year, n in issued.items():
            years[year]["documents"]["issued"] = n
        for row in deliveries:
            year = row["year"]
            years[year]["documents"]["deliveries"] += row["n"]
            if row["unit_id"] in cell_ids:
                years[year]["documents"]["_cells"].add(row["unit_id"])
                per_cell[row["unit_id"]][year]["documents_received"] += row["n"]
        for year, n in delivered_documents.items():
            years[year]["documents"]["documents_delivered"] = n
        for row in commendations:
            group = years[row["year"]]["commendations"][row["target"]]
            group[row["level"]] = group.get(row["level"], 0) + row["n"]
        topic_table = study_topics(topics, cell_ids, self.years)

        cells_out = []
        for cell in self.cells:
            cell_years = []
            for year in self.years:
                cell_years.append(finish_cell_year(year, per_cell[cell["id"]][year]))
            cells_out.append(
                {
                    "code": cell["code"],
                    "name": cell["name"],
                    "years": cell_years,
                    "totals": cell_totals(cell_years),
                }
            )
        for year in self.years:
            cells_of_year = [per_cell[cell["id"]][year] for cell in self.cells]
            finish_year(
                years[year], [cell for cell in cells_of_year if cell["exists"]], topic_table, year
            )
        year_list = [years[year] for year in self.years]
        return {
            "committee": {
                "code": scope.committee.code,
                "name": unit_name_on(scope.committee, scope.period.end),
            },
            "period": {"from": scope.period.start.isoformat(), "to": scope.period.end.isoformat()},
            "cells_total": len(self.existing_on(scope.period.end)),
            "years": year_list,
            "totals": period_totals(year_list, cells_out, topic_table),
            "cells": cells_out,
            "topics": topic_table,
        }
