"""Membership over time: the one definition of who is on the roll of a unit on a date.

Every list, count and figure asks here (interchange.md, "History"):
- `roll(unit, day)`: party members on the roll of the unit's subtree on `day`;
- `roll(unit, day, active=True)`: of them, those neither exempted nor suspended — the members
  expected to attend, pledge and be rated;
- `people(unit, day)`: everyone (members and staff) belonging to the subtree on `day`;
- `roll_q(day, ...)`: the same condition as a join filter for other models' querysets;
- `cell_of(person, day)`, `cells_on(unit, day)`.

A person's events are the truth; `rebuild()` stores them as `Posting` periods, so that each
question above is one indexed join, the same for one cell or a whole province.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db.models import Q, QuerySet
from django.utils import timezone

from . import timeline
from .bulk import insert_rows
from .models import MemberEvent, Person, Posting, Unit

LEAVING_KINDS = tuple(timeline.LEAVING)


def covers_q(day: dt.date | object, prefix: str = "") -> Q:
    """Q on Posting (or on a relation through `prefix`, e.g. "person__postings__"): the
    period covers `day` — a date or an expression such as F("report_roll_date")."""
    return (Q(**{f"{prefix}start__isnull": True}) | Q(**{f"{prefix}start__lte": day})) & (
        Q(**{f"{prefix}end__isnull": True}) | Q(**{f"{prefix}end__gt": day})
    )


def roll_q(
    day: dt.date | object,
    unit_path: str = "",
    *,
    person: str = "person__",
    active: bool = False,
    members: bool = True,
) -> Q:
    """Q on a model with a person relation (`person`: its lookup prefix, "" on Person):
    the person was on the roll (`members`) or belonged (not `members`) to the subtree of
    `unit_path` on `day`. Written as one condition on the same `postings` join."""
    postings = f"{person}postings__"
    query = covers_q(day, postings) & Q(**{f"{postings}unit__path__startswith": unit_path})
    if active:
        query &= Q(**{f"{postings}state": Posting.State.ACTIVE})
    if members:
        query &= Q(**{f"{person}party_joined_on__isnull": False}) & Q(
            **{f"{person}party_joined_on__lte": day}
        )
    return query


def periods_on(day: dt.date, unit_path: str = "", *, active: bool = False) -> QuerySet[Posting]:
    """The postings covering `day` in the subtree (at most one per person)."""
    queryset = Posting.objects.filter(covers_q(day), unit__path__startswith=unit_path)
    return queryset.filter(state=Posting.State.ACTIVE) if active else queryset


def roll(unit: Unit | None, day: dt.date, *, active: bool = False) -> QuerySet[Person]:
    """Party members on the roll of `unit`'s subtree (None: every unit) on `day`."""
    path = unit.path if unit is not None else ""
    postings = periods_on(day, path, active=active)
    return Person.objects.filter(pk__in=postings.values("person_id"), party_joined_on__lte=day)


def people(unit: Unit | None, day: dt.date) -> QuerySet[Person]:
    """Everyone — members and staff — belonging to `unit`'s subtree on `day`."""
    path = unit.path if unit is not None else ""
    return Person.objects.filter(pk__in=periods_on(day, path).values("person_id"))


def is_on_roll(person: Person, unit: Unit, day: dt.date, *, active: bool = False) -> bool:
    return roll(unit, day, active=active).filter(pk=person.pk).exists()


def posting_on(person: Person, day: dt.date) -> Posting | None:
    """The person's period covering `day`: his cell and his state that day."""
    return Posting.objects.filter(covers_q(day), person=person).select_related("unit").first()


def cell_of(person: Person, day: dt.date) -> Unit | None:
    posting = posting_on(person, day)
    return posting.unit if posting else None


def exists_q(day: dt.date, prefix: str = "") -> Q:
    """Q on Unit: the unit exists on `day` (founded on or before, dissolved after)."""
    return (Q(**{f"{prefix}founded_on__isnull": True}) | Q(**{f"{prefix}founded_on__lte": day})) & (
        Q(**{f"{prefix}dissolved_on__isnull": True}) | Q(**{f"{prefix}dissolved_on__gt": day})
    )


def cells_on(unit: Unit, day: dt.date) -> QuerySet[Unit]:
    """The cells of `unit`'s subtree that exist on `day`."""
    return Unit.objects.filter(exists_q(day), path__startswith=unit.path, kind=Unit.Kind.CELL)


def unit_name_on(unit: Unit, day: dt.date) -> str:
    """The name the unit carried on `day` (its current name unless renamed since)."""
    former = unit.names.filter(until__gte=day).order_by("until").first()
    return former.name if former else unit.name


# -- storing the periods -------------------------------------------------------------------


def as_events(rows: Iterable[MemberEvent]) -> list[timeline.Event]:
    return [
        timeline.Event(row.kind, row.date, row.from_unit_id, row.to_unit_id, row=row)
        for row in rows
    ]


def unit_exists_check(unit_ids: Iterable[int]) -> Callable[[int, dt.date], bool]:
    """A `unit_exists(unit, day)` callable for `timeline.periods`, from one query."""
    spans = {
        row["pk"]: (row["founded_on"], row["dissolved_on"])
        for row in Unit.objects.filter(pk__in=set(unit_ids)).values(
            "pk", "founded_on", "dissolved_on"
        )
    }

    def exists(unit_id: int, day: dt.date) -> bool:
        founded, dissolved = spans.get(unit_id, (None, None))
        return (founded is None or founded <= day) and (dissolved is None or day < dissolved)

    return exists


def history_of(person: Person, events: Iterable[timeline.Event]) -> list[timeline.Period]:
    """Validate `events` as the person's whole history; HistoryError lists what is wrong."""
    events = list(events)
    units = {person.unit_id} | {e.from_unit for e in events} | {e.to_unit for e in events}
    return timeline.periods(
        current_unit=person.unit_id,
        events=events,
        joined_on=person.party_joined_on,
        today=timezone.localdate(),
        unit_exists=unit_exists_check(unit for unit in units if unit),
    )


def rebuild(person_ids: Iterable[int]) -> None:
    """Store the periods of these people from their events (fixed queries per 2,000 people).

    Callers validated the histories first; a history that still fails raises HistoryError.
    Also keeps `Person.moved_out_on` / `left_kind` — the date and way he left the roll.
    """
    ids = sorted(set(person_ids))
    for start in range(0, len(ids), REBUILD_BATCH):  # memory follows the batch, not the import
        _rebuild(ids[start : start + REBUILD_BATCH])
    if ids:
        from reports.versions import records_changed  # periods are written in bulk: no signals

        records_changed()


REBUILD_BATCH = 2000


def _rebuild(ids: list[int]) -> None:
    fields = ("id", "unit_id", "party_joined_on", "moved_out_on", "left_kind")
    persons = Person.objects.filter(pk__in=ids).values_list(*fields)
    events: dict[int, list[MemberEvent]] = defaultdict(list)
    for row in MemberEvent.objects.filter(person_id__in=ids).order_by("date", "pk"):
        events[row.person_id].append(row)
    Posting.objects.filter(person_id__in=ids).delete()
    new: list[tuple[object, ...]] = []  # plain rows: 100,000 people are rebuilt after an import
    changed: list[Person] = []
    for pk, unit_id, joined_on, moved_out_on, left_kind in persons:
        timeline_events = as_events(events[pk])
        for period in timeline.periods(
            current_unit=unit_id, events=timeline_events, joined_on=joined_on
        ):
            new.append((pk, period.unit, period.start, period.end, period.state, ""))
        left = last_leaving(timeline_events)
        left_on, kind = (left.date, left.kind) if left else (None, "")
        if (moved_out_on, left_kind) != (left_on, kind):
            changed.append(Person(pk=pk, moved_out_on=left_on, left_kind=kind))
    insert_rows(Posting, ("person_id", "unit_id", "start", "end", "state", "note"), new)
    if changed:
        Person.objects.bulk_update(changed, ["moved_out_on", "left_kind"], batch_size=2000)


def last_leaving(events: list[timeline.Event]) -> timeline.Event | None:
    """The leaving event that still holds: the last one, unless he moved back in after it."""
    result = None
    for event in timeline.ordered(events):
        if event.kind in timeline.LEAVING:
            result = event
        elif event.kind == timeline.MOVE_IN:
            result = None
    return result


def member_status_on(person: Person, day: dt.date) -> str:
    """Full or probationary on `day`, from the party dates (blank: not yet a member)."""
    if not person.party_joined_on or person.party_joined_on > day:
        return Person.PartyStatus.NONE
    if person.party_official_on and person.party_official_on <= day:
        return Person.PartyStatus.FULL
    if not person.party_official_on and person.party_status == Person.PartyStatus.FULL:
        return Person.PartyStatus.FULL
    return Person.PartyStatus.PROBATIONARY
