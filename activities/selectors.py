"""Reads for activities and commendations: scoped lists and the yearly totals.

Totals are one grouped query each (year × kind × unit of measure; year × level × member or
not), so the pages run the same number of queries whatever the number of records.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404

from core.search import filter_given, search
from organisation.models import MassOrganisation, Unit

from .models import ActivityKind, ActivityPhoto, Commendation
from .policies import activities, commendations


def activities_list(
    user: Any,
    *,
    text: str | None = None,
    year: int | None = None,
    kind_id: int | None = None,
    organisation_id: int | None = None,
) -> QuerySet:
    queryset = activities.queryset_for(user).order_by("-date", "code")
    queryset = filter_given(
        queryset, date__year=year, kind_id=kind_id, organisation_id=organisation_id
    )
    return search(queryset, text)


def activity_kinds() -> QuerySet[ActivityKind]:
    return ActivityKind.objects.all()


def mass_organisations() -> QuerySet[MassOrganisation]:
    return MassOrganisation.objects.all()


def activity_people(activity: Any) -> QuerySet:
    return activity.people.order_by("sort_key")


def recording_units(user: Any, policy: Any) -> QuerySet[Unit]:
    """The units the user may record for under `policy`: the subtrees of his changing roles."""
    from core.policy import CHANGE

    return Unit.objects.filter(policy.units_for(user, CHANGE))


def visible_photo(user: Any, pk: int) -> ActivityPhoto:
    """A photo of an activity the user sees; any other answers 404, as if it did not exist."""
    photos = ActivityPhoto.objects.select_related("activity__unit")
    return get_object_or_404(photos.filter(activity__in=activities.queryset_for(user)), pk=pk)


def activity_totals(user: Any, *, organisation_id: int | None = None) -> dict[str, Any]:
    """Per year and kind: number of activities, participants, and quantity per unit of
    measure (units of blood, đồng, gifts … are never added together)."""
    queryset = activities.queryset_for(user)
    if organisation_id:
        queryset = queryset.filter(organisation_id=organisation_id)
    grouped = (
        queryset.annotate(year=ExtractYear("date"))
        .values("year", "kind_id", "measure_unit")
        .annotate(count=Count("id"), participants=Sum("participants"), quantity=Sum("quantity"))
        .order_by("year", "kind_id", "measure_unit")
    )
    kinds = list(ActivityKind.objects.order_by("pk"))
    table: dict[int, dict[int, dict[str, Any]]] = defaultdict(dict)
    for row in grouped:
        cell = table[row["year"]].setdefault(
            row["kind_id"], {"count": 0, "participants": 0, "quantities": []}
        )
        cell["count"] += row["count"]
        cell["participants"] += row["participants"] or 0
        if row["quantity"] is not None:
            cell["quantities"].append((row["quantity"], row["measure_unit"]))
    years = sorted(table)
    rows = []
    for year in years:
        cells = [table[year].get(kind.pk) for kind in kinds]
        rows.append(
            {
                "year": year,
                "cells": cells,
                "count": sum(c["count"] for c in cells if c),
                "participants": sum(c["participants"] for c in cells if c),
            }
        )
    return {"kinds": kinds, "rows": rows}


def commendations_list(user: Any, *, text: str | None = None, year: int | None = None):
    queryset = commendations.queryset_for(user).order_by("-decided_on", "code")
    queryset = filter_given(queryset, decided_on__year=year)
    return search(queryset, text)


def commendation_counts(user: Any) -> list[dict[str, Any]]:
    """Per year: commendations by level, and individuals split into party members (on the
    decision date) and non-members, plus collectives."""
    member = Q(
        person__isnull=False,
        person__party_joined_on__isnull=False,
        person__party_joined_on__lte=F("decided_on"),
    )
    grouped = (
        commendations.queryset_for(user)
        .annotate(year=ExtractYear("decided_on"))
        .values("year", "level")
        .annotate(
            total=Count("id"),
            members=Count("id", filter=member),
            individuals=Count("id", filter=Q(person__isnull=False)),
            collectives=Count("id", filter=Q(unit__isnull=False)),
        )
        .order_by("year", "level")
    )
    by_year: dict[int, dict[str, Any]] = {}
    for row in grouped:
        entry = by_year.setdefault(
            row["year"],
            {
                "year": row["year"],
                Commendation.Level.GRASSROOTS: 0,
                Commendation.Level.HIGHER: 0,
                "members": 0,
                "non_members": 0,
                "collectives": 0,
                "total": 0,
            },
        )
        entry[row["level"]] += row["total"]
        entry["members"] += row["members"]
        entry["non_members"] += row["individuals"] - row["members"]
        entry["collectives"] += row["collectives"]
        entry["total"] += row["total"]
    return [
        {
            **entry,
            "grassroots": entry[Commendation.Level.GRASSROOTS],
            "higher": entry[Commendation.Level.HIGHER],
        }
        for _, entry in sorted(by_year.items())
    ]
