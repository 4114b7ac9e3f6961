"""Reads over the unit tree and the roll."""

import datetime as dt

from django.db.models import Q, QuerySet

from .models import Person, Posting, Unit


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


def postings_on(on_date: dt.date, unit_path_prefix: str = "") -> QuerySet[Posting]:
    """Postings open on `on_date` in the subtree whose path starts with `unit_path_prefix`."""
    return Posting.objects.filter(
        Q(start__isnull=True) | Q(start__lte=on_date),
        Q(end__isnull=True) | Q(end__gt=on_date),
        unit__path__startswith=unit_path_prefix,
    )


def people_on(unit: Unit, on_date: dt.date) -> QuerySet[Person]:
    """Everyone (members and staff) belonging to the subtree of `unit` on `on_date`."""
    return Person.objects.filter(
        Q(moved_out_on__isnull=True) | Q(moved_out_on__gt=on_date),
        postings__in=postings_on(on_date, unit.path),
    ).distinct()


def roll_filter(on_date: dt.date, prefix: str = "") -> Q:
    """Q on Person: a party member on the roll on `on_date` (joined, not moved out)."""
    return (
        Q(party_joined_on__isnull=False, party_joined_on__lte=on_date)
        & (Q(moved_out_on__isnull=True) | Q(moved_out_on__gt=on_date))
        & Q(
            Q(postings__start__isnull=True) | Q(postings__start__lte=on_date),
            Q(postings__end__isnull=True) | Q(postings__end__gt=on_date),
            postings__unit__path__startswith=prefix,
        )
    )


def roll_on(unit: Unit, on_date: dt.date) -> QuerySet[Person]:
    """Party members (full or probationary) on the roll of the subtree of `unit` on `on_date`.

    The one definition of "on the roll" that every figure uses (interchange.md).
    """
    return Person.objects.filter(roll_filter(on_date, unit.path)).distinct()


def member_status_on(person: Person, on_date: dt.date) -> str:
    """Full or probationary on that date, from the party dates."""
    if not person.party_joined_on or person.party_joined_on > on_date:
        return Person.PartyStatus.NONE
    if person.party_official_on and person.party_official_on <= on_date:
        return Person.PartyStatus.FULL
    if not person.party_official_on and person.party_status == Person.PartyStatus.FULL:
        return Person.PartyStatus.FULL
    return Person.PartyStatus.PROBATIONARY
