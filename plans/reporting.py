"""What the review report takes from the plans: its breakthrough-area section.

`breakthrough_section(committee, start, end)` is the one function the report drafting calls;
it returns None when the committee has no plan in the period, so the report falls back to its
own wording.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .models import Plan
from .selectors import evidence


def _count(n: int, noun: str) -> str:
    return f"{n:,}".replace(",", ".") + f" {noun}"


def breakthrough_section(committee: Any, start: dt.date, end: dt.date) -> str | None:
    """The breakthrough areas of the committee's plans in [start, end], with their actions and
    what evidences them (meetings, activities, inspections tagged with each area)."""
    plans = list(
        Plan.objects.filter(committee=committee, year__gte=start.year, year__lte=end.year)
        .exclude(areas=None)
        .order_by("year")
    )
    if not plans:
        return None
    names: dict[str, dict[str, Any]] = {}
    for plan in plans:
        period_start, period_end = (
            max(start, dt.date(plan.year, 1, 1)),
            min(end, dt.date(plan.year, 12, 31)),
        )
        for entry in evidence(plan, period_start, period_end):
            area = names.setdefault(
                entry.area.focus_area.name,
                {"years": [], "actions": [], "meetings": 0, "activities": 0, "inspections": 0},
            )
            area["years"].append(plan.year)
            for action in entry.area.action_lines:
                if action not in area["actions"]:
                    area["actions"].append(action)
            area["meetings"] += len(entry.meetings)
            area["activities"] += len(entry.activities)
            area["inspections"] += len(entry.inspections)
    listed = "; ".join(name[0].lower() + name[1:] for name in names)
    lines = [
        f"Trong kế hoạch thực hiện hằng năm, Đảng ủy xác định các nội dung đột phá gồm: {listed}."
    ]
    for name, area in names.items():
        years = area["years"]
        span = f"năm {years[0]}" if len(years) == 1 else f"các năm {years[0]}–{years[-1]}"
        evidence_parts = [
            _count(area[key], noun)
            for key, noun in (
                ("meetings", "buổi sinh hoạt chuyên đề, sinh hoạt chi bộ"),
                ("activities", "hoạt động"),
                ("inspections", "cuộc kiểm tra, giám sát"),
            )
            if area[key]
        ]
        text = f"- {name} ({span})"
        if area["actions"]:
            text += ": " + "; ".join(action.rstrip(".") for action in area["actions"])
        text += "."
        if evidence_parts:
            text += " Kết quả: " + ", ".join(evidence_parts) + " gắn với nội dung này."
        else:
            text += " Chưa có hồ sơ nào gắn với nội dung này."
        lines.append(text)
    return "\n".join(lines)
