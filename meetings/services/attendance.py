"""Writes of who came: attendance on the roll, guests of a conference."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import bulk
from core.services import record_actor
from organisation.models import Person, Unit
from organisation.selectors import roll_on

from ..models import Attendance, Guest, Meeting
from ..selectors import people_to_mark
from .common import _clean_save, _require_unit, _require_unlocked


def _allowed_people(meeting: Meeting):
    return people_to_mark(meeting)


def _check_attendance_allowed(meeting: Meeting) -> None:
    if meeting.date > timezone.localdate():
        raise ValidationError(_("Attendance cannot be taken for a meeting in the future."))


def _mark_held(meeting: Meeting, user: Any) -> None:
    if not meeting.held:
        meeting.held = True
        record_actor(meeting, user).save(update_fields=["held"])


@transaction.atomic
def attendance_mark(
    *, user: Any, meeting: Meeting, person: Person, status: str, reason: str = ""
) -> Attendance:
    """Mark one person; refuses anyone not on the unit's roll on the meeting's date.

    Taking attendance records the meeting as held.
    """
    _require_unit(user, meeting.unit)
    _require_unlocked(meeting)
    _check_attendance_allowed(meeting)
    # Two quick taps on the same row must not both insert: serialise on the meeting.
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    if not _allowed_people(meeting).filter(pk=person.pk).exists():
        raise ValidationError(
            _("%(name)s is not on the roll of %(unit)s on %(date)s.")
            % {
                "name": person.full_name,
                "unit": meeting.unit.name,
                "date": f"{meeting.date:%d/%m/%Y}",
            }
        )
    if status == Attendance.Status.PRESENT:
        reason = ""
    attendance = Attendance.objects.filter(meeting=meeting, person=person).first()
    if attendance is None:
        attendance = Attendance(meeting=meeting, person=person)
    attendance.status, attendance.reason = status, reason
    _clean_save(attendance, user)
    _mark_held(meeting, user)
    return attendance


@transaction.atomic
def attendance_mark_everyone_present(
    *, user: Any, meeting: Meeting, cell: Unit | None = None
) -> int:
    """Mark present every active member on the roll (of one cell of a committee-wide meeting,
    when given) who is not marked yet; returns how many."""
    _require_unit(user, meeting.unit)
    _require_unlocked(meeting)
    _check_attendance_allowed(meeting)
    if cell is not None and not cell.path.startswith(meeting.unit.path):
        raise ValidationError(_("This cell is not part of the meeting's unit."))
    # Serialise on the meeting, as one mark does: taken later (by the deferred foreign-key
    # check at commit), the lock met a single mark's in the other order — a deadlock.
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    marked = set(meeting.attendance.values_list("person_id", flat=True))
    # Members exempted from activity are not expected: they are marked one by one if present.
    active = roll_on(cell or meeting.unit, meeting.date, active=True)
    people = list(active.values_list("pk", flat=True))
    rows = [
        Attendance(meeting=meeting, person_id=pk, status=Attendance.Status.PRESENT)
        for pk in people
        if pk not in marked
    ]
    # One INSERT for the rows and one for their history: a save each (1,382 queries for the
    # demo committee's 683 members) took 0.3–0.6 s idle, 1.4–2.5 s on a busy machine.
    bulk.save_all(Attendance, rows, (), user=user)
    if rows:
        from reports.versions import records_changed  # bulk writes send no signals

        records_changed([meeting.date.year])
    _mark_held(meeting, user)
    return len(rows)


@transaction.atomic
def attendance_add_people(*, user: Any, meeting: Meeting, people: list[Person]) -> int:
    """Add several non-member staff to a conference at once, marked present (all or none)."""
    for person in people:
        attendance_mark(user=user, meeting=meeting, person=person, status=Attendance.Status.PRESENT)
    return len(people)


@transaction.atomic
def attendance_remove(*, user: Any, meeting: Meeting, person: Person) -> None:
    _require_unit(user, meeting.unit)
    _require_unlocked(meeting)
    attendance = Attendance.objects.filter(meeting=meeting, person=person).first()
    if attendance is not None:
        record_actor(attendance, user).delete()


@transaction.atomic
def guest_add(*, user: Any, meeting: Meeting, name: str, organisation: str = "") -> Guest:
    """A guest at a conference (briefing or study session)."""
    _require_unit(user, meeting.unit)
    if not meeting.is_conference:
        raise ValidationError(
            _("Guests can be added to briefing conferences and study sessions only.")
        )
    guest = Guest(meeting=meeting, name=name.strip(), organisation=organisation.strip())
    _clean_save(guest, user)
    return guest


@transaction.atomic
def guest_remove(*, user: Any, guest: Guest) -> None:
    _require_unit(user, guest.meeting.unit)
    record_actor(guest, user).delete()
