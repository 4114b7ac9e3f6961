"""The dashboard panel: overdue remediation tasks, and reports awaiting the inspector.

The committee office, the inspection commission and the subject's secretary each see it for
the tasks they may see; it reads the tasks through the request's remediation summary, which the
secretary's reminders and the plan's panel share (one query, two for a verifier).
"""

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dashboard import Panel
from core.policy import VIEW

from . import policies, selectors

OVERDUE_SHOWN = 8


def overdue_panel(request: HttpRequest) -> Panel | None:
    user = request.user
    if not policies.remediations.can(user, VIEW):
        return None
    summary = selectors.summary_for(request)
    overdue = summary.late
    awaiting = 0
    if policies.remediations.can(user, policies.VERIFY):
        awaiting = summary.counts["submitted"]
    if not overdue and not awaiting:
        return None
    return Panel(
        _("Remediation tasks overdue"),
        "inspections/panel_overdue.html",
        {
            "tasks": summary.late_tasks(OVERDUE_SHOWN),
            "overdue": overdue,
            "awaiting": awaiting,
            "today": timezone.localdate(),
        },
        order=30,
    )
