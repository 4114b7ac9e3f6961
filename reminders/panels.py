"""The home page of a secretary (his cells' tasks) and of a member (his own records)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dashboard import Panel

from . import duties


def secretary_panel(request: HttpRequest) -> Panel | None:
    from inspections.selectors import summary_for

    today = timezone.localdate()
    tasks = duties.secretary_tasks(request.user, today, summary_for(request))
    if not tasks.cells:
        return None
    return Panel(
        _("Your cell's tasks"),
        "reminders/panel_secretary.html",
        {"tasks": tasks, "today": today},
        order=2,
    )


def member_panel(request: HttpRequest) -> Panel | None:
    today = timezone.localdate()
    home = duties.member_home(request.user, today)
    if home is None:
        return None
    return Panel(
        _("Your records"), "reminders/panel_member.html", {"home": home, "today": today}, order=3
    )
