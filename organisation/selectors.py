"""Reads over the unit tree and the roll, and the figures of the organisation pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from core.policy import subtree_q
from core.search import search
from core.vn import search_key

from . import membership
from .models import MemberEvent, Person, Posting, Unit
from .policies import people as people_policy
from .policies import units as unit_policy


def unit_subtree(unit: Unit) -> QuerySet[Unit]:
    return Unit.objects.filter(path__startswith=unit.path)


def committee_cells(committee: Unit) -> QuerySet[Unit]:
    return unit_subtree(committee).filter(kind=Unit.Kind.CELL)


def committee_of(unit: Unit) -> Unit:
    """The grassroots committee: the nearest unit of kind committee at or above `unit`."""
    if unit.kind == Unit.Kind.COMMITTEE:
        return unit
    ancestor_ids = [int(pk) for pk in unit.path.strip(".").split(".")]
    return (
        Unit.objects.filter(pk__in=ancestor_ids, kind=Unit.Kind.COMMITTEE)
        .order_by("-depth")
        .first()
        or unit
    )


# The roll lives in organisation.membership; these names stay for the callers that read
# "roll_on(unit, day)" more naturally than "membership.roll(unit, day)".
roll_on = membership.roll
people_on = membership.people


# ---------------------------------------------------------------------------------------------
# Pages: the committee tree with its counts, a unit's people, a person's record.


@dataclass
class Counts:
    """Who is on a unit's books now (people not moved out)."""

    full: int = 0
    probationary: int = 0
    staff: int = 0
    mass: int = 0  # people belonging to at least one mass organisation

    @property
    def members(self) -> int:
        return self.full + self.probationary

    @property
    def people(self) -> int:
        return self.members + self.staff

    def add(self, other: Counts) -> None:
        self.full += other.full
        self.probationary += other.probationary
        self.staff += other.staff
        self.mass += other.mass


@dataclass
class TreeNode:
    unit: Unit
    counts: Counts
    children: list[TreeNode] = field(default_factory=list)


def units_in_scope(user: Any, *, ordered: bool = False) -> QuerySet[Unit]:
    """The units the user may see (the units policy); `ordered`: in the tree's order."""
    queryset = unit_policy.queryset_for(user)
    return queryset.order_by("path") if ordered else queryset


def unit_in_scope(user: Any, pk: int) -> Unit:
    """A unit the user may see, with its parent; any other answers 404."""
    try:
        return units_in_scope(user).select_related("parent").get(pk=pk)
    except Unit.DoesNotExist as exc:
        raise Http404 from exc


def sees_unit(user: Any, pk: int | None) -> bool:
    return pk is not None and units_in_scope(user).filter(pk=pk).exists()


def unit_counts(prefixes: list[str] | None) -> dict[int, Counts]:
    """Direct counts per unit id (people whose current unit it is), in two queries."""
    people = Person.objects.filter(moved_out_on__isnull=True)
    if prefixes is not None:
        people = people.filter(subtree_q(prefixes, "unit__path"))
    result: dict[int, Counts] = {}
    for row in people.values("unit_id", "party_status").annotate(n=Count("id")).order_by():
        counts = result.setdefault(row["unit_id"], Counts())
        if row["party_status"] == Person.PartyStatus.FULL:
            counts.full += row["n"]
        elif row["party_status"] == Person.PartyStatus.PROBATIONARY:
            counts.probationary += row["n"]
        else:
            counts.staff += row["n"]
    in_mass = (
        people.filter(mass_organisations__isnull=False)
        .values("unit_id")
        .annotate(n=Count("id", distinct=True))
        .order_by()
    )
    for mass_row in in_mass:
        result.setdefault(mass_row["unit_id"], Counts()).mass += mass_row["n"]
    return result


def unit_tree(units: list[Unit], direct: dict[int, Counts]) -> list[TreeNode]:
    """Nest `units` (ordered by path) and roll each unit's counts up to its ancestors."""
    nodes = {unit.pk: TreeNode(unit, Counts()) for unit in units}
    for unit_id, counts in direct.items():
        owner = nodes.get(unit_id)
        if owner is None:
            continue
        for ancestor_id in owner.unit.path.strip(".").split("."):
            node = nodes.get(int(ancestor_id))
            if node is not None:
                node.counts.add(counts)
    roots: list[TreeNode] = []
    # Siblings by code, whatever the database's collation does with the dotted paths.
    for unit in sorted(units, key=lambda unit: unit.code):
        node = nodes[unit.pk]
        parent = nodes.get(unit.parent_id) if unit.parent_id else None
        (parent.children if parent else roots).append(node)
    return roots


def committee_overview(user: Any) -> list[TreeNode]:
    """The tree of units the user may see, with counts, in a fixed number of queries."""
    units = list(unit_policy.queryset_for(user).order_by("path"))
    return unit_tree(units, unit_counts(unit_policy.scope_paths(user)))


def unit_overview(unit: Unit) -> TreeNode:
    """A unit with its subtree and counts."""
    units = list(unit_subtree(unit).order_by("path"))
    roots = unit_tree(units, unit_counts([unit.path]))
    return roots[0]


PARTY_FILTERS = {
    "full": Q(party_status=Person.PartyStatus.FULL),
    "probationary": Q(party_status=Person.PartyStatus.PROBATIONARY),
    "members": ~Q(party_status=""),
    "staff": Q(party_status=""),
}


def unit_people(
    unit: Unit,
    user: Any,
    *,
    text: str | None = None,
    party: str | None = None,
    moved_out: bool = False,
    on: dt.date | None = None,
) -> QuerySet[Person]:
    """People of the unit's subtree that the user may see, in Vietnamese name order.

    With `on`, the party members on the unit's roll on that date instead (`roll_on`).
    """
    queryset = people_policy.queryset_for(user)
    if on is not None:
        # The roll on a past date: members posted in the subtree that day, wherever they are now.
        queryset = queryset.filter(pk__in=roll_on(unit, on).values("pk"))
    else:
        queryset = queryset.filter(unit__path__startswith=unit.path)
        queryset = queryset.filter(moved_out_on__isnull=not moved_out)
    if party in PARTY_FILTERS:
        queryset = queryset.filter(PARTY_FILTERS[party])
    return (
        with_state(search(queryset, text), on or timezone.localdate())
        .select_related("unit")
        .prefetch_related("mass_organisations")
        .order_by("sort_key", "code")
    )


def with_state(people: QuerySet[Person], day: dt.date) -> QuerySet[Person]:
    """Annotate `state_on`: the person's state on `day` (exempt, suspended, active, or None
    when he belongs nowhere that day), so that lists can say it beside his name."""
    postings = Posting.objects.filter(membership.covers_q(day), person=OuterRef("pk"))
    return people.annotate(state_on=Subquery(postings.values("state")[:1]))


def person_record(user: Any, pk: int) -> Person:
    """A person the user may see, with unit, mass organisations and postings loaded."""
    queryset = (
        people_policy.queryset_for(user)
        .select_related("unit")
        .prefetch_related(
            "mass_organisations",
            Prefetch(
                "postings",
                queryset=Posting.objects.select_related("unit").order_by(
                    F("start").asc(nulls_first=True), "pk"
                ),
            ),
        )
    )
    try:
        return queryset.get(pk=pk)
    except Person.DoesNotExist as exc:
        raise Http404 from exc


def current_posting(person: Person) -> Posting | None:
    """The latest posting of the person (open, unless he moved out)."""
    return (
        Posting.objects.filter(person=person)
        .order_by(F("start").desc(nulls_last=True), "-pk")
        .first()
    )


def global_search(user: Any, text: str) -> tuple[QuerySet[Unit], QuerySet[Person]]:
    """Units and people whose name or code matches `text`, among what the user may see."""
    if not search_key(text):
        return Unit.objects.none(), Person.objects.none()
    units = search(unit_policy.queryset_for(user), text).order_by("path")
    people = (
        with_state(search(people_policy.queryset_for(user), text), timezone.localdate())
        .select_related("unit")
        .order_by("sort_key", "code")
    )
    return units, people


def visible_cells(user: Any) -> QuerySet[Unit]:
    return unit_policy.queryset_for(user).filter(kind=Unit.Kind.CELL).order_by("path")


def person_event(person: Person, pk: int) -> MemberEvent:
    try:
        return person.events.select_related("from_unit", "to_unit").get(pk=pk)
    except MemberEvent.DoesNotExist as exc:
        raise Http404 from exc


def possible_parents(user: Any, moving: Unit | None = None) -> QuerySet[Unit]:
    """Units in scope that may hold others: not cells, not dissolved; not `moving` itself
    nor a unit under it."""
    units = unit_policy.queryset_for(user).exclude(kind=Unit.Kind.CELL)
    if moving is not None:
        units = units.exclude(path__startswith=moving.path)
    return units.filter(dissolved_on__isnull=True).order_by("path")


def receiving_units(user: Any, unit: Unit) -> QuerySet[Unit]:
    """Where a dissolved unit's members may go: another unit of its kind, still existing."""
    units = unit_policy.queryset_for(user).filter(kind=unit.kind, dissolved_on__isnull=True)
    return units.exclude(pk=unit.pk).order_by("path")


def unit_members_now(unit: Unit) -> list[Person]:
    """People whose open period is in the unit itself: those a dissolution moves."""
    people = Person.objects.filter(postings__unit=unit, postings__end__isnull=True)
    return list(people.distinct().order_by("sort_key", "code"))


def unit_history(unit: Unit) -> dict[str, Any]:
    """What the unit page says of its past: former names, successor, predecessors."""
    return {
        "former_names": list(unit.names.order_by("until")),
        "successor": unit.successor,
        "predecessors": list(unit.predecessors.order_by("dissolved_on", "code")),
    }


def person_timeline(person: Person) -> list[dict[str, Any]]:
    """The person's party life in date order: admission, full membership, then each event."""
    entries: list[dict[str, Any]] = []
    if person.party_joined_on:
        entries.append({"date": person.party_joined_on, "label": _("Admitted to the party")})
    if person.party_official_on:
        entries.append({"date": person.party_official_on, "label": _("Became a full member")})
    events = person.events.select_related("from_unit", "to_unit").order_by("date", "pk")
    for event in events:
        entries.append({"date": event.date, "label": event.get_kind_display(), "event": event})
    # Stable: on one day, the admission dates come before the events.
    return sorted(entries, key=lambda entry: entry["date"])


def flatten(roots: list[TreeNode], level: int = 0) -> list[tuple[TreeNode, int]]:
    """Depth-first rows (node, level) for a table that shows the tree."""
    rows: list[tuple[TreeNode, int]] = []
    for node in roots:
        rows.append((node, level))
        rows.extend(flatten(node.children, level + 1))
    return rows
