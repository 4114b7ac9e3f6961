"""Thin views: parse the request, call one selector or service, render.

Split by subject (items, plans, remediation); urls.py keeps importing `inspections.views`.
"""

from .items import (
    conclusion_print,
    finding_create,
    finding_delete,
    inspection_carry_out,
    inspection_conclude,
    inspection_create,
    inspection_delete,
    inspection_detail,
    inspection_file,
    inspection_list,
    inspection_start,
    inspection_update,
)
from .plans import (
    plan_create,
    plan_delete,
    plan_detail,
    plan_file,
    plan_list,
    plan_print,
    plan_update,
    progress,
)
from .remediation import (
    evidence_download,
    remediation_create,
    remediation_delete,
    remediation_detail,
    remediation_list,
    remediation_return,
    remediation_submit,
    remediation_update,
    remediation_verify,
)

__all__ = [
    "conclusion_print",
    "evidence_download",
    "finding_create",
    "finding_delete",
    "inspection_carry_out",
    "inspection_conclude",
    "inspection_create",
    "inspection_delete",
    "inspection_detail",
    "inspection_file",
    "inspection_list",
    "inspection_start",
    "inspection_update",
    "plan_create",
    "plan_delete",
    "plan_detail",
    "plan_file",
    "plan_list",
    "plan_print",
    "plan_update",
    "progress",
    "remediation_create",
    "remediation_delete",
    "remediation_detail",
    "remediation_list",
    "remediation_return",
    "remediation_submit",
    "remediation_update",
    "remediation_verify",
]
