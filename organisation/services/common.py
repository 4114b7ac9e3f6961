"""What every organisation service shares: who acted, and the dates it refuses."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from core.services import record_actor

# Who acted is recorded by core.services.record_actor; `by` is its old name here, kept
# for services/events.py until that module is next changed.
by = record_actor


def not_future(value: dt.date, field: str) -> None:
    if value > timezone.localdate():
        raise ValidationError({field: _("This date lies in the future.")})
