"""The period as a whole: sums of the yearly counts and the weakest year of each rate."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .common import COMMENDATION_LEVELS, minimum, number, percent


def period_totals(
    years: list[dict[str, Any]], cells: list[dict[str, Any]], topics: list[dict[str, Any]]
) -> dict[str, Any]:
    """The period as a whole: sums of counts, and the weakest year of each rate."""
    year_count = len(years)
    rated_years = [year for year in years if year["ratings"]["members_rated"]]
    activities: dict[str, dict[str, Any]] = {}
    for year in years:
        for entry in year["activities"]:
            total = activities.setdefault(
                entry["kind"],
                {
                    "kind": entry["kind"],
                    "count": 0,
                    "participants": 0,
                    "quantity": Decimal(0),
                    "unit": entry["unit"],
                },
            )
            total["count"] += entry["count"]
            total["participants"] += entry["participants"]
            total["quantity"] += Decimal(str(entry["quantity"]))
            if total["unit"] != entry["unit"]:
                total["unit"] = ", ".join(sorted({*total["unit"].split(", "), entry["unit"]}))
    for total in activities.values():
        total["quantity"] = number(total["quantity"])
    present = sum(year["attendance"]["present"] for year in years)
    attended = sum(year["attendance"]["total"] for year in years)
    last = years[-1]
    return {
        "years": year_count,
        # Cells that existed on some day of the period (a merged cell counts once).
        "cells_in_period": len(cells),
        "cells_briefed": sum(1 for cell in cells if cell["totals"]["briefed_years"]),
        "cells_briefed_every_year": sum(1 for cell in cells if _every_year(cell, "briefed_years")),
        "cells_thematic_every_year": sum(
            1 for cell in cells if _every_year(cell, "thematic_years")
        ),
        # Every year, every cell existing on its roll date did it (cells come and go).
        "all_cells_briefed_each_year": all(
            year["briefing"]["cells_held"] == year["cells_total"] for year in years
        ),
        "all_cells_thematic_each_year": all(
            year["thematic_meetings"]["cells_held"] == year["cells_total"] for year in years
        ),
        "briefing_meetings": sum(year["briefing"]["meetings"] for year in years),
        "committee_conferences": sum(year["briefing"]["committee_conferences"] for year in years),
        "thematic_meetings": sum(year["thematic_meetings"]["meetings"] for year in years),
        "regular_meetings": sum(year["regular_meetings"]["meetings"] for year in years),
        "study_sessions": sum(year["study_sessions"]["meetings"] for year in years),
        "attendance_percent": percent(present, attended),
        "members_on_roll_end": last["members_on_roll"],
        "members_active_end": last["members_active"],
        "cells_end": last["cells_total"],
        "roll_changes": {
            key: sum(year["roll_changes"][key] for year in years)
            for key in ("admitted", "moved_in", "moved_out", "left")
        },
        "pledge_percent_min": minimum([year["pledges"]["percent"] for year in years]),
        "members_pledged": sum(year["pledges"]["members_pledged"] for year in years),
        "non_members_pledged": sum(year["pledges"]["non_members_pledged"] for year in years),
        "personal_plans_percent_min": minimum(
            [year["personal_plans"]["percent"] for year in years]
        ),
        "rated_years": [year["year"] for year in rated_years],
        "good_or_better_percent_min": minimum(
            [year["ratings"]["good_or_better_percent"] for year in rated_years]
        ),
        "excellent_percent_min": minimum(
            [year["ratings"]["excellent_percent"] for year in rated_years]
        ),
        "activities": list(activities.values()),
        "activities_count": sum(entry["count"] for entry in activities.values()),
        "activity_participants": sum(entry["participants"] for entry in activities.values()),
        "documents_issued": sum(year["documents"]["issued"] for year in years),
        "document_deliveries": sum(year["documents"]["deliveries"] for year in years),
        "cells_with_specific_standards_max": max(
            (year["standards"]["cells_with_specific"] for year in years), default=0
        ),
        "commendations": {
            group: {
                level: sum(year["commendations"][group][level] for year in years)
                for level in COMMENDATION_LEVELS
            }
            for group in ("collective", "members", "non_members")
        },
        "commendations_total": sum(year["commendations"]["total"] for year in years),
        "inspections": {
            "planned": sum(year["inspections"]["planned"] for year in years),
            "concluded": sum(year["inspections"]["concluded"] for year in years),
            "remediations_done": sum(year["inspections"]["remediations_done"] for year in years),
            "remediations_open": last["inspections"]["remediations_open"],
            "remediations_late": last["inspections"]["remediations_late"],
        },
        "topics_studied": len(topics),
    }


def _every_year(cell: dict[str, Any], key: str) -> bool:
    totals = cell["totals"]
    return bool(totals["existing_years"]) and totals[key] == totals["existing_years"]
