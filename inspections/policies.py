"""Who sees and changes inspections.

The inspection commission and the committee office see and change every inspection of their
committee; a cell secretary sees the inspections whose subject is his cell (or a unit under
it) or one of its members, and records their remediation; nobody else sees them. The unit of
an inspection is its subject: `subject_unit`, or the unit of `subject_person`.
"""

from typing import Any

from django.db.models import Model, QuerySet

from core.policy import RECORD as RECORD  # re-exported: the actions these policies answer
from core.policy import VERIFY as VERIFY
from core.policy import (
    VIEW,
    UnitScopedPolicy,
    is_superuser,
    role_paths,
    subtree_q,
)
from core.roles import Role

from .models import EvidenceFile, Inspection, InspectionPlan, Remediation, RemediationSubmission

EDITORS = (Role.OFFICE, Role.INSPECTION)
READERS = (Role.OFFICE, Role.INSPECTION, Role.SECRETARY)


class _SubjectScopedPolicy(UnitScopedPolicy):
    """Scoped through the inspection's subject: a unit, or a person's unit."""

    prefix: str = ""  # the lookup from the model to the Inspection
    view_roles = READERS
    change_roles = EDITORS
    record_roles = READERS

    def queryset_for(
        self, user: Any, action: str = VIEW, queryset: QuerySet | None = None
    ) -> QuerySet:
        """The inspections first, then their rows: the ids of the inspections whose subject
        unit, or whose subject person's unit, is in the user's subtrees (a UNION of two
        index lookups), where "unit path LIKE … OR person's unit path LIKE …" across two
        LEFT JOINs scanned every inspection of the province (docs/performance.md)."""
        queryset = self.base_queryset() if queryset is None else queryset
        if is_superuser(user):
            return queryset
        return queryset.filter(
            **{
                f"{self.prefix}pk__in": visible_inspections(
                    role_paths(user, self.roles_for(action))
                )
            }
        )

    def with_subject(self, *related: str) -> QuerySet:
        """The rows with their inspection's subject (what `object_path` reads) and `related`
        joined in the same query."""
        return self.model._default_manager.select_related(
            f"{self.prefix}subject_unit", f"{self.prefix}subject_person__unit", *related
        )

    def roles_for(self, action: str) -> tuple[str, ...]:
        return {VIEW: self.view_roles, RECORD: self.record_roles}.get(action, self.change_roles)

    def inspection_of(self, obj: Model) -> Inspection:
        value: Any = obj
        for part in self.prefix.split("__"):
            if part:
                value = getattr(value, part)
        return value

    def object_path(self, obj: Model) -> str | None:
        inspection = self.inspection_of(obj)
        if inspection.subject_unit is not None:
            return inspection.subject_unit.path
        if inspection.subject_person is not None:
            return inspection.subject_person.unit.path
        return None


def visible_inspections(paths: list[str]) -> QuerySet:
    """The ids of the inspections whose subject lies under any of `paths`."""
    from organisation.models import Person, Unit

    units = Unit.objects.filter(subtree_q(paths, "path")).values("pk")
    people = Person.objects.filter(subtree_q(paths, "unit__path")).values("pk")
    by_unit = Inspection.objects.filter(subject_unit__in=units).order_by().values("pk")
    # "not null" lets PostgreSQL start from the (few) inspections of a person rather than hash
    # every person of a province-wide scope (1.5 s at 500k people).
    by_person = (
        Inspection.objects.filter(subject_person__isnull=False, subject_person__in=people)
        .order_by()
        .values("pk")
    )
    return by_unit.union(by_person, all=True)


class InspectionPolicy(_SubjectScopedPolicy):
    model = Inspection
    prefix = ""

    def base_queryset(self) -> QuerySet:
        return self.with_subject("plan", "document", "study_topic")


class RemediationPolicy(_SubjectScopedPolicy):
    model = Remediation
    prefix = "inspection__"

    def base_queryset(self) -> QuerySet:
        return self.with_subject(
            "inspection__plan", "responsible_unit", "responsible_person", "finding"
        )


class EvidenceFilePolicy(_SubjectScopedPolicy):
    model = EvidenceFile
    prefix = "submission__remediation__inspection__"

    def base_queryset(self) -> QuerySet:
        return self.with_subject()


class SubmissionPolicy(_SubjectScopedPolicy):
    model = RemediationSubmission
    prefix = "remediation__inspection__"


class PlanPolicy(UnitScopedPolicy):
    """Plans cover the whole committee: only the commission and the office open them."""

    model = InspectionPlan
    unit_path = "committee__path"
    view_roles = EDITORS
    change_roles = EDITORS

    def base_queryset(self) -> QuerySet:
        return InspectionPlan.objects.select_related("committee", "document")


inspections = InspectionPolicy()
remediations = RemediationPolicy()
evidence_files = EvidenceFilePolicy()
submissions = SubmissionPolicy()
plans = PlanPolicy()


def committees_for(user: Any) -> QuerySet:
    """The committees whose inspections the user edits (commission or office on them)."""
    from organisation.models import Unit

    if is_superuser(user):
        return Unit.objects.filter(kind=Unit.Kind.COMMITTEE)
    paths = role_paths(user, EDITORS)
    return Unit.objects.filter(subtree_q(paths, "path"), kind=Unit.Kind.COMMITTEE)
