"""The meetings panel of the dashboard: what needs attention in the user's cells."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dashboard import Panel
from core.policy import has_role
from core.roles import Role

from . import oversight, selectors


def meetings_attention(request: HttpRequest) -> Panel | None:
    """Committee scope for the office and the inspection commission, cell scope for a
    secretary: cells without a thematic meeting this quarter, skipped monthly meetings,
    members absent without reason for the configured number of months, overdue topics."""
    user = request.user
    if not has_role(user, Role.OFFICE, Role.INSPECTION, Role.SECRETARY):
        return None
    cells = oversight.cells_in_scope(user)
    if not cells:
        return None
    committees = list(selectors.committees_for(user))
    result = oversight.attention(cells, committees[0] if committees else None, timezone.localdate())
    return Panel(
        _("Meetings: needs attention"),
        "meetings/panel_attention.html",
        {"attention": result},
        order=30,
    )
