"""One year of the committee: the counts folded from the query rows, and the year's figures
(with their rates) built from them at the end."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from meetings.models import Meeting

from .common import COMMENDATION_LEVELS, LEVELS, number, percent

if TYPE_CHECKING:
    from .cells import CellTally

COMMENDED = ("collective", "members", "non_members")


@dataclass
class Split:
    """A yearly per-person record (pledge, personal plan): members counted, and non-members."""

    members: int = 0
    non_members: int = 0


@dataclass
class ActivityTally:
    """One kind of activity in one year."""

    kind: str
    default_unit: str | None
    count: int = 0
    participants: int = 0
    quantity: Decimal = Decimal(0)
    units: set[str] = field(default_factory=set)

    def figures(self) -> dict[str, Any]:
        units = sorted(self.units)
        unit = units[0] if len(units) == 1 else (self.default_unit or ", ".join(units))
        return {
            "kind": self.kind,
            "count": self.count,
            "participants": self.participants,
            "quantity": number(self.quantity),
            "unit": unit,
        }


def _levels() -> dict[str, int]:
    return {level: 0 for level in LEVELS}


@dataclass
class YearTally:
    """The committee's counts of one year, added up row by row."""

    year: int
    roll_date: dt.date
    cells_total: int
    roll: dict[str, int]
    changes: dict[str, int]
    meetings: Counter[str] = field(default_factory=Counter)
    committee_conferences: int = 0
    present: int = 0
    attended: int = 0
    pledges: Split = field(default_factory=Split)
    personal_plans: Split = field(default_factory=Split)
    ratings: dict[str, int] = field(default_factory=_levels)
    activities: dict[int, ActivityTally] = field(default_factory=dict)  # by kind id
    inspections: dict[str, int] = field(default_factory=dict)
    common_standard: bool = False
    cells_with_specific: int = 0
    issued: int = 0
    deliveries: int = 0
    documents_delivered: int = 0
    cells_reached: set[int] = field(default_factory=set)
    commendations: dict[str, Counter[str]] = field(
        default_factory=lambda: {group: Counter() for group in COMMENDED}
    )

    def figures(self, cells: list[CellTally], topics: list[dict[str, Any]]) -> dict[str, Any]:
        """The year as interchange.md documents it; `cells` are the cells existing that year."""
        meetings = self.meetings
        # Exempted and suspended members are not expected to pledge (interchange.md, "History").
        active = self.roll["active"]
        rated = sum(self.ratings[level] for level in LEVELS)
        commendations: dict[str, Any] = {
            group: {level: self.commendations[group][level] for level in COMMENDATION_LEVELS}
            for group in COMMENDED
        }
        commendations["total"] = sum(sum(group.values()) for group in commendations.values())
        return {
            "year": self.year,
            "roll_date": self.roll_date.isoformat(),
            "cells_total": self.cells_total,
            "members_on_roll": self.roll["on_roll"],
            "members_active": active,
            "roll_changes": self.changes,
            "briefing": {
                "cells_held": sum(1 for cell in cells if cell.briefed),
                "meetings": meetings[Meeting.Kind.BRIEFING],
                "committee_conferences": self.committee_conferences,
            },
            "thematic_meetings": {
                "cells_held": sum(1 for cell in cells if cell.meetings[Meeting.Kind.THEMATIC]),
                "meetings": meetings[Meeting.Kind.THEMATIC],
            },
            "regular_meetings": {
                "cells_held": sum(1 for cell in cells if cell.meetings[Meeting.Kind.REGULAR]),
                "meetings": meetings[Meeting.Kind.REGULAR],
            },
            "study_sessions": {"meetings": meetings[Meeting.Kind.STUDY]},
            "attendance_percent": percent(self.present, self.attended),
            "attendance": {"present": self.present, "total": self.attended},
            "pledges": {
                "members_pledged": self.pledges.members,
                "percent": percent(self.pledges.members, active),
                "non_members_pledged": self.pledges.non_members,
            },
            "personal_plans": {
                "members": self.personal_plans.members,
                "percent": percent(self.personal_plans.members, active),
                "non_members": self.personal_plans.non_members,
            },
            "ratings": {
                "members_rated": rated,
                **{level: self.ratings[level] for level in LEVELS},
                "good_or_better_percent": percent(
                    self.ratings["excellent"] + self.ratings["good"], rated
                ),
                "excellent_percent": percent(self.ratings["excellent"], rated),
            },
            "activities": [entry.figures() for _kind, entry in sorted(self.activities.items())],
            "inspections": self.inspections,
            "standards": {
                "common": self.common_standard,
                "cells_with_specific": self.cells_with_specific,
            },
            "documents": {
                "issued": self.issued,
                "deliveries": self.deliveries,
                "documents_delivered": self.documents_delivered,
                "cells_reached": len(self.cells_reached),
            },
            "commendations": commendations,
            "topics": [
                {"code": topic["code"], "title": topic["title"], **topic["years"][str(self.year)]}
                for topic in topics
                if topic["years"][str(self.year)]["meetings"]
            ],
        }
