"""The dashboard panel: my pledge this year, and pledges waiting for the cell's confirmation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from core.policy import CHANGE

from .models import Pledge
from .policies import pledges


def pledges_panel(request: HttpRequest) -> dict[str, Any] | None:
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return None
    year = timezone.localdate().year
    own_missing = (
        bool(user.person_id)
        and not Pledge.objects.filter(person_id=user.person_id, year=year).exists()
    )
    pending = 0
    if pledges.can(user, CHANGE):
        pending = pledges.visible_to(user).filter(confirmed_at__isnull=True).count()
    if not own_missing and not pending:
        return None
    return {
        "title": _("Pledges"),
        "template": "pledges/panel.html",
        "context": {"year": year, "own_missing": own_missing, "pending": pending},
        "order": 40,
    }
