"""One cell's figures for the appendix: per year, and over the whole period."""

from __future__ import annotations

from typing import Any

from .common import LEVELS, percent


def empty_cell_year(roll: dict[str, int], exists: bool) -> dict[str, Any]:
    return {
        "exists": exists,
        "members_on_roll": roll.get("on_roll", 0),
        "members_active": roll.get("active", 0),
        "briefed": False,
        "briefing_meetings": 0,
        "study_meetings": 0,
        "thematic_meetings": 0,
        "regular_meetings": 0,
        "_attendance": [0, 0],
        "members_pledges": 0,
        "members_personal_plans": 0,
        "ratings": {level: 0 for level in LEVELS},
        "specific_standard": False,
        "documents_received": 0,
        "activities": 0,
    }


def finish_cell_year(year: int, cell: dict[str, Any]) -> dict[str, Any]:
    present, total = cell.pop("_attendance")
    ratings = cell["ratings"]
    rated = sum(ratings.values())
    cell.update(
        {
            "year": year,
            "attendance_percent": percent(present, total),
            "pledge_percent": percent(cell["members_pledges"], cell["members_active"]),
            "members_rated": rated,
            "good_or_better_percent": percent(ratings["excellent"] + ratings["good"], rated),
            "excellent_percent": percent(ratings["excellent"], rated),
        }
    )
    cell["members_pledged"] = cell.pop("members_pledges")
    cell["members_with_plan"] = cell.pop("members_personal_plans")
    return cell


def cell_totals(cell_years: list[dict[str, Any]]) -> dict[str, Any]:
    """A cell over the whole period; "every year" means every year it existed."""
    existing = [year for year in cell_years if year["exists"]]
    return {
        "existing_years": len(existing),
        "briefed_years": sum(1 for year in existing if year["briefed"]),
        "thematic_years": sum(1 for year in existing if year["thematic_meetings"]),
        "thematic_meetings": sum(year["thematic_meetings"] for year in cell_years),
        "regular_meetings": sum(year["regular_meetings"] for year in cell_years),
        "activities": sum(year["activities"] for year in cell_years),
        "documents_received": sum(year["documents_received"] for year in cell_years),
    }
