"""The meetings app's records on the audit trail (found by core's autodiscovery)."""

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


audit.register(Meeting, unit="unit", label=_meeting, select_related=("unit",))
audit.register(
    Attendance,
    unit="meeting__unit",
    person="person",
    label=lambda row: f"{row.person.full_name} – {_meeting(row.meeting)}",
    select_related=("person", "meeting__unit"),
)
audit.register(
    Guest,
    unit="meeting__unit",
    label=lambda row: f"{row.name} – {_meeting(row.meeting)}",
    select_related=("meeting__unit",),
)
audit.register(
    Minutes,
    unit="meeting__unit",
    label=lambda row: f"{_meeting(row.meeting)} — v{row.version}",
    select_related=("meeting__unit",),
)
audit.register(FocusArea, unit="committee")
audit.register(MeetingRules, unit="committee")
audit.register(
    TopicDeadline,
    unit="committee",
    label=lambda row: f"{row.topic.code} — {row.deadline:%d/%m/%Y}",
    select_related=("topic",),
)
