"""One year of the committee: its empty shape, and the rates computed at the end."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from meetings.models import Meeting

from ..scope import Scope
from .common import COMMENDATION_LEVELS, LEVELS, number, percent


def empty_year(
    year: int, scope: Scope, cells_total: int, roll: dict[str, int], changes: dict[str, int]
) -> dict[str, Any]:
    return {
        "year": year,
        "roll_date": scope.roll_dates[year].isoformat(),
        "cells_total": cells_total,
        "members_on_roll": roll["on_roll"],
        "members_active": roll["active"],
        "roll_changes": changes,
        "briefing": {"cells_held": 0, "meetings": 0, "committee_conferences": 0},
        "thematic_meetings": {"cells_held": 0, "meetings": 0},
        "regular_meetings": {"cells_held": 0, "meetings": 0},
        "study_sessions": {"meetings": 0},
        "attendance_percent": None,
        "attendance": {"present": 0, "total": 0},
        "pledges": {},
        "personal_plans": {},
        "ratings": {level: 0 for level in LEVELS},
        "activities": [],
        "inspections": {},
        "standards": {"common": False, "cells_with_specific": 0},
        "documents": {
            "issued": 0,
            "deliveries": 0,
            "documents_delivered": 0,
            "cells_reached": 0,
            "_cells": set(),
        },
        "commendations": {"collective": {}, "members": {}, "non_members": {}},
        "_meetings": defaultdict(int),
        "_pledges": {"members": 0, "non_members": 0},
        "_personal_plans": {"members": 0, "non_members": 0},
    }


def activity_entry(entry: dict[str, Any]) -> dict[str, Any]:
    units = sorted(entry["_units"])
    unit = units[0] if len(units) == 1 else (entry["_default"] or ", ".join(units))
    return {
        "kind": entry["kind"],
        "count": entry["count"],
        "participants": entry["participants"],
        "quantity": number(entry["quantity"]),
        "unit": unit,
    }


def finish_year(entry: dict[str, Any], cells: list[dict], topics: list[dict], year: int) -> None:
    meetings = entry.pop("_meetings")
    entry["briefing"]["cells_held"] = sum(1 for cell in cells if cell["briefed"])
    entry["briefing"]["meetings"] = meetings[Meeting.Kind.BRIEFING]
    entry["thematic_meetings"] = {
        "cells_held": sum(1 for cell in cells if cell["thematic_meetings"]),
        "meetings": meetings[Meeting.Kind.THEMATIC],
    }
    entry["regular_meetings"] = {
        "cells_held": sum(1 for cell in cells if cell["regular_meetings"]),
        "meetings": meetings[Meeting.Kind.REGULAR],
    }
    entry["study_sessions"] = {"meetings": meetings[Meeting.Kind.STUDY]}
    attendance = entry["attendance"]
    entry["attendance_percent"] = percent(attendance["present"], attendance["total"])
    # Exempted and suspended members are not expected to pledge (interchange.md, "History").
    on_roll = entry["members_active"]
    pledges = entry.pop("_pledges")
    entry["pledges"] = {
        "members_pledged": pledges["members"],
        "percent": percent(pledges["members"], on_roll),
        "non_members_pledged": pledges["non_members"],
    }
    plans = entry.pop("_personal_plans")
    entry["personal_plans"] = {
        "members": plans["members"],
        "percent": percent(plans["members"], on_roll),
        "non_members": plans["non_members"],
    }
    ratings = entry["ratings"]
    rated = sum(ratings[level] for level in LEVELS)
    entry["ratings"] = {
        "members_rated": rated,
        **{level: ratings[level] for level in LEVELS},
        "good_or_better_percent": percent(ratings["excellent"] + ratings["good"], rated),
        "excellent_percent": percent(ratings["excellent"], rated),
    }
    documents = entry["documents"]
    documents["cells_reached"] = len(documents.pop("_cells"))
    commendations = entry["commendations"]
    for group in ("collective", "members", "non_members"):
        commendations[group] = {
            level: commendations[group].get(level, 0) for level in COMMENDATION_LEVELS
        }
    commendations["total"] = sum(sum(group.values()) for group in list(commendations.values()))
    entry["topics"] = [
        {"code": topic["code"], "title": topic["title"], **topic["years"][str(year)]}
        for topic in topics
        if topic["years"][str(year)]["meetings"]
    ]
