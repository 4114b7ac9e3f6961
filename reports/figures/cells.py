"""One cell's figures for the appendix: per year, and over the whole period."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from meetings.models import Meeting

from .common import LEVELS, percent


@dataclass
class CellTally:
    """A cell's counts of one year, added up row by row."""

    exists: bool
    on_roll: int = 0
    active: int = 0
    briefed: bool = False
    meetings: Counter[str] = field(default_factory=Counter)
    present: int = 0
    attended: int = 0
    pledges: int = 0
    personal_plans: int = 0
    ratings: dict[str, int] = field(default_factory=lambda: {level: 0 for level in LEVELS})
    specific_standard: bool = False
    documents_received: int = 0
    activities: int = 0

    def figures(self, year: int) -> dict[str, Any]:
        ratings = self.ratings
        rated = sum(ratings.values())
        return {
            "exists": self.exists,
            "members_on_roll": self.on_roll,
            "members_active": self.active,
            "briefed": self.briefed,
            "briefing_meetings": self.meetings[Meeting.Kind.BRIEFING],
            "study_meetings": self.meetings[Meeting.Kind.STUDY],
            "thematic_meetings": self.meetings[Meeting.Kind.THEMATIC],
            "regular_meetings": self.meetings[Meeting.Kind.REGULAR],
            "ratings": ratings,
            "specific_standard": self.specific_standard,
            "documents_received": self.documents_received,
            "activities": self.activities,
            "year": year,
            "attendance_percent": percent(self.present, self.attended),
            "pledge_percent": percent(self.pledges, self.active),
            "members_rated": rated,
            "good_or_better_percent": percent(ratings["excellent"] + ratings["good"], rated),
            "excellent_percent": percent(ratings["excellent"], rated),
            "members_pledged": self.pledges,
            "members_with_plan": self.personal_plans,
        }


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
