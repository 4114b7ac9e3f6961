"""The review report's figures: a fixed handful of grouped queries, returned as plain data.

`compute(committee, start, end)` answers the JSON of interchange.md (and more: per cell, per
topic, period totals). Every query groups by year (and unit) inside the database, so the number
of queries is the same for 2 cells over 1 year as for 300 cells over 10 years. The web page,
the Word and PDF documents, the JSON and the command line all read this one result.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Case, Count, F, Max, Min, Q, Sum, Value, When
from django.db.models.functions import ExtractYear

from activities.models import Commendation
from meetings.models import Attendance, Meeting
from organisation.models import Unit
from ratings.models import Level

from .scope import Period, Scope, roll_q

LEVELS = [
    str(level.value) for level in (Level.EXCELLENT, Level.GOOD, Level.COMPLETE, Level.NOT_COMPLETE)
]
COMMENDATION_LEVELS = [str(level.value) for level in Commendation.Level]


def percent(part: int | None, whole: int | None) -> float | None:
    """part / whole as a percentage rounded to 2 decimals; None when there is no whole."""
    if not whole:
        return None
    return round(100 * (part or 0) / whole, 2)


def _number(value: Decimal | int | None) -> int | float:
    if value is None:
        return 0
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def compute(
    committee: Unit, start: dt.date, end: dt.date, today: dt.date | None = None
) -> dict[str, Any]:
    """Every figure of the review report for `committee` over [start, end], as plain data."""
    scope = Scope(committee, Period(start, end), today)
    return Figures(scope).result()


class Figures:
    def __init__(self, scope: Scope):
        self.scope = scope
        self.years = scope.years
        self.cells = scope.cell_list
        self.cell_ids = {cell["id"] for cell in self.cells}

    # -- queries ------------------------------------------------------------------------
    def roll_counts(self) -> tuple[dict[int, int], dict[tuple[int, int], int]]:
        """Members on the roll per year, for the committee and per unit of posting."""
        postings = self.scope.postings().filter(person__party_joined_on__isnull=False)
        counts = {
            f"y{year}": Count("person", distinct=True, filter=roll_q(day))
            for year, day in self.scope.roll_dates.items()
        }
        totals = postings.aggregate(**counts)
        per_unit = {}
        for row in postings.values("unit_id").annotate(**counts).order_by():
            for year in self.years:
                per_unit[(year, row["unit_id"])] = row[f"y{year}"]
        return {year: totals[f"y{year}"] for year in self.years}, per_unit

    def meeting_rows(self) -> list[dict]:
        meetings = self.scope.meetings().annotate(
            year=ExtractYear("date"), briefs=self.scope.briefing_q()
        )
        return list(
            meetings.values("year", "unit_id", "kind", "briefs").annotate(n=Count("id")).order_by()
        )

    def attendance_rows(self) -> list[dict]:
        """Present and all rows per year and unit. Years are date ranges, not EXTRACT, so the
        database compares dates natively (SQLite's EXTRACT is a Python function per row)."""
        period = self.scope.period
        present = Q(status=Attendance.Status.PRESENT)
        counts = {}
        for year in self.years:
            in_year = Q(
                meeting__date__gte=period.year_start(year), meeting__date__lte=period.year_end(year)
            )
            counts[f"t{year}"] = Count("id", filter=in_year)
            counts[f"p{year}"] = Count("id", filter=in_year & present)
        rows = (
            Attendance.objects.filter(
                meeting__held=True,
                meeting__unit__path__startswith=self.scope.prefix,
                meeting__date__gte=period.start,
                meeting__date__lte=period.end,
            )
            .values("meeting__unit_id")
            .annotate(**counts)
            .order_by()
        )
        return [
            {
                "year": year,
                "meeting__unit_id": row["meeting__unit_id"],
                "total": row[f"t{year}"],
                "present": row[f"p{year}"],
            }
            for row in rows
            for year in self.years
            if row[f"t{year}"]
        ]

    def yearly_rows(self, queryset, *extra: str) -> list[dict]:
        return list(
            queryset.values("year", "report_cell", "report_member", *extra)
            .annotate(n=Count("id"))
            .order_by()
        )

    def activity_rows(self) -> list[dict]:
        return list(
            self.scope.activities()
            .annotate(year=ExtractYear("date"))
            .values("year", "unit_id", "kind_id", "kind__name", "kind__default_measure_unit")
            .annotate(
                n=Count("id"),
                participants=Sum("participants"),
                quantity=Sum("quantity"),
                unit_min=Min("measure_unit"),
                unit_max=Max("measure_unit"),
            )
            .order_by()
        )

    def inspection_figures(self) -> dict[int, dict[str, int]]:
        planned = {
            row["year"]: row
            for row in self.scope.inspections()
            .filter(year__in=self.years)
            .values("year")
            .annotate(
                planned=Count("id"), concluded=Count("id", filter=Q(concluded_on__isnull=False))
            )
            .order_by()
        }
        counts = {}
        for year, day in self.scope.roll_dates.items():
            earlier = Q(inspection__year__lte=year)
            is_open = earlier & (Q(completed_on__isnull=True) | Q(completed_on__gt=day))
            counts[f"done{year}"] = Count("id", filter=earlier & Q(completed_on__year=year))
            counts[f"open{year}"] = Count("id", filter=is_open)
            counts[f"late{year}"] = Count("id", filter=is_open & Q(deadline__lt=day))
        remediations = self.scope.remediations().aggregate(**counts)
        return {
            year: {
                "planned": planned.get(year, {}).get("planned", 0),
                "concluded": planned.get(year, {}).get("concluded", 0),
                "remediations_open": remediations[f"open{year}"],
                "remediations_done": remediations[f"done{year}"],
                "remediations_late": remediations[f"late{year}"],
            }
            for year in self.years
        }

    def document_rows(self) -> tuple[dict, list[dict], dict]:
        issued = {
            row["year"]: row["n"]
            for row in self.scope.documents_issued()
            .annotate(year=ExtractYear("issued_on"))
            .values("year")
            .annotate(n=Count("id"))
            .order_by()
        }
        deliveries = list(
            self.scope.deliveries()
            .annotate(year=ExtractYear("sent_on"))
            .values("year", "unit_id")
            .annotate(n=Count("id"))
            .order_by()
        )
        distinct = {
            row["year"]: row["n"]
            for row in self.scope.deliveries()
            .annotate(year=ExtractYear("sent_on"))
            .values("year")
            .annotate(n=Count("document_id", distinct=True))
            .order_by()
        }
        return issued, deliveries, distinct

    def commendation_rows(self) -> list[dict]:
        target = Case(
            When(unit__isnull=False, then=Value("collective")),
            When(person__party_joined_on__lte=F("decided_on"), then=Value("members")),
            default=Value("non_members"),
        )
        return list(
            self.scope.commendations()
            .annotate(year=ExtractYear("decided_on"), target=target)
            .values("year", "level", "target")
            .annotate(n=Count("id"))
            .order_by()
        )

    def topic_rows(self) -> list[dict]:
        through = Meeting.topics.through.objects.filter(meeting__in=self.scope.meetings())
        return list(
            through.annotate(year=ExtractYear("meeting__date"))
            .values(
                "year",
                "meeting__unit_id",
                "studytopic_id",
                "studytopic__code",
                "studytopic__title",
                "studytopic__kind",
                "studytopic__start_year",
            )
            .annotate(n=Count("meeting_id", distinct=True))
            .order_by()
        )

    # -- assembly -----------------------------------------------------------------------
    def result(self) -> dict[str, Any]:
        scope = self.scope
        roll_total, roll_unit = self.roll_counts()
        meetings = self.meeting_rows()
        attendance = self.attendance_rows()
        pledges = self.yearly_rows(scope.pledges())
        plans = self.yearly_rows(scope.personal_plans())
        ratings = self.yearly_rows(scope.ratings(), "level")
        standards = list(scope.standards().values("year", "unit_id", "kind"))
        activities = self.activity_rows()
        inspections = self.inspection_figures()
        issued, deliveries, delivered_documents = self.document_rows()
        commendations = self.commendation_rows()
        topics = self.topic_rows()

        cell_ids = self.cell_ids
        committee_id = scope.committee.pk
        # cell -> year -> figures
        per_cell: dict[int, dict[int, dict[str, Any]]] = {
            cell["id"]: {
                year: _empty_cell_year(roll_unit.get((year, cell["id"]), 0)) for year in self.years
            }
            for cell in self.cells
        }
        years: dict[int, dict[str, Any]] = {
            year: _empty_year(year, scope, len(self.cells), roll_total[year]) for year in self.years
        }

        for row in meetings:
            year, unit, kind, n = row["year"], row["unit_id"], row["kind"], row["n"]
            entry = years[year]
            entry["_meetings"][kind] += n
            if unit in cell_ids:
                cell = per_cell[unit][year]
                cell[f"{kind}_meetings"] += n
                if row["briefs"]:
                    cell["briefed"] = True
            elif unit == committee_id and kind == Meeting.Kind.BRIEFING:
                entry["briefing"]["committee_conferences"] += n
        for row in attendance:
            year, unit = row["year"], row["meeting__unit_id"]
            years[year]["attendance"]["present"] += row["present"]
            years[year]["attendance"]["total"] += row["total"]
            if unit in cell_ids:
                per_cell[unit][year]["_attendance"][0] += row["present"]
                per_cell[unit][year]["_attendance"][1] += row["total"]
        for rows, key in ((pledges, "pledges"), (plans, "personal_plans")):
            for row in rows:
                year = row["year"]
                target = "members" if row["report_member"] else "non_members"
                years[year][f"_{key}"][target] += row["n"]
                if row["report_cell"] in cell_ids and row["report_member"]:
                    per_cell[row["report_cell"]][year][f"members_{key}"] += row["n"]
        for row in ratings:
            year = row["year"]
            years[year]["ratings"][row["level"]] += row["n"]
            if row["report_cell"] in cell_ids:
                per_cell[row["report_cell"]][year]["ratings"][row["level"]] += row["n"]
        for row in standards:
            year = row["year"]
            if row["kind"] == "common" and row["unit_id"] == committee_id:
                years[year]["standards"]["common"] = True
            if row["kind"] == "specific" and row["unit_id"] in cell_ids:
                years[year]["standards"]["cells_with_specific"] += 1
                per_cell[row["unit_id"]][year]["specific_standard"] = True
        kinds: dict[tuple[int, int], dict[str, Any]] = {}
        for row in activities:
            year = row["year"]
            entry = kinds.setdefault(
                (year, row["kind_id"]),
                {
                    "kind": row["kind__name"],
                    "count": 0,
                    "participants": 0,
                    "quantity": Decimal(0),
                    "_units": set(),
                    "_default": row["kind__default_measure_unit"],
                },
            )
            entry["count"] += row["n"]
            entry["participants"] += row["participants"] or 0
            entry["quantity"] += row["quantity"] or 0
            entry["_units"].update(u for u in (row["unit_min"], row["unit_max"]) if u)
            if row["unit_id"] in cell_ids:
                per_cell[row["unit_id"]][year]["activities"] += row["n"]
        for (year, _kind), entry in sorted(kinds.items()):
            years[year]["activities"].append(_activity_entry(entry))
        for year, figures in inspections.items():
            years[year]["inspections"] = figures
        for year, n in issued.items():
            years[year]["documents"]["issued"] = n
        for row in deliveries:
            year = row["year"]
            years[year]["documents"]["deliveries"] += row["n"]
            if row["unit_id"] in cell_ids:
                years[year]["documents"]["_cells"].add(row["unit_id"])
                per_cell[row["unit_id"]][year]["documents_received"] += row["n"]
        for year, n in delivered_documents.items():
            years[year]["documents"]["documents_delivered"] = n
        for row in commendations:
            group = years[row["year"]]["commendations"][row["target"]]
            group[row["level"]] = group.get(row["level"], 0) + row["n"]
        topic_table = _topics(topics, cell_ids, self.years)

        cells_out = []
        for cell in self.cells:
            cell_years = []
            for year in self.years:
                cell_years.append(_finish_cell_year(year, per_cell[cell["id"]][year]))
            cells_out.append(
                {
                    "code": cell["code"],
                    "name": cell["name"],
                    "years": cell_years,
                    "totals": _cell_totals(cell_years),
                }
            )
        for year in self.years:
            _finish_year(
                years[year], [per_cell[cell["id"]][year] for cell in self.cells], topic_table, year
            )
        year_list = [years[year] for year in self.years]
        return {
            "committee": {"code": scope.committee.code, "name": scope.committee.name},
            "period": {"from": scope.period.start.isoformat(), "to": scope.period.end.isoformat()},
            "cells_total": len(self.cells),
            "years": year_list,
            "totals": _period_totals(year_list, cells_out, topic_table),
            "cells": cells_out,
            "topics": topic_table,
        }


def _empty_year(year: int, scope: Scope, cells_total: int, on_roll: int) -> dict[str, Any]:
    return {
        "year": year,
        "roll_date": scope.roll_dates[year].isoformat(),
        "cells_total": cells_total,
        "members_on_roll": on_roll,
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


def _empty_cell_year(on_roll: int) -> dict[str, Any]:
    return {
        "members_on_roll": on_roll,
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


def _activity_entry(entry: dict[str, Any]) -> dict[str, Any]:
    units = sorted(entry["_units"])
    unit = units[0] if len(units) == 1 else (entry["_default"] or ", ".join(units))
    return {
        "kind": entry["kind"],
        "count": entry["count"],
        "participants": entry["participants"],
        "quantity": _number(entry["quantity"]),
        "unit": unit,
    }


def _finish_cell_year(year: int, cell: dict[str, Any]) -> dict[str, Any]:
    present, total = cell.pop("_attendance")
    ratings = cell["ratings"]
    rated = sum(ratings.values())
    cell.update(
        {
            "year": year,
            "attendance_percent": percent(present, total),
            "pledge_percent": percent(cell["members_pledges"], cell["members_on_roll"]),
            "members_rated": rated,
            "good_or_better_percent": percent(ratings["excellent"] + ratings["good"], rated),
            "excellent_percent": percent(ratings["excellent"], rated),
        }
    )
    cell["members_pledged"] = cell.pop("members_pledges")
    cell["members_with_plan"] = cell.pop("members_personal_plans")
    return cell


def _finish_year(entry: dict[str, Any], cells: list[dict], topics: list[dict], year: int) -> None:
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
    on_roll = entry["members_on_roll"]
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


def _topics(rows: list[dict], cell_ids: set[int], years: list[int]) -> list[dict[str, Any]]:
    """Each topic studied in the period: per year, the cells that studied it and meetings."""
    topics: dict[int, dict[str, Any]] = {}
    cells: dict[tuple[int, int], set[int]] = defaultdict(set)
    for row in rows:
        topic = topics.setdefault(
            row["studytopic_id"],
            {
                "code": row["studytopic__code"],
                "title": row["studytopic__title"],
                "kind": row["studytopic__kind"],
                "_order": (row["studytopic__start_year"], row["studytopic__kind"] != "term"),
                "years": {str(year): {"cells": 0, "meetings": 0} for year in years},
            },
        )
        topic["years"][str(row["year"])]["meetings"] += row["n"]
        if row["meeting__unit_id"] in cell_ids:
            cells[(row["studytopic_id"], row["year"])].add(row["meeting__unit_id"])
            cells[(row["studytopic_id"], 0)].add(row["meeting__unit_id"])
    result = []
    for topic_id, topic in sorted(
        topics.items(), key=lambda item: (item[1]["_order"], item[1]["code"])
    ):
        topic.pop("_order")
        for year in years:
            topic["years"][str(year)]["cells"] = len(cells[(topic_id, year)])
        topic["cells"] = len(cells[(topic_id, 0)])
        topic["meetings"] = sum(entry["meetings"] for entry in topic["years"].values())
        result.append(topic)
    return result


def _cell_totals(cell_years: list[dict[str, Any]]) -> dict[str, Any]:
    """A cell over the whole period."""
    return {
        "briefed_years": sum(1 for year in cell_years if year["briefed"]),
        "thematic_years": sum(1 for year in cell_years if year["thematic_meetings"]),
        "thematic_meetings": sum(year["thematic_meetings"] for year in cell_years),
        "regular_meetings": sum(year["regular_meetings"] for year in cell_years),
        "activities": sum(year["activities"] for year in cell_years),
        "documents_received": sum(year["documents_received"] for year in cell_years),
    }


def _minimum(values: list[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return min(present) if present else None


def _period_totals(
    years: list[dict[str, Any]], cells: list[dict[str, Any]], topics: list[dict[str, Any]]
) -> dict[str, Any]:
    """The period as a whole: sums of counts, and the weakest year of each rate."""
    year_count = len(years)
    rated_years = [year for year in years if year["ratings"]["members_rated"]]
    activities: dict[str, dict[str, Any]] = {}
    for year in years:
        for entry in year["activities"]:
            total = activities.setdefault(
                entry["kind"],
                {
                    "kind": entry["kind"],
                    "count": 0,
                    "participants": 0,
                    "quantity": Decimal(0),
                    "unit": entry["unit"],
                },
            )
            total["count"] += entry["count"]
            total["participants"] += entry["participants"]
            total["quantity"] += Decimal(str(entry["quantity"]))
            if total["unit"] != entry["unit"]:
                total["unit"] = ", ".join(sorted({*total["unit"].split(", "), entry["unit"]}))
    for total in activities.values():
        total["quantity"] = _number(total["quantity"])
    present = sum(year["attendance"]["present"] for year in years)
    attended = sum(year["attendance"]["total"] for year in years)
    last = years[-1]
    return {
        "years": year_count,
        "cells_briefed": sum(1 for cell in cells if cell["totals"]["briefed_years"]),
        "cells_briefed_every_year": sum(
            1 for cell in cells if cell["totals"]["briefed_years"] == year_count
        ),
        "cells_thematic_every_year": sum(
            1 for cell in cells if cell["totals"]["thematic_years"] == year_count
        ),
        "briefing_meetings": sum(year["briefing"]["meetings"] for year in years),
        "committee_conferences": sum(year["briefing"]["committee_conferences"] for year in years),
        "thematic_meetings": sum(year["thematic_meetings"]["meetings"] for year in years),
        "regular_meetings": sum(year["regular_meetings"]["meetings"] for year in years),
        "study_sessions": sum(year["study_sessions"]["meetings"] for year in years),
        "attendance_percent": percent(present, attended),
        "members_on_roll_end": last["members_on_roll"],
        "pledge_percent_min": _minimum([year["pledges"]["percent"] for year in years]),
        "members_pledged": sum(year["pledges"]["members_pledged"] for year in years),
        "non_members_pledged": sum(year["pledges"]["non_members_pledged"] for year in years),
        "personal_plans_percent_min": _minimum(
            [year["personal_plans"]["percent"] for year in years]
        ),
        "rated_years": [year["year"] for year in rated_years],
        "good_or_better_percent_min": _minimum(
            [year["ratings"]["good_or_better_percent"] for year in rated_years]
        ),
        "excellent_percent_min": _minimum(
            [year["ratings"]["excellent_percent"] for year in rated_years]
        ),
        "activities": list(activities.values()),
        "activities_count": sum(entry["count"] for entry in activities.values()),
        "activity_participants": sum(entry["participants"] for entry in activities.values()),
        "documents_issued": sum(year["documents"]["issued"] for year in years),
        "document_deliveries": sum(year["documents"]["deliveries"] for year in years),
        "cells_with_specific_standards_max": max(
            (year["standards"]["cells_with_specific"] for year in years), default=0
        ),
        "commendations": {
            group: {
                level: sum(year["commendations"][group][level] for year in years)
                for level in COMMENDATION_LEVELS
            }
            for group in ("collective", "members", "non_members")
        },
        "commendations_total": sum(year["commendations"]["total"] for year in years),
        "inspections": {
            "planned": sum(year["inspections"]["planned"] for year in years),
            "concluded": sum(year["inspections"]["concluded"] for year in years),
            "remediations_done": sum(year["inspections"]["remediations_done"] for year in years),
            "remediations_open": last["inspections"]["remediations_open"],
            "remediations_late": last["inspections"]["remediations_late"],
        },
        "topics_studied": len(topics),
    }
