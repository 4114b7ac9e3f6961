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
import hashlib
import json
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.db import router, transaction
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


class _Pending:
    """The years a transaction changed; its first callback to run after the commit bumps
    them all, the others find nothing left to do."""

    def __init__(self, using: str) -> None:
        self.using = using
        self.years: set[int] = set()

    def flush(self) -> None:
        years, self.years = self.years, set()
        _bump(years, self.using)


def _bump(years: Iterable[int], using: str) -> None:
    """One short autocommit UPDATE per year: a row lock is held for that statement only, and
    never two at once, so writers neither wait for each other's transactions nor deadlock."""
    from .models import RecordsVersion

    counters = RecordsVersion.objects.using(using)
    for year in sorted(years):
        if not counters.filter(year=year).update(counter=F("counter") + 1):
            counters.get_or_create(year=year)
            counters.filter(year=year).update(counter=F("counter") + 1)


def records_changed(years: Iterable[int | None] = (EVERY_YEAR,), using: str | None = None) -> None:
    """Bump the counters of these years (None or 0: every year's) once the writer's
    transaction commits (at once outside a transaction).

    Bumping after the commit keeps the hot counter rows out of the writers' transactions (they
    used to hold the row lock to their end: every write of a year waited for the others, and
    two writers once deadlocked). Readers read the counters before the records, so a figure
    computed from the records before or during the change is stored under the old counters
    and is stale once the bump lands; between the commit and the bump (one statement later)
    a reader may still be served the old figure, and the next read after the bump is not.
    A rolled-back transaction bumps nothing.
    """
    using = using or router.db_for_write(_model())
    wanted = {EVERY_YEAR if not year else year for year in years}
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        _bump(wanted, using)
        return
    # The years gather in one set per transaction (per savepoint), bumped once after the
    # commit: a write of 686 attendances moves the counter once. Each call registers its
    # callback; the set is shared only with the last callback registered at the same
    # savepoint, so a savepoint rolled back takes its years away with its callbacks.
    pending = None
    if connection.run_on_commit:
        savepoints, last, _robust = connection.run_on_commit[-1]
        if savepoints == set(connection.savepoint_ids):
            pending = getattr(last, "__self__", None)
    if not isinstance(pending, _Pending):
        pending = _Pending(using)
    pending.years |= wanted
    transaction.on_commit(pending.flush, using=using)


def digest(parts: list[Any], years: Iterable[int], counters: dict[int, int] | None = None) -> str:
    """A key of figures: `parts` (what else they depend on) and the counters of `years` and of
    every year, so the key changes as soon as a record those figures read changes."""
    counters = current() if counters is None else counters
    stamped = [*parts, counters.get(EVERY_YEAR, 0), [counters.get(year, 0) for year in years]]
    return hashlib.sha256(json.dumps(stamped).encode()).hexdigest()[:40]


def _model() -> type[Model]:
    return apps.get_model("reports", "RecordsVersion")


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
