"""Every write of the meetings app: meetings, attendance, guests, minutes and settings.

Each function is one transaction, validates with `full_clean()`, refuses a user who may not
change the unit (a secretary never records for another cell), and records who did it in the
audit trail. The importer and the demo act as `core.actors.SYSTEM`; `user=None` is an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core import files
from core.actors import acting, recorded
from core.policy import CHANGE, policy_for
from organisation.models import Person, Unit
from organisation.selectors import committee_of, roll_on

from . import policies, reference
from .models import Attendance, FocusArea, Guest, Meeting, MeetingRules, Minutes, TopicDeadline
from .quorum import locked_minutes, meeting_quorum_problem, meeting_snapshot
from .selectors import rules_in_force

MEETING_FIELDS = (
    "kind",
    "unit",
    "date",
    "held",
    "content",
    "combined",
    "start_time",
    "end_time",
    "place",
    "chair",
    "secretary",
    "agenda",
    "materials",
    "focus_area",
)


def _who(instance: Any, user: Any) -> None:
    if recorded(user) is not None:
        instance._history_user = user


def _clean_save(instance: Any, user: Any, validate: Callable[[Any], None] | None = None) -> None:
    """full_clean(), then any further rule check, then save recording who acted."""
    instance.full_clean()
    if validate is not None:
        validate(instance)
    _who(instance, user)
    instance.save()


def _require_unit(user: Any, unit: Unit) -> None:
    if not policies.meetings.can_record_in(acting(user), unit):
        raise PermissionDenied(_("You may not record meetings for this unit."))


def _require_unlocked(meeting: Meeting) -> None:
    """Approved minutes lock the meeting: its date, kind, held, attendance and text change only
    through a correction (a new version of the minutes, with its reason, approved again)."""
    locked = locked_minutes(meeting)
    if locked is not None:
        raise ValidationError(
            _(
                "The minutes (version %(version)s) are approved: the meeting is locked. "
                "Start a correction of the minutes, with its reason, to change it."
            )
            % {"version": locked.version}
        )


def meeting_code_for(*, unit: Unit, kind: str, date: dt.date) -> str:
    """A readable unique code: unit, date, kind, and a counter when needed."""
    base = f"{unit.code}-{date:%Y%m%d}-{reference.KIND_LETTERS[kind]}"
    code, counter = base, 1
    while Meeting.objects.filter(code=code).exists():
        counter += 1
        code = f"{base}-{counter}"
    return code


def meeting_validate(meeting: Meeting) -> None:
    """The rules a meeting must keep; raises ValidationError with a message per field."""
    errors: dict[str, list[str]] = {}
    today = timezone.localdate()
    if meeting.held and meeting.date and meeting.date > today:
        errors.setdefault("held", []).append(
            _("A meeting dated in the future cannot be marked as held.")
        )
    if meeting.start_time and meeting.end_time and meeting.end_time <= meeting.start_time:
        errors.setdefault("end_time", []).append(_("The end time must be after the start time."))
    elif meeting.held and meeting.duration_minutes is not None and meeting.unit_id:
        rule = rules_in_force(committee_of(meeting.unit), meeting.date)
        combined = meeting.combined and meeting.kind in (
            Meeting.Kind.REGULAR,
            Meeting.Kind.THEMATIC,
        )
        minimum = rule.min_minutes_combined if combined else rule.min_minutes
        if combined and minimum is None:
            minimum = rule.min_minutes
        if minimum and meeting.duration_minutes < minimum:
            errors.setdefault("end_time", []).append(
                _(
                    "The meeting lasted %(length)s minutes; the rules in force (%(source)s) "
                    "require at least %(minimum)s minutes."
                )
                % {
                    "length": meeting.duration_minutes,
                    "source": rule.source or rule.effective_from.strftime("%d/%m/%Y"),
                    "minimum": minimum,
                }
            )
    if meeting.combined and meeting.kind not in (Meeting.Kind.REGULAR, Meeting.Kind.THEMATIC):
        errors.setdefault("combined", []).append(
            _("Only a regular or a thematic meeting can be held together with the other.")
        )
    if meeting.unit_id and meeting.focus_area_id:
        committee = committee_of(meeting.unit)
        if meeting.focus_area.committee_id != committee.pk:
            errors.setdefault("focus_area", []).append(
                _("This code of conduct belongs to another committee.")
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def meeting_create(
    *,
    user: Any,
    unit: Unit,
    kind: str,
    date: dt.date,
    held: bool = False,
    code: str = "",
    topics: Iterable[Any] = (),
    **fields: Any,
) -> Meeting:
    """Record a meeting (planned or held) of `unit`."""
    _require_unit(user, unit)
    meeting = Meeting(unit=unit, kind=kind, date=date, held=held, **fields)
    meeting.code = code or meeting_code_for(unit=unit, kind=kind, date=date)
    _clean_save(meeting, user, meeting_validate)
    meeting.topics.set(list(topics))
    return meeting


@transaction.atomic
def meeting_update(
    *, user: Any, meeting: Meeting, topics: Iterable[Any] | None = None, **fields: Any
) -> Meeting:
    """Change a meeting; moving it to another unit needs the right on both units."""
    _require_unit(user, meeting.unit)
    _require_unlocked(meeting)
    for name, value in fields.items():
        if name not in (*MEETING_FIELDS, "code"):
            raise TypeError(name)
        setattr(meeting, name, value)
    _require_unit(user, meeting.unit)
    _clean_save(meeting, user, meeting_validate)
    if topics is not None:
        meeting.topics.set(list(topics))
    return meeting


@transaction.atomic
def meeting_delete(*, user: Any, meeting: Meeting) -> None:
    _require_unit(user, meeting.unit)
    if meeting.minutes.filter(status=Minutes.Status.APPROVED).exists():
        raise ValidationError(_("A meeting with approved minutes cannot be deleted."))
    _who(meeting, user)
    meeting.delete()


# Attendance


def _allowed_people(meeting: Meeting):
    from .selectors import people_to_mark

    return people_to_mark(meeting)


def _check_attendance_allowed(meeting: Meeting) -> None:
    if meeting.date > timezone.localdate():
        raise ValidationError(_("Attendance cannot be taken for a meeting in the future."))


def _mark_held(meeting: Meeting, user: Any) -> None:
    if not meeting.held:
        meeting.held = True
        _who(meeting, user)
        meeting.save(update_fields=["held"])


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
    marked = set(meeting.attendance.values_list("person_id", flat=True))
    # Members exempted from activity are not expected: they are marked one by one if present.
    active = roll_on(cell or meeting.unit, meeting.date, active=True)
    people = list(active.values_list("pk", flat=True))
    rows = [
        Attendance(meeting=meeting, person_id=pk, status=Attendance.Status.PRESENT)
        for pk in people
        if pk not in marked
    ]
    for row in rows:
        _who(row, user)
        row.save()
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
        _who(attendance, user)
        attendance.delete()


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
    _who(guest, user)
    guest.delete()


# Minutes

MINUTES_PARTS = ("number", "proceedings", "discussion", "conclusion", "closing")


def minutes_template(meeting: Meeting) -> dict[str, str]:
    """The standard parts of a cell meeting's minutes, pre-filled from the meeting."""
    topics = list(meeting.topics.all())
    lines = [
        _("The chair opened the meeting and stated its purpose and agenda."),
    ]
    for topic in topics:
        lines.append(_("Study topic: %(title)s.") % {"title": topic.title})
    for item in meeting.agenda_items():
        lines.append(f"- {item}")
    if meeting.content:
        lines.append(meeting.content)
    if meeting.focus_area_id:
        lines.append(
            _("Linked to the code of conduct: %(name)s.") % {"name": meeting.focus_area.name}
        )
    closing = _("The meeting closed at %(time)s on the same day.") % {
        "time": meeting.end_time.strftime("%H:%M") if meeting.end_time else "…"
    }
    return {
        "number": "",
        "proceedings": "\n".join(lines),
        "discussion": "",
        "conclusion": "",
        "closing": closing,
    }


def minutes_current(meeting: Meeting) -> Minutes | None:
    return meeting.minutes.order_by("-version").first()


@transaction.atomic
def minutes_save(
    *,
    user: Any,
    meeting: Meeting,
    file: UploadedFile | None = None,
    reason: str = "",
    **parts: str,
) -> Minutes:
    """Write the minutes. A draft is changed in place; approved minutes are locked, so a
    change is a correction: the next version, with its reason, to be approved again, while
    the approved one stays as it was."""
    _require_unit(user, meeting.unit)
    unknown = set(parts) - set(MINUTES_PARTS)
    if unknown:
        raise TypeError(", ".join(sorted(unknown)))
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    current = minutes_current(meeting)
    if current is None or current.is_locked:
        previous = current
        if previous is not None and not reason.strip():
            raise ValidationError(
                {
                    "reason": _(
                        "Version %(version)s is approved: say why it is corrected; the "
                        "correction is a new version, approved again."
                    )
                    % {"version": previous.version}
                }
            )
        current = Minutes(
            meeting=meeting,
            version=(previous.version + 1) if previous else 1,
            created_by=user if getattr(user, "pk", None) else None,
            reason=reason.strip() if previous else "",
        )
        if previous is not None:
            for name in MINUTES_PARTS:
                setattr(current, name, getattr(previous, name))
            current.file = previous.file
    for name, value in parts.items():
        setattr(current, name, value)
    if file is not None:
        current.file = files.accept_field("file", file, files.PAPERS, stem="bien-ban")
    _clean_save(current, user)
    return current


@transaction.atomic
def minutes_approve(*, user: Any, minutes: Minutes) -> Minutes:
    """Approve a draft: it is locked, and so is the meeting (date, kind, held, attendance,
    text), kept as approved in the version. A cell's meeting needs its quorum."""
    _require_unit(user, minutes.meeting.unit)
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    meeting = minutes.meeting
    if minutes.is_locked:
        raise ValidationError(_("These minutes are already approved."))
    latest = meeting.minutes.aggregate(latest=Max("version"))["latest"]
    if minutes.version != latest:
        raise ValidationError(_("Only the latest version of the minutes can be approved."))
    if not (minutes.proceedings.strip() or minutes.file):
        raise ValidationError(_("Write the minutes or upload a file before approving them."))
    if not meeting.held:
        raise ValidationError(_("Minutes can be approved only for a meeting that was held."))
    if meeting.unit.kind == Unit.Kind.CELL and not meeting.is_conference:
        problem = meeting_quorum_problem(meeting)
        if problem:
            raise ValidationError(
                _("The minutes cannot be approved: %(problem)s") % {"problem": problem}
            )
    minutes.status = Minutes.Status.APPROVED
    minutes.approved_at = timezone.now()
    minutes.approved_by = user if getattr(user, "pk", None) else None
    minutes.snapshot = meeting_snapshot(meeting)
    _who(minutes, user)
    minutes.save()
    return minutes


# Settings of the committee


def _require_change(user: Any, setting: MeetingRules | FocusArea | TopicDeadline) -> None:
    """The office of the setting's committee; any office for the default rules."""
    policy_for(setting).check(acting(user), CHANGE, setting)


@transaction.atomic
def meeting_rules_save(
    *, user: Any, rules: MeetingRules | None = None, **fields: Any
) -> MeetingRules:
    """Create or change a set of meeting rules (in force from its date)."""
    rules = rules or MeetingRules()
    _require_change(user, rules)
    for name, value in fields.items():
        setattr(rules, name, value)
    _require_change(user, rules)
    rules.full_clean(validate_constraints=False)
    duplicate = MeetingRules.objects.filter(
        committee=rules.committee, effective_from=rules.effective_from
    ).exclude(pk=rules.pk)
    if duplicate.exists():
        raise ValidationError(
            {"effective_from": _("Another set of rules is already in force from this date.")}
        )
    _who(rules, user)
    rules.save()
    return rules


@transaction.atomic
def meeting_rules_ensure_defaults() -> int:
    """Load the default rules (reference.DEFAULT_RULES) where they are missing."""
    created = 0
    for row in reference.DEFAULT_RULES:
        _, was_created = MeetingRules.objects.get_or_create(
            committee=None, effective_from=row["effective_from"], defaults=row
        )
        created += was_created
    return created


def _committee_setting_save(item: Any, user: Any, fields: dict[str, Any]) -> Any:
    """Write `fields` onto a committee's setting, check it, and save it for the office."""
    for name, value in fields.items():
        setattr(item, name, value)
    item.full_clean()
    _require_change(user, item)
    _who(item, user)
    item.save()
    return item


@transaction.atomic
def focus_area_save(*, user: Any, focus_area: FocusArea | None = None, **fields: Any) -> FocusArea:
    return _committee_setting_save(focus_area or FocusArea(), user, fields)


@transaction.atomic
def topic_deadline_save(
    *, user: Any, topic_deadline: TopicDeadline | None = None, **fields: Any
) -> TopicDeadline:
    """Set the date by which every cell of the committee must have studied a topic."""
    return _committee_setting_save(topic_deadline or TopicDeadline(), user, fields)


@transaction.atomic
def topic_deadline_delete(*, user: Any, topic_deadline: TopicDeadline) -> None:
    _require_change(user, topic_deadline)
    _who(topic_deadline, user)
    topic_deadline.delete()
