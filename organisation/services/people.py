"""Writes to people: their particulars. Moves, exemptions and leaving are events
(`organisation.services.events`); the periods behind the roll are derived from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from core.policy import ADD, CHANGE
from core.services import check_permission, model_update, record_actor, save_as

from .. import membership
from ..models import MassOrganisation, MemberEvent, Person, Unit
from .common import not_future

PERSON_FIELDS = (
    "code",
    "full_name",
    "birth_date",
    "gender",
    "position",
    "party_status",
    "party_joined_on",
    "party_official_on",
)


@transaction.atomic
def person_create(
    *,
    user: Any,
    unit: Unit,
    mass_organisations: Iterable[MassOrganisation] = (),
    since: dt.date | None = None,
    **fields: Any,
) -> Person:
    """A new person in `unit`; with `since`, moved in from outside on that day (else he has
    been there since before the records begin)."""
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    if since:
        not_future(since, "since")
    person = Person(unit=unit, **fields)
    check_permission(user, ADD, person)
    save_as(person, user)
    person.mass_organisations.set(list(mass_organisations))
    if since:
        event = MemberEvent(person=person, kind=MemberEvent.Kind.MOVE_IN, date=since, to_unit=unit)
        record_actor(event, user).save()
    membership.rebuild([person.pk])
    return person


@transaction.atomic
def person_update(
    *,
    user: Any,
    person: Person,
    mass_organisations: Iterable[MassOrganisation] | None = None,
    **fields: Any,
) -> Person:
    """Change a person's particulars; his cell changes only through a move event."""
    check_permission(user, CHANGE, person)
    model_update(person, fields, allowed=PERSON_FIELDS, user=user)
    if mass_organisations is not None:
        person.mass_organisations.set(list(mass_organisations))
    if {"party_joined_on", "party_status"} & set(fields):
        # Party-only events must still follow his admission.
        from .events import check_history

        check_history(person)
    return person
