"""Writes for the items of a plan (inspections and supervisions), their conclusions and findings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from core import files
from core.policy import CHANGE, DELETE
from core.services import model_update, record_actor, save_as
from organisation.models import Person, Unit

from .. import policies
from ..models import Finding, Inspection, InspectionPlan
from .workflow import IS, advance, committee_of_inspection, require


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
    require(user, policies.plans, CHANGE, plan, _("You may not change this plan."))
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
    return save_as(inspection, user)


@transaction.atomic
def inspection_update(*, user: Any, inspection: Inspection, **fields: Any) -> Inspection:
    """Change the planning fields, the dates and the team's report of an item."""
    require(user, policies.inspections, CHANGE, inspection, _("You may not change this item."))
    subject_changed = "subject_unit" in fields or "subject_person" in fields
    names = (*PLANNING_FIELDS, "started_on", "ended_on", "team_report")
    model_update(inspection, {name: fields[name] for name in names if name in fields}, save=False)
    if fields.get("team_report_file"):
        inspection.team_report_file = files.accept_field(
            "team_report_file", fields["team_report_file"], files.OFFICE, stem="bao-cao"
        )
    if subject_changed:
        check_subject(
            committee_of_inspection(inspection), inspection.subject_unit, inspection.subject_person
        )
    if inspection.state != IS.PLANNED and not inspection.started_on:
        raise ValidationError({"started_on": _("An item under way keeps its start date.")})
    return save_as(inspection, user)


@transaction.atomic
def inspection_delete(*, user: Any, inspection: Inspection) -> None:
    require(user, policies.inspections, DELETE, inspection, _("You may not delete this item."))
    if inspection.state != IS.PLANNED:
        raise ValidationError(_("Only an item not yet started can be deleted."))
    record_actor(inspection, user).delete()


@transaction.atomic
def inspection_start(*, user: Any, inspection: Inspection, started_on: dt.date) -> Inspection:
    """planned → in progress, from the date the team began."""
    require(user, policies.inspections, CHANGE, inspection, _("You may not change this item."))
    advance(inspection, "start")
    inspection.started_on = started_on
    return save_as(inspection, user)


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
    require(user, policies.inspections, CHANGE, inspection, _("You may not change this item."))
    advance(inspection, "amend" if inspection.state == IS.CONCLUDED else "conclude")
    inspection.concluded_on = concluded_on
    inspection.conclusion = conclusion
    inspection.conclusion_number = conclusion_number
    if ended_on is not None:
        inspection.ended_on = ended_on
    if conclusion_file:
        inspection.conclusion_file = files.accept_field(
            "conclusion_file", conclusion_file, files.OFFICE, stem="ket-luan"
        )
    if not conclusion.strip():
        raise ValidationError({"conclusion": _("Write the conclusion.")})
    late_tasks = inspection.remediations.filter(deadline__lt=concluded_on)
    if late_tasks.exists():
        raise ValidationError(
            {"concluded_on": _("Some remediation tasks of this item are due before that date.")}
        )
    return save_as(inspection, user)


@transaction.atomic
def finding_add(*, user: Any, inspection: Inspection, kind: str, text: str) -> Finding:
    require(user, policies.inspections, CHANGE, inspection, _("You may not change this item."))
    if inspection.state == IS.PLANNED:
        raise ValidationError(_("Record findings once the item has started."))
    return save_as(Finding(inspection=inspection, kind=kind, text=text), user)


@transaction.atomic
def finding_delete(*, user: Any, finding: Finding) -> None:
    require(
        user, policies.inspections, CHANGE, finding.inspection, _("You may not change this item.")
    )
    if finding.remediations.exists():
        raise ValidationError(_("This shortcoming has remediation tasks; delete them first."))
    record_actor(finding, user).delete()
