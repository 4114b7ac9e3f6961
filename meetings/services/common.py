"""What the meetings services share: saving with the rules checked and the actor recorded,
and the refusals every write of a meeting makes (another unit, a locked meeting)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from core.actors import acting
from core.services import record_actor
from organisation.models import Unit

from .. import policies
from ..models import Meeting
from ..quorum import locked_minutes


def _clean_save(instance: Any, user: Any, validate: Callable[[Any], None] | None = None) -> None:
    """full_clean(), then any further rule check, then save recording who acted."""
    instance.full_clean()
    if validate is not None:
        validate(instance)
    record_actor(instance, user).save()


def _require_unit(user: Any, unit: Unit) -> None:
    if not policies.meetings.can_record_in(acting(user), unit):
        raise PermissionDenied(_("You may not record meetings for this unit."))


def _require_unlocked(meeting: Meeting) -> None:
    """Approved minutes lock the meeting: its date, kind, held, attendance and text change only
    through a correction (a new version of the minutes, with its reason, approved again)."""
    locked = locked_minutes(meeting)
    if locked is not None:
        raise ValidationError(
            _(
                "The minutes (version %(version)s) are approved: the meeting is locked. "
                "Start a correction of the minutes, with its reason, to change it."
            )
            % {"version": locked.version}
        )
