"""The report page's tables: every figure with the link to the records behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import vn

from .models import Review
from .phrasing import number

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def drill_url(review: Review, name: str, **params: Any) -> str:
    url = reverse("reports:drill", kwargs={"pk": review.pk, "name": name})
    params = {key: value for key, value in params.items() if value not in (None, "")}
    return f"{url}?{urlencode(params)}" if params else url


# How a figure is shown: a count, a share, or "held/total" of the committee's cells.
NUMBER, PERCENT, OF_CELLS, YES_NO = "number", "percent", "of_cells", "yes_no"


@dataclass(frozen=True)
class Figure:
    """One row of a table on the page: the figure's place in a year's entry (a path of keys),
    how it is shown, and the list of records behind it (`FIGURES` in reports.selectors)."""

    label: StrOrPromise
    path: tuple[str, ...]
    shown: str
    drill: str
    filters: dict[str, str] = field(default_factory=dict)

    def text(self, entry: dict[str, Any], total: int = 0) -> str:
        value: Any = entry
        for key in self.path:
            value = value[key]
        if self.path == ("activities",):  # the activities of the year, by kind
            value = sum(kind["count"] for kind in value)
        if self.shown == PERCENT:
            return "" if value is None else vn.format_percent(value)
        if self.shown == OF_CELLS:
            return f"{value}/{total}"
        if self.shown == YES_NO:
            return str(_("yes") if value else _("no"))
        return number(value)


YEAR_FIGURES = [
    Figure(_("Members on the roll"), ("members_on_roll",), NUMBER, "roll"),
    Figure(_("Cells briefed"), ("briefing", "cells_held"), OF_CELLS, "cells_briefed"),
    Figure(
        _("Briefing conferences"),
        ("briefing", "meetings"),
        NUMBER,
        "meetings",
        {"kind": "briefing"},
    ),
    Figure(
        _("Cells holding thematic meetings"),
        ("thematic_meetings", "cells_held"),
        OF_CELLS,
        "cells_thematic",
    ),
    Figure(
        _("Thematic meetings"),
        ("thematic_meetings", "meetings"),
        NUMBER,
        "meetings",
        {"kind": "thematic"},
    ),
    Figure(
        _("Regular meetings"),
        ("regular_meetings", "meetings"),
        NUMBER,
        "meetings",
        {"kind": "regular"},
    ),
    Figure(
        _("Study sessions"), ("study_sessions", "meetings"), NUMBER, "meetings", {"kind": "study"}
    ),
    Figure(_("Attendance rate"), ("attendance_percent",), PERCENT, "attendance"),
    Figure(_("Members pledged"), ("pledges", "members_pledged"), NUMBER, "pledged"),
    Figure(_("Pledge rate"), ("pledges", "percent"), PERCENT, "not_pledged"),
    Figure(
        _("Non-members pledged"), ("pledges", "non_members_pledged"), NUMBER, "non_members_pledged"
    ),
    Figure(_("Members with a personal plan"), ("personal_plans", "members"), NUMBER, "planned"),
    Figure(
        _("Cells with their own standards"),
        ("standards", "cells_with_specific"),
        OF_CELLS,
        "cells_specific_standard",
    ),
    Figure(_("Document deliveries to cells"), ("documents", "deliveries"), NUMBER, "deliveries"),
    Figure(_("Members rated"), ("ratings", "members_rated"), NUMBER, "rated"),
    *(
        Figure(label, ("ratings", level), NUMBER, "rated", {"level": level})
        for label, level in (
            (_("Excellent"), "excellent"),
            (_("Good"), "good"),
            (_("Complete"), "complete"),
            (_("Not complete"), "not_complete"),
        )
    ),
    Figure(_("Good or better"), ("ratings", "good_or_better_percent"), PERCENT, "rated"),
    Figure(
        _("Excellent share"),
        ("ratings", "excellent_percent"),
        PERCENT,
        "rated",
        {"level": "excellent"},
    ),
    Figure(_("Activities"), ("activities",), NUMBER, "activities"),
    Figure(_("Commendations"), ("commendations", "total"), NUMBER, "commendations"),
    Figure(_("Inspections planned"), ("inspections", "planned"), NUMBER, "inspections"),
    Figure(
        _("Inspections concluded"),
        ("inspections", "concluded"),
        NUMBER,
        "inspections",
        {"state": "concluded"},
    ),
    *(
        Figure(
            label,
            ("inspections", f"remediations_{state}"),
            NUMBER,
            "remediations",
            {"state": state},
        )
        for label, state in (
            (_("Remediations done"), "done"),
            (_("Remediations open"), "open"),
            (_("Remediations late"), "late"),
        )
    ),
]

# The per-cell table's columns: a cell's entry of one year.
CELL_FIGURES = [
    Figure("", ("members_on_roll",), NUMBER, "roll"),
    Figure("", ("briefed",), YES_NO, "meetings"),
    Figure("", ("thematic_meetings",), NUMBER, "meetings", {"kind": "thematic"}),
    Figure("", ("regular_meetings",), NUMBER, "meetings", {"kind": "regular"}),
    Figure("", ("attendance_percent",), PERCENT, "attendance"),
    Figure("", ("members_pledged",), NUMBER, "pledged"),
    *(
        Figure("", ("ratings", level), NUMBER, "rated", {"level": level})
        for level in ("excellent", "good", "complete", "not_complete")
    ),
]


def year_rows(review: Review, figures: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of the per-year table: (label, [(text, url)] per year)."""
    total = figures["cells_total"]
    return [
        {
            "label": figure.label,
            "values": [
                (
                    figure.text(entry, total),
                    drill_url(review, figure.drill, year=entry["year"], **figure.filters),
                )
                for entry in figures["years"]
            ],
        }
        for figure in YEAR_FIGURES
    ]


def cell_rows(review: Review, figures: dict[str, Any], index: int) -> list[dict[str, Any]]:
    """One year's per-cell table, each figure linking to that cell's records."""
    year = figures["years"][index]["year"]
    return [
        {
            "name": cell["name"],
            "values": [
                (
                    figure.text(cell["years"][index]),
                    drill_url(review, figure.drill, year=year, cell=cell["code"], **figure.filters),
                )
                for figure in CELL_FIGURES
            ],
        }
        for cell in figures["cells"]
    ]


def cell_tables(review: Review, figures: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"year": entry["year"], "rows": cell_rows(review, figures, index)}
        for index, entry in enumerate(figures["years"])
    ]
