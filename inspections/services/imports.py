"""The workbook's writes of inspections and their remediation tasks, in bulk (the sheets
"Kiểm tra" and "Khắc phục" check the rows first): an imported conclusion date concludes an
item, clearing it reopens it; a completion date verifies a task."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core import bulk
from core.services import actor
from organisation.models import Person, Unit

from ..models import Inspection, InspectionPlan, Remediation


def inspections_import(*, rows: Sequence[tuple[Any, str, dict[str, Any]]], user: Any) -> None:
    """(the stored inspection or None, its code, its values; "subject" a unit's or a
    person's code); a new item joins its committee's plan of the year, if there is one."""
    if not rows:
        return
    codes = {values["subject"] for _item, _code, values in rows}
    units = {unit.code: unit for unit in Unit.objects.filter(code__in=codes)}
    people = {
        person.code: person
        for person in Person.objects.filter(code__in=codes).select_related("unit")
    }
    plans = list(InspectionPlan.objects.select_related("committee"))
    created: list[Any] = []
    updated: list[Any] = []
    for item, code, values in rows:
        if item is None:
            item = Inspection(code=code)
            created.append(item)
        else:
            updated.append(item)
        subject = values["subject"]
        item.subject_unit = units.get(subject)
        item.subject_person = None if item.subject_unit else people[subject]
        for name in ("form", "year", "content", "concluded_on", "conclusion"):
            setattr(item, name, values[name])
        item.state = _state_for(item)
        if item.plan_id is None:
            item.plan = _plan_for(plans, item)
        item.fill_keys()
    fields: tuple[str, ...] = (
        "form",
        "year",
        "subject_unit",
        "subject_person",
        "content",
        "concluded_on",
    )
    fields += ("conclusion", "state", "plan", "search_key")
    bulk.save_all(Inspection, created + updated, fields, user=user)


def remediations_import(
    *, rows: Sequence[tuple[Any, str, str, Any, dict[str, Any]]], user: Any
) -> None:
    """(the stored task or None, the inspection's code, content, date set, values with
    deadline and completed_on)."""
    if not rows:
        return
    inspections = {
        item.code: item for item in Inspection.objects.filter(code__in={entry[1] for entry in rows})
    }
    user = actor(user)
    created: list[Any] = []
    updated: list[Any] = []
    for task, code, content, created_on, values in rows:
        if task is None:
            inspection = inspections[code]
            task = Remediation(
                inspection=inspection,
                content=content,
                created_on=created_on,
                responsible_unit=inspection.subject_unit,
                responsible_person=inspection.subject_person,
            )
            created.append(task)
        else:
            updated.append(task)
        task.deadline = values["deadline"]
        task.completed_on = values["completed_on"]
        if task.completed_on:
            task.state = Remediation.State.VERIFIED
            task.verified_by = task.verified_by or user
        elif task.state == Remediation.State.VERIFIED:
            task.state = Remediation.State.OPEN
            task.verified_by = None
        task.fill_keys(inspections.get(code) or task.inspection)
    fields = ("deadline", "completed_on", "state", "verified_by", "search_key")
    bulk.save_all(Remediation, created + updated, fields, user=user)


def _state_for(item: Inspection) -> str:
    """An imported conclusion date concludes the item; clearing it reopens the item."""
    if item.concluded_on:
        return Inspection.State.CONCLUDED
    if item.state == Inspection.State.CONCLUDED:
        return Inspection.State.IN_PROGRESS if item.started_on else Inspection.State.PLANNED
    return item.state


def _plan_for(plans: list[InspectionPlan], item: Inspection) -> InspectionPlan | None:
    subject = item.subject_unit or item.subject_person.unit  # type: ignore[union-attr]
    path = subject.path
    for plan in plans:
        if plan.year == item.year and path.startswith(plan.committee.path):
            return plan
    return None
