"""The audit trail: which models' history (django-simple-history) the audit page browses.

Each app lists its models in `<app>/audited.py` (imported by core's `ready()`):

    from core import audit
    audit.register(Meeting, unit="unit")                  # history rows carry a unit
    audit.register(Minutes, via="meeting")                # filed under its meeting's unit
    audit.register(Attendance, via="meeting", person="person",
                   label=lambda row: f"{row.person} – {row.meeting}",
                   select_related=("person", "meeting"))

`unit` and `person` are lookups on the *historical* model that lead to a unit and to a
person; they let the office filter the trail by unit (its whole subtree) and by person. A
model without them still shows, but drops out when that filter is used. A record that belongs
to another registered record names the link with `via`: it takes that record's unit and
person (unless it gives its own), and its label may read that record (selected by default).
`label` names a history row on the page (default: `str()` of the row's instance); give it,
with the foreign keys it reads in `select_related`, when `__str__` follows foreign keys, so
that a page of the trail costs a fixed number of queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Field, ManyToManyField, Model, QuerySet, Value
from django.utils import timezone


@dataclass(frozen=True)
class AuditedModel:
    model: type[Model]
    unit: str | None = None
    person: str | None = None
    # How a history row is named on the page; related rows it needs are select_related.
    label: Callable[[Any], str] | None = None
    select_related: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.model._meta.label_lower

    @property
    def name(self) -> str:
        return str(self.model._meta.verbose_name)

    def history(self) -> QuerySet:
        return self.model.history.all()  # type: ignore[attr-defined]


_registry: dict[str, AuditedModel] = {}


def register(
    model: type[Model],
    *,
    via: str | None = None,
    unit: str | None = None,
    person: str | None = None,
    label: Callable[[Any], str] | None = None,
    select_related: tuple[str, ...] | None = None,
) -> None:
    """Show `model`'s history on the audit page (it needs `history = HistoricalRecords()`)."""
    if not hasattr(model, "history"):
        raise TypeError(f"{model.__name__} has no HistoricalRecords")
    if via is not None:
        parent = _linked_entry(model, via)
        unit = unit or (parent.unit and f"{via}__{parent.unit}")
        person = person or (parent.person and f"{via}__{parent.person}")
        if select_related is None and label is not None:
            select_related = (via,)
    select_related = select_related or ()
    entry = AuditedModel(model, unit, person, label, tuple(select_related))
    _registry[entry.key] = entry


def _linked_entry(model: type[Model], via: str) -> AuditedModel:
    """The entry of the record `model` belongs to through its link `via` (registered before)."""
    target: Any = model._meta.get_field(via).related_model
    return _registry[target._meta.label_lower]


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
    # Paths of the units whose history the reader may see (None: all, for the superuser).
    scope: list[str] | None = None


def _filtered(entry: AuditedModel, filters: AuditFilters) -> QuerySet | None:
    queryset = entry.history()
    if filters.scope is not None:
        if not entry.unit:
            return None
        from core.policy import subtree_q

        unit_model = apps.get_model("organisation", "Unit")
        allowed = unit_model.objects.filter(subtree_q(filters.scope, "path")).values("pk")
        queryset = queryset.filter(**{f"{entry.unit}__in": allowed})
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
        if self.entry.label is not None:
            return self.entry.label(self.record)
        return str(self.record.instance)


def _display(model: type[Model], name: str, value: Any) -> Any:
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 (an m2m or removed field: show the raw value)
        return value
    if isinstance(field, Field) and field.choices and value is not None:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        from core.vn import format_date

        return format_date(value)
    return value


def _verbose(model: type[Model], name: str) -> str:
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001
        return name
    # A reverse relation has no verbose name of its own.
    return str(field.verbose_name) if isinstance(field, Field) else name


HIDDEN_FIELDS = {"search_key", "sort_key", "path", "depth", "id"}


def _related_names(model: type[Model], rows: list[Any]) -> dict[str, dict[Any, str]]:
    """For each foreign key of `model`, the names of the rows it points to (a query each)."""
    names: dict[str, dict[Any, str]] = {}
    for field in model._meta.concrete_fields:
        if not field.is_relation or field.name in HIDDEN_FIELDS:
            continue
        ids = {getattr(row, field.attname, None) for row in rows} - {None}
        if ids:
            assert field.related_model is not None  # a relation points to a model
            found = field.related_model._default_manager.in_bulk(ids)
            names[field.attname] = {pk: str(obj) for pk, obj in found.items()}
    return names


def _field_changes(
    model: type[Model],
    record: Any,
    previous: Any | None,
    related: dict[str, dict[Any, str]],
) -> list[Change]:
    def show(field: Any, value: Any) -> Any:
        if field.is_relation:
            return related.get(field.attname, {}).get(value, value)
        return _display(model, field.name, value)

    changes = []
    for field in model._meta.concrete_fields:
        if field.name in HIDDEN_FIELDS:
            continue
        new = getattr(record, field.attname, None)
        if previous is None:
            if new not in (None, ""):
                changes.append(Change(_verbose(model, field.name), None, show(field, new)))
            continue
        old = getattr(previous, field.attname, None)
        if old != new:
            changes.append(Change(_verbose(model, field.name), show(field, old), show(field, new)))
    return changes


def _previous_records(history: QuerySet, records: list[Any]) -> dict[int, Any]:
    """history_id → the record of the same object just before it, in one query."""
    changed = [record for record in records if record.history_type != "+"]
    if not changed:
        return {}
    latest = max(record.history_date for record in changed)
    older = history.filter(
        id__in={record.id for record in changed}, history_date__lte=latest
    ).order_by("id", "history_date", "history_id")
    by_object: dict[Any, list[Any]] = {}
    for row in older:
        by_object.setdefault(row.id, []).append(row)
    result = {}
    for record in changed:
        before = None
        for row in by_object.get(record.id, []):
            if (row.history_date, row.history_id) >= (record.history_date, record.history_id):
                break
            before = row
        if before is not None:
            result[record.history_id] = before
    return result


def _m2m_changes(
    entry: AuditedModel, records: list[Any], previous: dict[int, Any]
) -> dict[int, list[Change]]:
    """Changes of many-to-many fields tracked by the history, a query or two per field."""
    model = entry.model
    result: dict[int, list[Change]] = {}
    if not records:
        return result
    fields = [field.name for field in getattr(records[0], "_history_m2m_fields", [])]
    history_ids = {record.history_id for record in records} | {
        row.history_id for row in previous.values()
    }
    for name in fields:
        field = model._meta.get_field(name)
        assert isinstance(field, ManyToManyField)  # the history tracks model m2m fields
        related = field.related_model
        assert related is not None  # a many-to-many field points to a model
        through = getattr(records[0], name).model
        target = related._meta.model_name
        values: dict[int, set[Any]] = {}
        for history_id, target_id in through.objects.filter(history_id__in=history_ids).values_list(
            "history_id", target
        ):
            values.setdefault(history_id, set()).add(target_id)
        names = dict(
            (obj.pk, str(obj))
            for obj in related._default_manager.filter(
                pk__in={pk for ids in values.values() for pk in ids}
            )
        )

        def label(ids: set[Any], names: dict = names) -> str:
            return ", ".join(sorted(names.get(pk, str(pk)) for pk in ids))

        for record in records:
            new = values.get(record.history_id, set())
            before = previous.get(record.history_id)
            old = values.get(before.history_id, set()) if before is not None else set()
            if record.history_type == "+" and not new:
                continue
            if new != old and (before is not None or record.history_type == "+"):
                result.setdefault(record.history_id, []).append(
                    Change(str(field.verbose_name), label(old) or None, label(new))
                )
    return result


class AuditTrail:
    """The history of every registered model as one list, newest first, sliceable.

    Django's Paginator slices it: one UNION ALL of the history tables' keys (date, id, which
    table) gives the page's keys, then only the page's rows are loaded, table by table, so that
    a page costs a fixed number of queries whatever the size of the trail and the number of
    record kinds.
    """

    def __init__(self, filters: AuditFilters) -> None:
        self.sources: list[tuple[AuditedModel, QuerySet]] = []
        for entry in registered():
            if filters.model and entry.key != filters.model:
                continue
            queryset = _filtered(entry, filters)
            if queryset is not None:
                self.sources.append((entry, queryset))
        self._count: int | None = None

    def _union(self, *columns: str) -> QuerySet | None:
        """One UNION ALL over the sources (each tagged with its position): one query for the
        count and one for the page's keys, however many record kinds are on the trail."""
        parts = [
            queryset.order_by()
            .annotate(audit_source=Value(position))
            .values_list(*columns, "audit_source")
            for position, (_, queryset) in enumerate(self.sources)
        ]
        if not parts:
            return None
        return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]

    def count(self) -> int:
        if self._count is None:
            union = self._union("history_id")
            self._count = union.count() if union is not None else 0
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[AuditRecord]:
        if not isinstance(index, slice):
            raise TypeError("AuditTrail supports slices only")
        start, stop = index.start or 0, index.stop or self.count()
        union = self._union("history_date", "history_id")
        if union is None:
            return []
        page = list(union.order_by("-history_date", "-history_id", "-audit_source")[start:stop])
        wanted: dict[int, list[int]] = {}
        for _, history_id, position in page:
            wanted.setdefault(position, []).append(history_id)
        loaded: dict[tuple[int, int], Any] = {}
        changes: dict[tuple[int, int], list[Change]] = {}
        for position, ids in wanted.items():
            entry, queryset = self.sources[position]
            records = list(
                queryset.filter(history_id__in=ids).select_related(
                    "history_user", *entry.select_related
                )
            )
            previous = _previous_records(entry.history(), records)
            m2m = _m2m_changes(entry, records, previous)
            related = _related_names(entry.model, records + list(previous.values()))
            for record in records:
                key = (position, record.history_id)
                loaded[key] = record
                before = previous.get(record.history_id)
                if record.history_type == "~" and before is None:
                    found: list[Change] = []
                elif record.history_type == "-":
                    found = []
                else:
                    found = _field_changes(entry.model, record, before, related)
                changes[key] = found + m2m.get(record.history_id, [])
        return [
            AuditRecord(
                self.sources[position][0],
                loaded[(position, history_id)],
                changes[(position, history_id)],
            )
            for _, history_id, position in page
        ]


def object_history(obj: Model, limit: int = 20) -> list[AuditRecord]:
    """The latest changes of one record, for its own page (empty when not on the trail)."""
    entry = _registry.get(obj._meta.label_lower)
    if entry is None or obj.pk is None:
        return []
    trail = AuditTrail(AuditFilters(model=entry.key))
    trail.sources = [(entry, entry.history().filter(id=obj.pk))]
    return trail[0:limit]
