"""The inspections app's records on the audit trail (found by core's autodiscovery)."""

from core import audit
from inspections.models import (
    EvidenceFile,
    Finding,
    Inspection,
    InspectionPlan,
    Remediation,
    RemediationSubmission,
)

audit.register(InspectionPlan, unit="committee")
audit.register(Inspection, unit="subject_unit", person="subject_person")
audit.register(
    Finding,
    unit="inspection__subject_unit",
    person="inspection__subject_person",
    label=lambda row: f"{row.inspection.code}: {row.text[:60]}",
    select_related=("inspection",),
)
audit.register(Remediation, unit="responsible_unit", person="responsible_person")
audit.register(
    RemediationSubmission,
    unit="remediation__responsible_unit",
    person="remediation__responsible_person",
)
audit.register(
    EvidenceFile,
    unit="submission__remediation__responsible_unit",
    person="submission__remediation__responsible_person",
)
