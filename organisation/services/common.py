"""What every organisation service shares: the dates it refuses."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _


def not_future(value: dt.date, field: str) -> None:
    if value > timezone.localdate():
        raise ValidationError({field: _("This date lies in the future.")})
