"""The dashboard panel: overdue remediation tasks, and reports awaiting the inspector.

The committee office, the inspection commission and the subject's secretary each see it for
the tasks they may see; it runs a fixed number of queries.
"""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from core.policy import VIEW

from . import policies, selectors
from .models import Remediation


def overdue_panel(request: HttpRequest) -> dict[str, Any] | None:
    user = request.user
    if not policies.remediations.can(user, VIEW):
        return None
    tasks, overdue = selectors.overdue_for(user)
    awaiting = 0
    if policies.remediations.can(user, policies.VERIFY):
        awaiting = (
            policies.remediations.queryset_for(user)
            .filter(state=Remediation.State.SUBMITTED)
            .count()
        )
    if not overdue and not awaiting:
        return None
    return {
        "title": _("Remediation tasks overdue"),
        "template": "inspections/panel_overdue.html",
        "context": {
            "tasks": tasks,
            "overdue": overdue,
            "awaiting": awaiting,
            "today": timezone.localdate(),
        },
        "order": 30,
    }
