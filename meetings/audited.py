"""The meetings app's records on the audit trail (found by core's autodiscovery)."""

from collections.abc import Callable
from typing import Any

from django.db.models import Model

from core import audit
from meetings.models import (
    Attendance,
    FocusArea,
    Guest,
    Meeting,
    MeetingRules,
    Minutes,
    TopicDeadline,
)


def _meeting(meeting) -> str:
    return f"{meeting.get_kind_display()} {meeting.unit.name} {meeting.date:%d/%m/%Y}"


def _part_of_meeting(model: type[Model], label: Callable[[Any], str]) -> None:
    """A part of a meeting: filed under the meeting's unit, named after the meeting."""
    audit.register(model, via="meeting", label=label, select_related=("meeting__unit",))


audit.register(Meeting, unit="unit", label=_meeting, select_related=("unit",))
audit.register(
    Attendance,
    via="meeting",
    person="person",
    label=lambda row: f"{row.person.full_name} – {_meeting(row.meeting)}",
    select_related=("person", "meeting__unit"),
)
_part_of_meeting(Guest, lambda row: f"{row.name} – {_meeting(row.meeting)}")
_part_of_meeting(Minutes, lambda row: f"{_meeting(row.meeting)} — v{row.version}")
audit.register(FocusArea, unit="committee")
audit.register(MeetingRules, unit="committee")
audit.register(
    TopicDeadline,
    unit="committee",
    label=lambda row: f"{row.topic.code} — {row.deadline:%d/%m/%Y}",
    select_related=("topic",),
)
