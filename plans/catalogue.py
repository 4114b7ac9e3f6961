"""The figures a target may name: each reads one value out of the review report's figures.

`reports.figures.compute` is the only way a figure is computed; a catalogue entry only says
where in its result the value sits (one year's entry), so a plan's progress and the report
can never disagree. "Each quarter" figures read the same entry of four quarter-long periods.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from reports.figures import percent

PERCENT, COUNT = "percent", "count"


@dataclass(frozen=True)
class Figure:
    key: str
    label: Any
    kind: str  # PERCENT or COUNT
    read: Callable[[dict[str, Any]], float | int | None]  # from one year's entry
    quarterly: bool = False  # the value is the weakest quarter of the year


def _cells_share(part: str) -> Callable[[dict[str, Any]], float | None]:
    return lambda year: percent(year[part]["cells_held"], year["cells_total"])


FIGURES: dict[str, Figure] = {
    figure.key: figure
    for figure in [
        Figure(
            "pledges_percent",
            _("Members on the roll who pledged (%)"),
            PERCENT,
            lambda year: year["pledges"]["percent"],
        ),
        Figure(
            "personal_plans_percent",
            _("Members on the roll with a personal plan (%)"),
            PERCENT,
            lambda year: year["personal_plans"]["percent"],
        ),
        Figure(
            "good_or_better_percent",
            _("Members rated good or better (%)"),
            PERCENT,
            lambda year: year["ratings"]["good_or_better_percent"],
        ),
        Figure(
            "excellent_percent",
            _("Members rated excellent (%)"),
            PERCENT,
            lambda year: year["ratings"]["excellent_percent"],
        ),
        Figure(
            "attendance_percent",
            _("Attendance at meetings (%)"),
            PERCENT,
            lambda year: year["attendance_percent"],
        ),
        Figure(
            "cells_briefed_percent",
            _("Cells that held a briefing or study meeting (%)"),
            PERCENT,
            _cells_share("briefing"),
        ),
        Figure(
            "cells_thematic_percent",
            _("Cells that held a thematic meeting in the year (%)"),
            PERCENT,
            _cells_share("thematic_meetings"),
        ),
        Figure(
            "cells_thematic_quarterly_percent",
            _("Cells that held a thematic meeting, in every quarter (%)"),
            PERCENT,
            _cells_share("thematic_meetings"),
            quarterly=True,
        ),
        Figure(
            "inspections_concluded_percent",
            _("Planned inspections and supervisions concluded (%)"),
            PERCENT,
            lambda year: percent(year["inspections"]["concluded"], year["inspections"]["planned"]),
        ),
        Figure(
            "remediations_late",
            _("Remediation tasks past their deadline and not done"),
            COUNT,
            lambda year: year["inspections"]["remediations_late"],
        ),
        Figure(
            "activities_count",
            _("Activities and movements held"),
            COUNT,
            lambda year: sum(entry["count"] for entry in year["activities"]),
        ),
    ]
}


def choices() -> list[tuple[str, Any]]:
    return [(key, figure.label) for key, figure in FIGURES.items()]
