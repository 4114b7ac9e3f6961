"""What every organisation service shares: who acted, and the dates it refuses."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from core.actors import recorded


def by(obj: Any, user: Any) -> Any:
    """Attach the acting user so that django-simple-history records who made the change."""
    if recorded(user) is not None:
        obj._history_user = user
    return obj


def not_future(value: dt.date, field: str) -> None:
    if value > timezone.localdate():
        raise ValidationError({field: _("This date lies in the future.")})
