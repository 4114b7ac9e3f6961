"""The user's calendar: meetings and deadlines he may see, and the same as an iCalendar feed.

The feed is read by calendar programs without a session, so it is addressed by a secret token
per user (Preferences.calendar_token) and shows exactly what the user would see signed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _


@dataclass
class Event:
    uid: str
    date: dt.date
    title: str
    url: str
    kind: str  # meeting, deadline


def events(user: Any, start: dt.date, end: dt.date) -> list[Event]:
    """Meetings and deadlines in [start, end] that the user may see, in date order."""
    from inspections import policies as inspection_policies
    from meetings.selectors import deadlines_visible, meetings_visible
    from plans.models import PlanItem, Target
    from plans.selectors import plans_for

    result: list[Event] = []
    for meeting in (
        meetings_visible(user)
        .filter(date__gte=start, date__lte=end)
        .select_related("unit")
        .order_by("date", "pk")[:500]
    ):
        result.append(
            Event(
                f"meeting-{meeting.pk}",
                meeting.date,
                f"{meeting.get_kind_display()} — {meeting.unit.name}",
                reverse("meetings:detail", args=[meeting.pk]),
                "meeting",
            )
        )
    plans = plans_for(user)
    # Each kind of deadline: its records, the prefix of their uid, and what the calendar shows.
    deadlines: list[tuple[Iterable[Any], str, Callable[[Any], tuple[dt.date, str, str]]]] = [
        (
            PlanItem.objects.filter(
                plan__in=plans, deadline__gte=start, deadline__lte=end, done_on__isnull=True
            ).order_by("deadline", "pk"),
            "plan-item",
            lambda item: (
                item.deadline,
                _("Plan deadline: %(task)s") % {"task": item.content[:120]},
                reverse("plans:detail", args=[item.plan_id]),
            ),
        ),
        (
            Target.objects.filter(plan__in=plans, due__gte=start, due__lte=end),
            "target",
            lambda target: (
                target.due,
                _("Target date: %(target)s") % {"target": str(target)[:120]},
                reverse("plans:detail", args=[target.plan_id]),
            ),
        ),
        (
            inspection_policies.remediations.queryset_for(user)
            .filter(completed_on__isnull=True, deadline__gte=start, deadline__lte=end)
            .order_by("deadline", "pk")[:200],
            "remediation",
            lambda task: (
                task.deadline,
                _("Remediation due: %(task)s") % {"task": task.content[:120]},
                reverse("inspections:remediation_detail", args=[task.pk]),
            ),
        ),
        (
            deadlines_visible(user).filter(deadline__gte=start, deadline__lte=end),
            "topic-deadline",
            lambda deadline: (
                deadline.deadline,
                _("Study deadline: %(topic)s") % {"topic": deadline.topic.title[:120]},
                reverse("meetings:deadlines"),
            ),
        ),
    ]
    for records, prefix, shown in deadlines:
        for record in records:
            date, title, url = shown(record)
            result.append(Event(f"{prefix}-{record.pk}", date, title, url, "deadline"))
    return sorted(result, key=lambda event: (event.date, event.kind, event.title))


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545: lines of at most 75 octets, continued with a leading space."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


def ical(user: Any, site: str, today: dt.date | None = None) -> str:
    """The user's events from 30 days ago to a year ahead, as an all-day iCalendar feed."""
    today = today or timezone.localdate()
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//dangbo//lich//VI",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape('dangbo — ' + str(user))}",
    ]
    for event in events(user, today - dt.timedelta(days=30), today + dt.timedelta(days=366)):
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}@dangbo",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.date + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(event.title)}",
            f"URL:{site}{event.url}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
