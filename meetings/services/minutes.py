"""Writes of minutes: drafts, corrections (new versions) and their approval."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from core import files
from core.services import actor, model_update, stamp
from organisation.models import Unit

from ..models import Meeting, Minutes
from ..quorum import meeting_quorum_problem, meeting_snapshot
from .common import _clean_save, _require_unit

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
    if meeting.focus_area is not None:
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
            created_by=actor(user),
            reason=reason.strip() if previous else "",
        )
        if previous is not None:
            copied = {name: getattr(previous, name) for name in MINUTES_PARTS}
            model_update(current, copied, save=False)
            current.file = previous.file
    model_update(current, parts, allowed=MINUTES_PARTS, save=False)
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
    minutes.snapshot = meeting_snapshot(meeting)
    stamp(minutes, user, "approved").save()
    return minutes
