"""Reads about one meeting's validity: the quorum of its full members, the 85% indicator, and
whether approved minutes lock it. Apart from selectors.py so each stays short."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from organisation.membership import member_status_on
from organisation.models import Person
from organisation.selectors import committee_of, roll_on

from .models import Attendance, Meeting, Minutes
from .selectors import rules_in_force


@dataclass
class Quorum:
    """Present / required among the full members expected (on the roll, not exempted)."""

    expected: int
    present: int
    required: int
    marked: int
    quorum_percent: int
    indicator_percent: int
    source: str

    @property
    def ok(self) -> bool:
        return self.present >= self.required

    @property
    def attendance_percent(self) -> Decimal | None:
        if not self.expected:
            return None
        return (Decimal(self.present) * 100 / Decimal(self.expected)).quantize(Decimal("0.01"))

    @property
    def indicator_met(self) -> bool:
        percent = self.attendance_percent
        return percent is not None and percent > self.indicator_percent


def required_for(expected: int, percent: int) -> int:
    """More than `percent`% of `expected`: 13 members at 50% → 7."""
    return expected * percent // 100 + 1


def meeting_quorum(meeting: Meeting) -> Quorum:
    """The quorum of a meeting by the meeting settings of its date. The roll is
    `organisation.membership.roll`, active members only: the exempted are not expected."""
    rule = rules_in_force(committee_of(meeting.unit), meeting.date)
    full = [
        person.pk
        for person in roll_on(meeting.unit, meeting.date, active=True)
        if member_status_on(person, meeting.date) == Person.PartyStatus.FULL
    ]
    marks = dict(Attendance.objects.filter(meeting=meeting).values_list("person_id", "status"))
    present = sum(1 for pk in full if marks.get(pk) == Attendance.Status.PRESENT)
    return Quorum(
        expected=len(full),
        present=present,
        required=required_for(len(full), rule.quorum_percent),
        marked=len(marks),
        quorum_percent=rule.quorum_percent,
        indicator_percent=rule.attendance_indicator_percent,
        source=rule.source or f"{rule.effective_from:%d/%m/%Y}",
    )


def quorum_message(quorum: Quorum) -> str:
    return _(
        "Present %(present)s of %(expected)s full members; the quorum needs %(required)s "
        "(more than %(percent)s%%, rule: %(source)s)."
    ) % {
        "present": quorum.present,
        "expected": quorum.expected,
        "required": quorum.required,
        "percent": quorum.quorum_percent,
        "source": quorum.source,
    }


def meeting_quorum_problem(meeting: Meeting, today: dt.date | None = None) -> str:
    """Why the meeting cannot stand as a valid sitting of its cell ("" when it can): held,
    not in the future, attendance taken, a quorum present."""
    today = today or timezone.localdate()
    if meeting.date > today:
        return _("The meeting of %(date)s is in the future.") % {"date": f"{meeting.date:%d/%m/%Y}"}
    if not meeting.held:
        return _("The meeting of %(date)s is not recorded as held.") % {
            "date": f"{meeting.date:%d/%m/%Y}"
        }
    quorum = meeting_quorum(meeting)
    if not quorum.marked:
        return _("The attendance of the meeting of %(date)s has not been taken.") % {
            "date": f"{meeting.date:%d/%m/%Y}"
        }
    if not quorum.ok:
        return _("No quorum. %(detail)s") % {"detail": quorum_message(quorum)}
    return ""


def locked_minutes(meeting: Meeting) -> Minutes | None:
    """The approved minutes that lock the meeting: the latest version, when approved."""
    latest = meeting.minutes.order_by("-version").first()
    return latest if latest is not None and latest.is_locked else None


def meeting_snapshot(meeting: Meeting) -> dict[str, Any]:
    """The meeting as it stands, for the approved minutes to keep."""
    from .selectors import meeting_roll

    return {
        "date": meeting.date.isoformat(),
        "kind": meeting.kind,
        "combined": meeting.combined,
        "held": meeting.held,
        "start_time": meeting.start_time.strftime("%H:%M") if meeting.start_time else "",
        "end_time": meeting.end_time.strftime("%H:%M") if meeting.end_time else "",
        "place": meeting.place,
        "attendance": [
            {
                "name": row.person.full_name,
                "code": row.person.code,
                "status": row.status,
                "reason": row.attendance.reason if row.attendance else "",
                "on_roll": row.on_roll,
            }
            for row in meeting_roll(meeting)
        ],
    }
