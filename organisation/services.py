"""The only writes to units, people and postings. Each service is one transaction, validates
with `full_clean()` and records who made the change in the audit trail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import MassOrganisation, Person, Posting, Unit
from .selectors import current_posting

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


def _by(obj: Any, user: Any) -> Any:
    """Attach the acting user so that django-simple-history records who made the change."""
    if user is not None and getattr(user, "is_authenticated", False):
        obj._history_user = user
    return obj


def _not_future(value: dt.date, field: str) -> None:
    if value > timezone.localdate():
        raise ValidationError({field: _("This date lies in the future.")})


@transaction.atomic
def unit_create(
    *, user: Any, code: str, name: str, kind: str, parent: Unit | None = None, **extra: Any
) -> Unit:
    """A new unit under `parent` (None: the root)."""
    unit = _by(Unit(code=code, name=name, kind=kind, parent=parent, **extra), user)
    unit.full_clean()
    unit.save()
    return unit


@transaction.atomic
def person_create(
    *,
    user: Any,
    unit: Unit,
    mass_organisations: Iterable[MassOrganisation] = (),
    since: dt.date | None = None,
    **fields: Any,
) -> Person:
    """A new person in `unit`, posted there from `since` (blank: before the records begin)."""
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    if since:
        _not_future(since, "since")
    person = _by(Person(unit=unit, **fields), user)
    person.full_clean()
    person.save()
    person.mass_organisations.set(list(mass_organisations))
    posting = _by(Posting(person=person, unit=unit, start=since), user)
    posting.full_clean()
    posting.save()
    return person


@transaction.atomic
def person_update(
    *,
    user: Any,
    person: Person,
    mass_organisations: Iterable[MassOrganisation] | None = None,
    **fields: Any,
) -> Person:
    """Change a person's particulars; the unit changes only through `person_transfer`."""
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(person, name, value)
    _by(person, user)
    person.full_clean()
    person.save()
    if mass_organisations is not None:
        person.mass_organisations.set(list(mass_organisations))
    return person


@transaction.atomic
def person_transfer(
    *, user: Any, person: Person, unit: Unit, on: dt.date, note: str = ""
) -> Posting:
    """Move a person to another unit on `on`: the open posting ends, a new one begins."""
    if person.moved_out_on:
        raise ValidationError(_("This person has moved out; he cannot be transferred."))
    if unit.pk == person.unit_id:
        raise ValidationError({"unit": _("The person already belongs to this unit.")})
    _not_future(on, "on")
    posting = current_posting(person)
    if posting and posting.start and on <= posting.start:
        raise ValidationError(
            {"on": _("The transfer must be after the person joined the current unit.")}
        )
    if posting:
        posting.end = on
        _by(posting, user).save()
    new = _by(Posting(person=person, unit=unit, start=on, note=note or _("Transfer")), user)
    new.full_clean()
    new.save()
    person.unit = unit
    _by(person, user).save()
    return new


@transaction.atomic
def person_move_out(*, user: Any, person: Person, on: dt.date, note: str = "") -> Person:
    """Chuyển sinh hoạt đi: the person leaves the committee's roll on `on`."""
    if person.moved_out_on:
        raise ValidationError(_("This person has already moved out."))
    _not_future(on, "on")
    if person.party_joined_on and on < person.party_joined_on:
        raise ValidationError({"on": _("The move-out date cannot be before joining the party.")})
    posting = current_posting(person)
    if posting and posting.start and on < posting.start:
        raise ValidationError(
            {"on": _("The move-out date cannot be before the person joined the current unit.")}
        )
    person.moved_out_on = on
    _by(person, user)
    person.full_clean()
    person.save()
    if posting:
        posting.end = on
        if note:
            posting.note = note
        _by(posting, user).save()
    return person


PROFILE_FIELDS = (
    "superior_body",
    "place",
    "issuer_symbol",
    "secretary_name",
    "deputy_names",
    "usual_recipients",
)


@transaction.atomic
def unit_profile_update(*, user: Any, unit: Unit, **fields: Any) -> Unit:
    """The unit's document profile: what its documents print in the header and signature."""
    for name in PROFILE_FIELDS:
        if name in fields:
            value = fields[name] or ""
            setattr(unit, name, value.strip() if isinstance(value, str) else value)
    unit.issuer_symbol = unit.issuer_symbol.upper()
    _by(unit, user).full_clean()
    unit.save()
    return unit
