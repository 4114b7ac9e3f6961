"""The audit trail: which models' history (django-simple-history) the audit page browses.

Each app registers its models in AppConfig.ready():

    from core import audit
    audit.register(Meeting, unit="unit")                  # history rows carry a unit
    audit.register(Attendance, unit="meeting__unit", person="person")

`unit` and `person` are lookups on the *historical* model that lead to a unit and to a
person; they let the office filter the trail by unit (its whole subtree) and by person. A
model without them still shows, but drops out when that filter is used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Model, QuerySet
from django.utils import timezone


@dataclass(frozen=True)
class AuditedModel:
    model: type[Model]
    unit: str | None = None
    person: str | None = None

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def name(self) -> str:
        return str(self.model._meta.verbose_name)

    def history(self) -> QuerySet:
        return self.model.history.all()  # type: ignore[attr-defined]


_registry: dict[str, AuditedModel] = {}


def register(model: type[Model], *, unit: str | None = None, person: str | None = None) -> None:
    """Show `model`'s history on the audit page (it needs `history = HistoricalRecords()`)."""
    if not hasattr(model, "history"):
        raise TypeError(f"{model.__name__} has no HistoricalRecords")
    entry = AuditedModel(model, unit, person)
    _registry[entry.label] = entry


def registered() -> list[AuditedModel]:
    return sorted(_registry.values(), key=lambda entry: entry.name)


@dataclass
class AuditFilters:
    model: str | None = None
    unit: Any = None  # a Unit: its subtree
    person: Any = None  # a Person
    user: Any = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def _filtered(entry: AuditedModel, filters: AuditFilters) -> QuerySet | None:
    queryset = entry.history()
    if filters.unit is not None:
        if not entry.unit:
            return None
        unit_model = apps.get_model("organisation", "Unit")
        subtree = unit_model.objects.filter(path__startswith=filters.unit.path).values("pk")
        queryset = queryset.filter(**{f"{entry.unit}__in": subtree})
    if filters.person is not None:
        if not entry.person:
            return None
        queryset = queryset.filter(**{entry.person: filters.person.pk})
    if filters.user is not None:
        queryset = queryset.filter(history_user=filters.user)
    tz = timezone.get_current_timezone()
    if filters.date_from:
        start = dt.datetime.combine(filters.date_from, dt.time.min, tzinfo=tz)
        queryset = queryset.filter(history_date__gte=start)
    if filters.date_to:
        end = dt.datetime.combine(filters.date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        queryset = queryset.filter(history_date__lt=end)
    return queryset


@dataclass
class Change:
    field: str
    old: Any
    new: Any


@dataclass
class AuditRecord:
    entry: AuditedModel
    record: Any  # the historical row
    changes: list[Change]

    @property
    def when(self) -> dt.datetime:
        return self.record.history_date

    @property
    def who(self) -> Any:
        return self.record.history_user

    @property
    def action(self) -> str:
        return self.record.history_type  # "+", "~", "-"

    @property
    def object_label(self) -> str:
        return str(self.record.instance)


def _display(model: type[Model], name: str, value: Any) -> Any:
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 (an m2m or removed field: show the raw value)
        return value
    if getattr(field, "choices", None) and value is not None:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        from core.vn import format_date

        return format_date(value)
    return value


def _verbose(model: type[Model], name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # noqa: BLE001
        return name


HIDDEN_FIELDS = {"search_key", "sort_key", "path", "depth", "id"}


def _changes(entry: AuditedModel, record: Any) -> list[Change]:
    model = entry.model
    if record.history_type == "+":
        changes = []
        for field in model._meta.concrete_fields:
            if field.name in HIDDEN_FIELDS:
                continue
            value = getattr(record, field.attname, None)
            if value not in (None, ""):
                changes.append(
                    Change(_verbose(model, field.name), None, _display(model, field.name, value))
                )
        return changes
    previous = record.prev_record
    if previous is None:
        return []
    delta = record.diff_against(previous)
    return [
        Change(
            _verbose(model, change.field),
            _display(model, change.field, change.old),
            _display(model, change.field, change.new),
        )
        for change in delta.changes
        if change.field not in HIDDEN_FIELDS
    ]


class AuditTrail:
    """The history of every registered model as one list, newest first, sliceable.

    Django's Paginator slices it: each slice asks each model's history table for at most
    `stop` rows (keys only), merges them, then loads the rows of the page, so that a page
    costs a fixed number of queries whatever the size of the trail.
    """

    def __init__(self, filters: AuditFilters) -> None:
        self.sources: list[tuple[AuditedModel, QuerySet]] = []
        for entry in registered():
            if filters.model and entry.label != filters.model:
                continue
            queryset = _filtered(entry, filters)
            if queryset is not None:
                self.sources.append((entry, queryset))
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = sum(queryset.count() for _, queryset in self.sources)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[AuditRecord]:
        if not isinstance(index, slice):
            raise TypeError("AuditTrail supports slices only")
        start, stop = index.start or 0, index.stop or self.count()
        keys: list[tuple[dt.datetime, int, int]] = []
        for position, (_, queryset) in enumerate(self.sources):
            rows = queryset.order_by("-history_date", "-history_id").values_list(
                "history_date", "history_id"
            )[:stop]
            keys.extend((when, history_id, position) for when, history_id in rows)
        keys.sort(reverse=True)
        page = keys[start:stop]
        wanted: dict[int, list[int]] = {}
        for _, history_id, position in page:
            wanted.setdefault(position, []).append(history_id)
        loaded: dict[tuple[int, int], Any] = {}
        for position, ids in wanted.items():
            _, queryset = self.sources[position]
            for record in queryset.filter(history_id__in=ids).select_related("history_user"):
                loaded[(position, record.history_id)] = record
        result = []
        for _, history_id, position in page:
            entry = self.sources[position][0]
            record = loaded[(position, history_id)]
            result.append(AuditRecord(entry, record, _changes(entry, record)))
        return result
