"""Writes for remediation tasks: set after a conclusion, reported on by the subject, and
verified (closed) or sent back by the inspectors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from core.files import OFFICE, accept_field
from core.policy import CHANGE, DELETE
from core.services import actor, model_update, record_actor, save_as, stamp
from organisation.models import Person, Unit

from .. import policies
from ..models import EvidenceFile, Finding, Inspection, Remediation, RemediationSubmission
from .workflow import IS, RS, advance, committee_of_inspection, require, today


def _check_responsible(inspection: Inspection, unit: Unit | None, person: Person | None) -> None:
    committee = committee_of_inspection(inspection)
    if unit is not None and not unit.path.startswith(committee.path):
        raise ValidationError(
            {
                "responsible_unit": _("This unit is outside %(committee)s.")
                % {"committee": committee}
            }
        )
    if person is not None and not person.unit.path.startswith(committee.path):
        raise ValidationError(
            {
                "responsible_person": _("This person is outside %(committee)s.")
                % {"committee": committee}
            }
        )


@transaction.atomic
def remediation_create(
    *,
    user: Any,
    inspection: Inspection,
    content: str,
    deadline: dt.date,
    finding: Finding | None = None,
    responsible_unit: Unit | None = None,
    responsible_person: Person | None = None,
    created_on: dt.date | None = None,
) -> Remediation:
    """A remediation task for a shortcoming of a concluded item."""
    require(user, policies.inspections, CHANGE, inspection, _("You may not change this item."))
    if inspection.state != IS.CONCLUDED:
        raise ValidationError(
            _("Remediation tasks follow the conclusion: conclude the item first.")
        )
    if finding is not None and (
        finding.inspection_id != inspection.pk or finding.kind != Finding.Kind.SHORTCOMING
    ):
        raise ValidationError({"finding": _("Choose a shortcoming found by this item.")})
    _check_responsible(inspection, responsible_unit, responsible_person)
    if responsible_unit is None and responsible_person is None:
        responsible_unit = inspection.subject_unit
        responsible_person = inspection.subject_person
    task = Remediation(
        inspection=inspection,
        content=content,
        deadline=deadline,
        finding=finding,
        responsible_unit=responsible_unit,
        responsible_person=responsible_person,
        created_on=created_on or max(today(), inspection.concluded_on or today()),
    )
    return save_as(task, user)


@transaction.atomic
def remediation_update(*, user: Any, remediation: Remediation, **fields: Any) -> Remediation:
    require(user, policies.remediations, CHANGE, remediation, _("You may not change this task."))
    if remediation.state == RS.VERIFIED:
        raise ValidationError(_("A verified task is closed and cannot be changed."))
    names = ("content", "deadline", "finding", "responsible_unit", "responsible_person")
    model_update(remediation, {name: fields[name] for name in names if name in fields}, save=False)
    _check_responsible(
        remediation.inspection, remediation.responsible_unit, remediation.responsible_person
    )
    return save_as(remediation, user)


@transaction.atomic
def remediation_delete(*, user: Any, remediation: Remediation) -> None:
    require(user, policies.remediations, DELETE, remediation, _("You may not delete this task."))
    if remediation.state == RS.VERIFIED:
        raise ValidationError(_("A verified task is closed and cannot be deleted."))
    record_actor(remediation, user).delete()


@transaction.atomic
def remediation_submit(
    *,
    user: Any,
    remediation: Remediation,
    text: str,
    files: Iterable[UploadedFile] = (),
    submitted_on: dt.date | None = None,
) -> RemediationSubmission:
    """The subject reports what it did (open or returned → submitted), with evidence files."""
    require(
        user,
        policies.remediations,
        policies.RECORD,
        remediation,
        _("Only the subject's secretary or the inspectors record this task's remediation."),
    )
    if not text.strip():
        raise ValidationError({"text": _("Describe what was done.")})
    advance(remediation, "submit")
    submission = RemediationSubmission(
        remediation=remediation,
        text=text,
        submitted_on=submitted_on or today(),
        submitted_by=actor(user),
    )
    if submission.submitted_on < remediation.created_on:
        raise ValidationError({"submitted_on": _("The report cannot predate the task.")})
    save_as(submission, user)
    for upload in files:
        stored = accept_field("files", upload, OFFICE, stem="minh-chung")
        save_as(
            EvidenceFile(submission=submission, file=stored, name=(upload.name or "")[:255]), user
        )
    save_as(remediation, user)
    return submission


def _review_pending(
    remediation: Remediation, user: Any, outcome: str, note: str, reviewed_on: dt.date
) -> None:
    """Record the inspector's answer on the report waiting for review (if there is one)."""
    submission = remediation.submissions.filter(
        outcome=RemediationSubmission.Outcome.PENDING
    ).last()
    if submission is not None:
        submission.outcome = outcome
        submission.review_note = note
        stamp(submission, user, "reviewed")
        submission.reviewed_on = reviewed_on
        save_as(submission, user)


def _require_inspector(user: Any, remediation: Remediation) -> None:
    require(
        user,
        policies.remediations,
        policies.VERIFY,
        remediation,
        _(
            "Only the inspection commission (or the committee office) verifies and closes a "
            "remediation task; the subject cannot close its own task."
        ),
    )


@transaction.atomic
def remediation_verify(
    *,
    user: Any,
    remediation: Remediation,
    completed_on: dt.date | None = None,
    note: str = "",
) -> Remediation:
    """submitted → verified: the inspector closes the task; `completed_on` is that date."""
    _require_inspector(user, remediation)
    advance(remediation, "verify")
    completed_on = completed_on or today()
    if completed_on < remediation.created_on:
        raise ValidationError(
            {
                "completed_on": _(
                    "The completion date %(date)s is before the task was set (%(created)s)."
                )
                % {
                    "date": completed_on.strftime("%d/%m/%Y"),
                    "created": remediation.created_on.strftime("%d/%m/%Y"),
                }
            }
        )
    if completed_on > today():
        raise ValidationError({"completed_on": _("The completion date cannot be in the future.")})
    remediation.completed_on = completed_on
    stamp(remediation, user, "verified")
    _review_pending(remediation, user, RemediationSubmission.Outcome.VERIFIED, note, completed_on)
    return save_as(remediation, user)


@transaction.atomic
def remediation_return(*, user: Any, remediation: Remediation, note: str) -> Remediation:
    """submitted → returned: the inspector sends the report back with what is missing."""
    _require_inspector(user, remediation)
    if not note.strip():
        raise ValidationError({"note": _("Say why the report is sent back.")})
    advance(remediation, "return")
    _review_pending(remediation, user, RemediationSubmission.Outcome.RETURNED, note, today())
    return save_as(remediation, user)
