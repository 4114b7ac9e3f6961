"""Records versions: a counter per year, bumped whenever a record the report reads changes.

Stored figures (reports.snapshots: a closed year's rows, a draft's whole figures) remember
the counters they were computed at and are stale as soon as one moved. A record with a date
bumps the years of its old and its new date; a record that can change every year (a person,
his events and periods, a unit, an inspection with its remediations, a study topic) bumps
year 0, which every stored figure depends on. Writers that bypass `save()` (bulk imports,
`membership.rebuild`) call `records_changed()` themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.db.models import F, Model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

EVERY_YEAR = 0

# model label -> the field holding its date or year; None: it may touch any year.
WATCHED: dict[str, str | None] = {
    "meetings.Meeting": "date",
    "meetings.Attendance": "meeting__date",
    "pledges.Pledge": "year",
    "pledges.PersonalPlan": "year",
    "pledges.ConductStandard": "year",
    "ratings.Rating": "year",
    "activities.Activity": "date",
    "activities.Commendation": "decided_on",
    "documents.Document": "issued_on",
    "documents.DocumentDelivery": "sent_on",
    "documents.StudyTopic": None,
    "inspections.Inspection": None,
    "inspections.Remediation": None,
    "organisation.Person": None,
    "organisation.MemberEvent": None,
    "organisation.Unit": None,
    "organisation.UnitName": None,
}


def _year(value: Any) -> int | None:
    if isinstance(value, dt.date):
        return value.year
    return int(value) if isinstance(value, int) else None


def records_changed(years: Iterable[int | None] = (EVERY_YEAR,)) -> None:
    """Bump the counters of these years (None or 0: every year's)."""
    from .models import RecordsVersion

    # Always in the same order, so two writers bumping several years never wait in a circle.
    for year in sorted({EVERY_YEAR if not year else year for year in years}):
        if not RecordsVersion.objects.filter(year=year).update(counter=F("counter") + 1):
            RecordsVersion.objects.get_or_create(year=year)
            RecordsVersion.objects.filter(year=year).update(counter=F("counter") + 1)


def current() -> dict[int, int]:
    """Every counter, in one query."""
    from .models import RecordsVersion

    return dict(RecordsVersion.objects.values_list("year", "counter"))


def _stored_year(sender: type[Model], pk: Any, field: str) -> int | None:
    value = sender._default_manager.filter(pk=pk).values_list(field, flat=True).first()
    return _year(value)


def _before_save(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    field = WATCHED[sender._meta.label]
    if field and instance.pk and not raw:
        instance._report_old_year = _stored_year(sender, instance.pk, field)  # type: ignore[attr-defined]


def _changed(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    field = WATCHED[sender._meta.label]
    if field is None:
        records_changed()
        return
    if "__" in field:
        # A row dated by its parent (attendance by its meeting's date).
        parent, rest = field.split("__", 1)
        value = getattr(getattr(instance, parent, None), rest, None)
    else:
        value = getattr(instance, field, None)
    years = {_year(value), getattr(instance, "_report_old_year", None)}
    if sender._meta.label == "pledges.Pledge":  # counted by its year and its date
        years.add(_year(getattr(instance, "registered_on", None)))
    known = [year for year in years if year]
    records_changed(known or [EVERY_YEAR])


def _topics_changed(sender: Any, instance: Model, action: str, **kwargs: Any) -> None:
    if action.startswith("post_"):
        records_changed([_year(getattr(instance, "date", None))])


def connect() -> None:
    """Called once from ReportsConfig.ready."""
    for label in WATCHED:
        model = apps.get_model(label)
        uid = f"reports-version-{label}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"{uid}-pre")
        post_save.connect(_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-del")
    meeting = apps.get_model("meetings.Meeting")
    m2m_changed.connect(
        _topics_changed, sender=meeting.topics.through, dispatch_uid="reports-version-topics"
    )
