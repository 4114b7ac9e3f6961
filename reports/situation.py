"""'Đặc điểm tình hình': the committee's cells and members over the period, from the figures.

`roll_changes_sentence` is where the yearly admissions, moves and departures (figures key
`roll_changes`, being added to reports/figures) are told; it says nothing while the figures
do not carry them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .phrasing import date_text, join, number


def situation(figures: dict[str, Any], period_to: dt.date) -> str:
    years = figures["years"]
    name = figures["committee"]["name"]
    cells = figures["cells_total"]
    if not years or not cells:
        return f"Hồ sơ chưa ghi nhận chi bộ trực thuộc nào của {name}."
    first, last = years[0], years[-1]
    lines = [
        f"Đến ngày {date_text(period_to)}, {name} có {number(cells)} chi bộ trực thuộc với "
        f"{number(last['members_on_roll'])} đảng viên."
    ]
    changes = []
    if first["cells_total"] != last["cells_total"]:
        changes.append(
            f"số chi bộ từ {number(first['cells_total'])} (năm {first['year']}) thành "
            f"{number(last['cells_total'])}"
        )
    if len(years) > 1 and first["members_on_roll"] != last["members_on_roll"]:
        difference = last["members_on_roll"] - first["members_on_roll"]
        verb = "tăng" if difference > 0 else "giảm"
        changes.append(
            f"số đảng viên {verb} {number(abs(difference))} so với năm {first['year']} "
            f"({number(first['members_on_roll'])} đảng viên)"
        )
    if changes:
        lines.append("Trong giai đoạn, " + join(changes) + ".")
    roll = roll_changes_sentence(years)
    if roll:
        lines.append(roll)
    return "\n".join(lines)


def roll_changes_sentence(years: list[dict[str, Any]]) -> str:
    """Admitted, moved in, moved out and left over the period, when the figures give them."""
    if not any("roll_changes" in entry for entry in years):
        return ""
    totals = {"admitted": 0, "moved_in": 0, "moved_out": 0, "left": 0}
    for entry in years:
        for key in totals:
            totals[key] += (entry.get("roll_changes") or {}).get(key, 0)
    words = {
        "admitted": "kết nạp {} đảng viên mới",
        "moved_in": "tiếp nhận {} đảng viên chuyển đến",
        "moved_out": "chuyển đi {} đảng viên",
        "left": "{} đảng viên ra khỏi danh sách (từ trần, khai trừ, xóa tên, ra khỏi Đảng)",
    }
    parts = [words[key].format(number(value)) for key, value in totals.items() if value]
    if not parts:
        return ""
    return "Về biến động, Đảng bộ đã " + join(parts) + "."
