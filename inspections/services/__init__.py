"""Writes for inspections: plans, items, conclusions, findings and remediation follow-up.

Every function is keyword-only, runs in one transaction, validates with `full_clean()` and
records who acted (django-simple-history). The workflow of an item and of a remediation task
is the two tables in `workflow`; `advance` is the only place that changes a `state`.

Split by subject (plans, items, tasks); callers keep importing `inspections.services`.
"""

from .items import (
    PLANNING_FIELDS,
    check_subject,
    finding_add,
    finding_delete,
    inspection_conclude,
    inspection_create,
    inspection_delete,
    inspection_start,
    inspection_update,
    next_code,
)
from .plans import plan_create, plan_delete, plan_update
from .tasks import (
    remediation_create,
    remediation_delete,
    remediation_return,
    remediation_submit,
    remediation_update,
    remediation_verify,
)
from .workflow import (
    INSPECTION_FLOW,
    IS,
    REMEDIATION_FLOW,
    RS,
    advance,
    allowed_actions,
    committee_of_inspection,
)

__all__ = [
    "INSPECTION_FLOW",
    "IS",
    "PLANNING_FIELDS",
    "REMEDIATION_FLOW",
    "RS",
    "advance",
    "allowed_actions",
    "check_subject",
    "committee_of_inspection",
    "finding_add",
    "finding_delete",
    "inspection_conclude",
    "inspection_create",
    "inspection_delete",
    "inspection_start",
    "inspection_update",
    "next_code",
    "plan_create",
    "plan_delete",
    "plan_update",
    "remediation_create",
    "remediation_delete",
    "remediation_return",
    "remediation_submit",
    "remediation_update",
    "remediation_verify",
]
