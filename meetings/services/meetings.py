"""Writes of meetings themselves: their code, their rules, create, change, delete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.services import model_update, record_actor
from organisation.models import Unit
from organisation.selectors import committee_of

from .. import reference
from ..models import Meeting, Minutes
from ..selectors import rules_in_force
from .common import _clean_save, _require_unit, _require_unlocked

MEETING_FIELDS = (
    "kind",
    "unit",
    "date",
    "held",
    "content",
    "combined",
    "start_time",
    "end_time",
    "place",
    "chair",
    "secretary",
    "agenda",
    "materials",
    "focus_area",
)


def meeting_code_for(*, unit: Unit, kind: str, date: dt.date) -> str:
    """A readable unique code: unit, date, kind, and a counter when needed."""
    base = f"{unit.code}-{date:%Y%m%d}-{reference.KIND_LETTERS[kind]}"
    code, counter = base, 1
    while Meeting.objects.filter(code=code).exists():
        counter += 1
        code = f"{base}-{counter}"
    return code


def meeting_validate(meeting: Meeting) -> None:
    """The rules a meeting must keep; raises ValidationError with a message per field."""
    errors: dict[str, list[str]] = {}
    today = timezone.localdate()
    if meeting.held and meeting.date and meeting.date > today:
        errors.setdefault("held", []).append(
            _("A meeting dated in the future cannot be marked as held.")
        )
    if meeting.start_time and meeting.end_time and meeting.end_time <= meeting.start_time:
        errors.setdefault("end_time", []).append(_("The end time must be after the start time."))
    elif meeting.held and meeting.duration_minutes is not None and meeting.unit_id:
        rule = rules_in_force(committee_of(meeting.unit), meeting.date)
        combined = meeting.combined and meeting.kind in (
            Meeting.Kind.REGULAR,
            Meeting.Kind.THEMATIC,
        )
        minimum = rule.min_minutes_combined if combined else rule.min_minutes
        if combined and minimum is None:
            minimum = rule.min_minutes
        if minimum and meeting.duration_minutes < minimum:
            errors.setdefault("end_time", []).append(
                _(
                    "The meeting lasted %(length)s minutes; the rules in force (%(source)s) "
                    "require at least %(minimum)s minutes."
                )
                % {
                    "length": meeting.duration_minutes,
                    "source": rule.source or rule.effective_from.strftime("%d/%m/%Y"),
                    "minimum": minimum,
                }
            )
    if meeting.combined and meeting.kind not in (Meeting.Kind.REGULAR, Meeting.Kind.THEMATIC):
        errors.setdefault("combined", []).append(
            _("Only a regular or a thematic meeting can be held together with the other.")
        )
    if meeting.unit_id and meeting.focus_area is not None:
        committee = committee_of(meeting.unit)
        if meeting.focus_area.committee_id != committee.pk:
            errors.setdefault("focus_area", []).append(
                _("This code of conduct belongs to another committee.")
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def meeting_create(
    *,
    user: Any,
    unit: Unit,
    kind: str,
    date: dt.date,
    held: bool = False,
    code: str = "",
    topics: Iterable[Any] = (),
    **fields: Any,
) -> Meeting:
    """Record a meeting (planned or held) of `unit`."""
    _require_unit(user, unit)
    meeting = Meeting(unit=unit, kind=kind, date=date, held=held, **fields)
    meeting.code = code or meeting_code_for(unit=unit, kind=kind, date=date)
    _clean_save(meeting, user, meeting_validate)
    meeting.topics.set(list(topics))
    return meeting


@transaction.atomic
def meeting_update(
    *, user: Any, meeting: Meeting, topics: Iterable[Any] | None = None, **fields: Any
) -> Meeting:
    """Change a meeting; moving it to another unit needs the right on both units."""
    _require_unit(user, meeting.unit)
    _require_unlocked(meeting)
    model_update(meeting, fields, allowed=(*MEETING_FIELDS, "code"), save=False)
    _require_unit(user, meeting.unit)
    _clean_save(meeting, user, meeting_validate)
    if topics is not None:
        meeting.topics.set(list(topics))
    return meeting


@transaction.atomic
def meeting_delete(*, user: Any, meeting: Meeting) -> None:
    _require_unit(user, meeting.unit)
    if meeting.minutes.filter(status=Minutes.Status.APPROVED).exists():
        raise ValidationError(_("A meeting with approved minutes cannot be deleted."))
    record_actor(meeting, user).delete()
