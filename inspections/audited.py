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
    Finding, via="inspection", label=lambda row: f"{row.inspection.code}: {row.text[:60]}"
)
audit.register(Remediation, unit="responsible_unit", person="responsible_person")
audit.register(RemediationSubmission, via="remediation")
audit.register(EvidenceFile, via="submission")
