"""The study topics of the period: per year, the cells that studied each and the meetings,
and by which date: when each cell first studied it, and when the last of them did."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from .queries import Row


def study_topics(rows: Iterable[Row], cell_ids: set[int], years: list[int]) -> list[dict[str, Any]]:
    """Each topic studied in the period: per year, the cells that studied it and meetings."""
    topics: dict[int, dict[str, Any]] = {}
    order: dict[int, tuple[Any, bool, str]] = {}  # start year, the term first, code
    cells: dict[tuple[int, int], set[int]] = defaultdict(set)
    first_dates: dict[int, dict[int, Any]] = defaultdict(dict)  # topic -> cell -> first date
    for row in rows:
        topic = topics.setdefault(
            row["studytopic_id"],
            {
                "code": row["studytopic__code"],
                "title": row["studytopic__title"],
                "kind": row["studytopic__kind"],
                "years": {str(year): {"cells": 0, "meetings": 0} for year in years},
            },
        )
        order[row["studytopic_id"]] = (
            row["studytopic__start_year"],
            row["studytopic__kind"] != "term",
            row["studytopic__code"],
        )
        topic["years"][str(row["year"])]["meetings"] += row["n"]
        if row["meeting__unit_id"] in cell_ids:
            cells[(row["studytopic_id"], row["year"])].add(row["meeting__unit_id"])
            cells[(row["studytopic_id"], 0)].add(row["meeting__unit_id"])
            known = first_dates[row["studytopic_id"]].get(row["meeting__unit_id"])
            if known is None or row["first"] < known:
                first_dates[row["studytopic_id"]][row["meeting__unit_id"]] = row["first"]
    result = []
    for topic_id in sorted(topics, key=order.__getitem__):
        topic = topics[topic_id]
        for year in years:
            topic["years"][str(year)]["cells"] = len(cells[(topic_id, year)])
        topic["cells"] = len(cells[(topic_id, 0)])
        dates = first_dates[topic_id]
        # The day the last cell first studied it; only when every cell has.
        topic["all_cells_by"] = (
            max(dates.values()).isoformat() if dates and len(dates) == len(cell_ids) else None
        )
        topic["meetings"] = sum(entry["meetings"] for entry in topic["years"].values())
        result.append(topic)
    return result
