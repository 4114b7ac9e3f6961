"""Writes for inspections: plans, items, conclusions, findings and remediation follow-up.

Every function is keyword-only, runs in one transaction, validates with `full_clean()` and
records who acted (django-simple-history). The workflow of an item and of a remediation task
is the two tables below; `advance` is the only place that changes a `state`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from core.policy import CHANGE, DELETE
from organisation.models import Person, Unit

from . import policies
from .models import (
    EvidenceFile,
    Finding,
    Inspection,
    InspectionPlan,
    Remediation,
    RemediationSubmission,
)

IS = Inspection.State
RS = Remediation.State

# action -> (states it may start from, state it leads to)
INSPECTION_FLOW: dict[str, tuple[frozenset[str], str]] = {
    "start": (frozenset({IS.PLANNED}), IS.IN_PROGRESS),
    "conclude": (frozenset({IS.IN_PROGRESS}), IS.CONCLUDED),
    "amend": (frozenset({IS.CONCLUDED}), IS.CONCLUDED),  # correct a conclusion already given
}
REMEDIATION_FLOW: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({RS.OPEN, RS.RETURNED}), RS.SUBMITTED),
    "verify": (frozenset({RS.SUBMITTED}), RS.VERIFIED),
    "return": (frozenset({RS.SUBMITTED}), RS.RETURNED),
}


def _action_labels() -> dict[str, str]:
    return {
        "start": _("start"),
        "conclude": _("conclude"),
        "amend": _("amend the conclusion of"),
        "submit": _("report on"),
        "verify": _("verify"),
        "return": _("send back"),
    }


def advance(obj: Inspection | Remediation, action: str) -> str:
    """Move `obj` along its workflow, or refuse with a message naming its current state."""
    flow = INSPECTION_FLOW if isinstance(obj, Inspection) else REMEDIATION_FLOW
    sources, target = flow[action]
    if obj.state not in sources:
        raise ValidationError(
            _("You cannot %(action)s “%(object)s” while it is “%(state)s”.")
            % {
                "action": _action_labels()[action],
                "object": obj.code if isinstance(obj, Inspection) else obj.content[:60],
                "state": obj.get_state_display(),
            },
            code="illegal_transition",
        )
    obj.state = target
    return target


def allowed_actions(obj: Inspection | Remediation) -> set[str]:
    flow = INSPECTION_FLOW if isinstance(obj, Inspection) else REMEDIATION_FLOW
    return {action for action, (sources, _target) in flow.items() if obj.state in sources}


def _require(user: Any, policy: Any, action: str, obj: Model | None, message: str) -> None:
    if not policy.can(user, action, obj):
        raise PermissionDenied(message)


def _save(obj: Model, user: Any, exclude: Iterable[str] = ()) -> Model:
    obj.full_clean(exclude=list(exclude) or None)
    obj._history_user = user if getattr(user, "is_authenticated", False) else None
    obj.save()
    return obj


def _today() -> dt.date:
    return timezone.localdate()


# Plans -----------------------------------------------------------------------------------


def _check_plan_committee(user: Any, committee: Unit) -> None:
    if committee.kind != Unit.Kind.COMMITTEE:
        raise ValidationError({"committee": _("A plan belongs to a party committee.")})
    if not policies.committees_for(user).filter(pk=committee.pk).exists():
        raise PermissionDenied(_("Only the inspection commission or the office plan inspections."))


@transaction.atomic
def plan_create(
    *,
    user: Any,
    committee: Unit,
    year: int,
    number_symbol: str = "",
    issued_on: dt.date | None = None,
    title: str = "",
    document: Any = None,
    file: UploadedFile | None = None,
) -> InspectionPlan:
    """A new yearly plan of the committee (one a year)."""
    _check_plan_committee(user, committee)
    if InspectionPlan.objects.filter(committee=committee, year=year).exists():
        raise ValidationError(
            {"year": _("The committee already has a plan for %(year)s.") % {"year": year}}
        )
    plan = InspectionPlan(
        committee=committee,
        year=year,
        number_symbol=number_symbol,
        issued_on=issued_on,
        title=title,
        document=document,
    )
    if file:
        plan.file = file
    return _save(plan, user)


@transaction.atomic
def plan_update(*, user: Any, plan: InspectionPlan, **fields: Any) -> InspectionPlan:
    _require(user, policies.plans, CHANGE, plan, _("You may not change this plan."))
    year = fields.get("year", plan.year)
    if (
        year != plan.year
        and InspectionPlan.objects.filter(committee=plan.committee, year=year).exists()
    ):
        raise ValidationError(
            {"year": _("The committee already has a plan for %(year)s.") % {"year": year}}
        )
    for name in ("year", "number_symbol", "issued_on", "title", "document"):
        if name in fields:
            setattr(plan, name, fields[name])
    if fields.get("file"):
        plan.file = fields["file"]
    _save(plan, user)
    if "year" in fields:
        for item in plan.items.exclude(year=year):
            item.year = year
            _save(item, user)
    return plan


@transaction.atomic
def plan_delete(*, user: Any, plan: InspectionPlan) -> None:
    _require(user, policies.plans, DELETE, plan, _("You may not delete this plan."))
    if plan.items.exists():
        raise ValidationError(_("Delete the plan's items first: a plan with items is kept."))
    plan._history_user = user
    plan.delete()


# Items -----------------------------------------------------------------------------------


def check_subject(committee: Unit, unit: Unit | None, person: Person | None) -> None:
    """Exactly one subject, inside the committee: a cell, a sub-committee or a party member."""
    if bool(unit) == bool(person):
        raise ValidationError(
            {"subject_unit": _("Choose either a unit or a member as the subject, not both.")}
        )
    if unit is not None:
        if unit.kind == Unit.Kind.COMMITTEE or not unit.path.startswith(committee.path):
            raise ValidationError(
                {
                    "subject_unit": _(
                        "“%(subject)s” is not a cell or sub-committee of %(committee)s."
                    )
                    % {"subject": unit, "committee": committee}
                }
            )
    if person is not None:
        if not person.unit.path.startswith(committee.path):
            raise ValidationError(
                {
                    "subject_person": _("“%(subject)s” is not a member of %(committee)s.")
                    % {"subject": person, "committee": committee}
                }
            )
        if not person.party_joined_on:
            raise ValidationError(
                {"subject_person": _("“%(subject)s” is not a party member.") % {"subject": person}}
            )


def next_code(form: str, year: int) -> str:
    """KT-2020-03 / GS-2020-03: the first free number of that form and year."""
    prefix = f"{'KT' if form == Inspection.Form.INSPECTION else 'GS'}-{year}-"
    taken = set(Inspection.objects.filter(code__startswith=prefix).values_list("code", flat=True))
    number = 1
    while f"{prefix}{number:02d}" in taken:
        number += 1
    return f"{prefix}{number:02d}"


PLANNING_FIELDS = (
    "form",
    "regularity",
    "subject_unit",
    "subject_person",
    "content",
    "document",
    "study_topic",
    "team",
    "planned_from",
    "planned_to",
)


@transaction.atomic
def inspection_create(
    *,
    user: Any,
    plan: InspectionPlan,
    form: str,
    content: str,
    subject_unit: Unit | None = None,
    subject_person: Person | None = None,
    regularity: str = Inspection.Regularity.REGULAR,
    document: Any = None,
    study_topic: Any = None,
    team: str = "",
    planned_from: dt.date | None = None,
    planned_to: dt.date | None = None,
    code: str = "",
) -> Inspection:
    """Add an item to the year's plan, in state planned."""
    _require(user, policies.plans, CHANGE, plan, _("You may not change this plan."))
    check_subject(plan.committee, subject_unit, subject_person)
    inspection = Inspection(
        code=code or next_code(form, plan.year),
        form=form,
        year=plan.year,
        plan=plan,
        regularity=regularity,
        subject_unit=subject_unit,
        subject_person=subject_person,
        content=content,
        document=document,
        study_topic=study_topic,
        team=team,
        planned_from=planned_from,
        planned_to=planned_to,
    )
    return _save(inspection, user)


def _committee_of(inspection: Inspection) -> Unit:
    from organisation.selectors import committee_of

    if inspection.plan_id:
        return inspection.plan.committee
    unit = inspection.subject_unit or inspection.subject_person.unit
    return committee_of(unit)


@transaction.atomic
def inspection_update(*, user: Any, inspection: Inspection, **fields: Any) -> Inspection:
    """Change the planning fields, the dates and the team's report of an item."""
    _require(user, policies.inspections, CHANGE, inspection, _("You may not change this item."))
    subject_changed = "subject_unit" in fields or "subject_person" in fields
    for name in (*PLANNING_FIELDS, "started_on", "ended_on", "team_report"):
        if name in fields:
            setattr(inspection, name, fields[name])
    if fields.get("team_report_file"):
        inspection.team_report_file = fields["team_report_file"]
    if subject_changed:
        check_subject(_committee_of(inspection), inspection.subject_unit, inspection.subject_person)
    if inspection.state != IS.PLANNED and not inspection.started_on:
        raise ValidationError({"started_on": _("An item under way keeps its start date.")})
    return _save(inspection, user)


@transaction.atomic
def inspection_delete(*, user: Any, inspection: Inspection) -> None:
    _require(user, policies.inspections, DELETE, inspection, _("You may not delete this item."))
    if inspection.state != IS.PLANNED:
        raise ValidationError(_("Only an item not yet started can be deleted."))
    inspection._history_user = user
    inspection.delete()


@transaction.atomic
def inspection_start(*, user: Any, inspection: Inspection, started_on: dt.date) -> Inspection:
    """planned → in progress, from the date the team began."""
    _require(user, policies.inspections, CHANGE, inspection, _("You may not change this item."))
    advance(inspection, "start")
    inspection.started_on = started_on
    return _save(inspection, user)


@transaction.atomic
def inspection_conclude(
    *,
    user: Any,
    inspection: Inspection,
    concluded_on: dt.date,
    conclusion: str,
    conclusion_number: str = "",
    ended_on: dt.date | None = None,
    conclusion_file: UploadedFile | None = None,
) -> Inspection:
    """in progress → concluded (or correct a conclusion already given)."""
    _require(user, policies.inspections, CHANGE, inspection, _("You may not change this item."))
    advance(inspection, "amend" if inspection.state == IS.CONCLUDED else "conclude")
    inspection.concluded_on = concluded_on
    inspection.conclusion = conclusion
    inspection.conclusion_number = conclusion_number
    if ended_on is not None:
        inspection.ended_on = ended_on
    if conclusion_file:
        inspection.conclusion_file = conclusion_file
    if not conclusion.strip():
        raise ValidationError({"conclusion": _("Write the conclusion.")})
    late_tasks = inspection.remediations.filter(deadline__lt=concluded_on)
    if late_tasks.exists():
        raise ValidationError(
            {"concluded_on": _("Some remediation tasks of this item are due before that date.")}
        )
    return _save(inspection, user)


@transaction.atomic
def finding_add(*, user: Any, inspection: Inspection, kind: str, text: str) -> Finding:
    _require(user, policies.inspections, CHANGE, inspection, _("You may not change this item."))
    if inspection.state == IS.PLANNED:
        raise ValidationError(_("Record findings once the item has started."))
    return _save(Finding(inspection=inspection, kind=kind, text=text), user)


@transaction.atomic
def finding_delete(*, user: Any, finding: Finding) -> None:
    _require(
        user, policies.inspections, CHANGE, finding.inspection, _("You may not change this item.")
    )
    if finding.remediations.exists():
        raise ValidationError(_("This shortcoming has remediation tasks; delete them first."))
    finding._history_user = user
    finding.delete()


# Remediation -----------------------------------------------------------------------------


def _check_responsible(inspection: Inspection, unit: Unit | None, person: Person | None) -> None:
    committee = _committee_of(inspection)
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
    _require(user, policies.inspections, CHANGE, inspection, _("You may not change this item."))
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
        created_on=created_on or max(_today(), inspection.concluded_on),
    )
    return _save(task, user)


@transaction.atomic
def remediation_update(*, user: Any, remediation: Remediation, **fields: Any) -> Remediation:
    _require(user, policies.remediations, CHANGE, remediation, _("You may not change this task."))
    if remediation.state == RS.VERIFIED:
        raise ValidationError(_("A verified task is closed and cannot be changed."))
    for name in ("content", "deadline", "finding", "responsible_unit", "responsible_person"):
        if name in fields:
            setattr(remediation, name, fields[name])
    _check_responsible(
        remediation.inspection, remediation.responsible_unit, remediation.responsible_person
    )
    return _save(remediation, user)


@transaction.atomic
def remediation_delete(*, user: Any, remediation: Remediation) -> None:
    _require(user, policies.remediations, DELETE, remediation, _("You may not delete this task."))
    if remediation.state == RS.VERIFIED:
        raise ValidationError(_("A verified task is closed and cannot be deleted."))
    remediation._history_user = user
    remediation.delete()


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
    _require(
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
        submitted_on=submitted_on or _today(),
        submitted_by=user,
    )
    if submission.submitted_on < remediation.created_on:
        raise ValidationError({"submitted_on": _("The report cannot predate the task.")})
    _save(submission, user)
    for upload in files:
        _save(EvidenceFile(submission=submission, file=upload, name=upload.name[:255]), user)
    _save(remediation, user)
    return submission


def _pending_submission(remediation: Remediation) -> RemediationSubmission | None:
    return remediation.submissions.filter(outcome=RemediationSubmission.Outcome.PENDING).last()


def _require_inspector(user: Any, remediation: Remediation) -> None:
    _require(
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
    completed_on = completed_on or _today()
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
    if completed_on > _today():
        raise ValidationError({"completed_on": _("The completion date cannot be in the future.")})
    remediation.completed_on = completed_on
    remediation.verified_by = user
    submission = _pending_submission(remediation)
    if submission is not None:
        submission.outcome = RemediationSubmission.Outcome.VERIFIED
        submission.review_note = note
        submission.reviewed_by = user
        submission.reviewed_on = completed_on
        _save(submission, user)
    return _save(remediation, user)


@transaction.atomic
def remediation_return(*, user: Any, remediation: Remediation, note: str) -> Remediation:
    """submitted → returned: the inspector sends the report back with what is missing."""
    _require_inspector(user, remediation)
    if not note.strip():
        raise ValidationError({"note": _("Say why the report is sent back.")})
    advance(remediation, "return")
    submission = _pending_submission(remediation)
    if submission is not None:
        submission.outcome = RemediationSubmission.Outcome.RETURNED
        submission.review_note = note
        submission.reviewed_by = user
        submission.reviewed_on = _today()
        _save(submission, user)
    return _save(remediation, user)
