"""The report page's tables: every figure with the link to the records behind it."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from core import vn

from .models import Review
from .phrasing import number


def drill_url(review: Review, name: str, **params: Any) -> str:
    url = reverse("reports:drill", kwargs={"pk": review.pk, "name": name})
    params = {key: value for key, value in params.items() if value not in (None, "")}
    return f"{url}?{urlencode(params)}" if params else url


def _pct(value: float | None) -> str:
    return "" if value is None else vn.format_percent(value)


def year_rows(review: Review, figures: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of the per-year table: (label, [(text, url)] per year)."""
    total = figures["cells_total"]

    def row(label, render):
        return {"label": label, "values": [render(entry) for entry in figures["years"]]}

    def link(name, text, **params):
        return lambda e: (text(e), drill_url(review, name, year=e["year"], **params))

    return [
        row(_("Members on the roll"), link("roll", lambda e: number(e["members_on_roll"]))),
        row(
            _("Cells briefed"),
            link("cells_briefed", lambda e: f"{e['briefing']['cells_held']}/{total}"),
        ),
        row(
            _("Briefing conferences"),
            link("meetings", lambda e: number(e["briefing"]["meetings"]), kind="briefing"),
        ),
        row(
            _("Cells holding thematic meetings"),
            link("cells_thematic", lambda e: f"{e['thematic_meetings']['cells_held']}/{total}"),
        ),
        row(
            _("Thematic meetings"),
            link("meetings", lambda e: number(e["thematic_meetings"]["meetings"]), kind="thematic"),
        ),
        row(
            _("Regular meetings"),
            link("meetings", lambda e: number(e["regular_meetings"]["meetings"]), kind="regular"),
        ),
        row(
            _("Study sessions"),
            link("meetings", lambda e: number(e["study_sessions"]["meetings"]), kind="study"),
        ),
        row(_("Attendance rate"), link("attendance", lambda e: _pct(e["attendance_percent"]))),
        row(
            _("Members pledged"),
            link("pledged", lambda e: number(e["pledges"]["members_pledged"])),
        ),
        row(_("Pledge rate"), link("not_pledged", lambda e: _pct(e["pledges"]["percent"]))),
        row(
            _("Non-members pledged"),
            link("non_members_pledged", lambda e: number(e["pledges"]["non_members_pledged"])),
        ),
        row(
            _("Members with a personal plan"),
            link("planned", lambda e: number(e["personal_plans"]["members"])),
        ),
        row(
            _("Cells with their own standards"),
            link(
                "cells_specific_standard",
                lambda e: f"{e['standards']['cells_with_specific']}/{total}",
            ),
        ),
        row(
            _("Document deliveries to cells"),
            link("deliveries", lambda e: number(e["documents"]["deliveries"])),
        ),
        row(_("Members rated"), link("rated", lambda e: number(e["ratings"]["members_rated"]))),
        row(
            _("Excellent"),
            link("rated", lambda e: number(e["ratings"]["excellent"]), level="excellent"),
        ),
        row(_("Good"), link("rated", lambda e: number(e["ratings"]["good"]), level="good")),
        row(
            _("Complete"),
            link("rated", lambda e: number(e["ratings"]["complete"]), level="complete"),
        ),
        row(
            _("Not complete"),
            link("rated", lambda e: number(e["ratings"]["not_complete"]), level="not_complete"),
        ),
        row(
            _("Good or better"),
            link("rated", lambda e: _pct(e["ratings"]["good_or_better_percent"])),
        ),
        row(
            _("Excellent share"),
            link("rated", lambda e: _pct(e["ratings"]["excellent_percent"]), level="excellent"),
        ),
        row(
            _("Activities"),
            link("activities", lambda e: number(sum(a["count"] for a in e["activities"]))),
        ),
        row(
            _("Commendations"),
            link("commendations", lambda e: number(e["commendations"]["total"])),
        ),
        row(
            _("Inspections planned"),
            link("inspections", lambda e: number(e["inspections"]["planned"])),
        ),
        row(
            _("Inspections concluded"),
            link("inspections", lambda e: number(e["inspections"]["concluded"]), state="concluded"),
        ),
        row(
            _("Remediations done"),
            link(
                "remediations",
                lambda e: number(e["inspections"]["remediations_done"]),
                state="done",
            ),
        ),
        row(
            _("Remediations open"),
            link(
                "remediations",
                lambda e: number(e["inspections"]["remediations_open"]),
                state="open",
            ),
        ),
        row(
            _("Remediations late"),
            link(
                "remediations",
                lambda e: number(e["inspections"]["remediations_late"]),
                state="late",
            ),
        ),
    ]


def cell_rows(review: Review, figures: dict[str, Any], index: int) -> list[dict[str, Any]]:
    """One year's per-cell table, each figure linking to that cell's records."""
    year = figures["years"][index]["year"]
    rows = []
    for cell in figures["cells"]:
        entry = cell["years"][index]
        ratings = entry["ratings"]
        code = cell["code"]
        rows.append(
            {
                "name": cell["name"],
                "values": [
                    (
                        number(entry["members_on_roll"]),
                        drill_url(review, "roll", year=year, cell=code),
                    ),
                    (
                        _("yes") if entry["briefed"] else _("no"),
                        drill_url(review, "meetings", year=year, cell=code),
                    ),
                    (
                        number(entry["thematic_meetings"]),
                        drill_url(review, "meetings", year=year, cell=code, kind="thematic"),
                    ),
                    (
                        number(entry["regular_meetings"]),
                        drill_url(review, "meetings", year=year, cell=code, kind="regular"),
                    ),
                    (
                        _pct(entry["attendance_percent"]),
                        drill_url(review, "attendance", year=year, cell=code),
                    ),
                    (
                        number(entry["members_pledged"]),
                        drill_url(review, "pledged", year=year, cell=code),
                    ),
                    (
                        number(ratings["excellent"]),
                        drill_url(review, "rated", year=year, cell=code, level="excellent"),
                    ),
                    (
                        number(ratings["good"]),
                        drill_url(review, "rated", year=year, cell=code, level="good"),
                    ),
                    (
                        number(ratings["complete"]),
                        drill_url(review, "rated", year=year, cell=code, level="complete"),
                    ),
                    (
                        number(ratings["not_complete"]),
                        drill_url(review, "rated", year=year, cell=code, level="not_complete"),
                    ),
                ],
            }
        )
    return rows


def cell_tables(review: Review, figures: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"year": entry["year"], "rows": cell_rows(review, figures, index)}
        for index, entry in enumerate(figures["years"])
    ]
