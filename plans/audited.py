"""The plans app's records on the audit trail (found by core's autodiscovery)."""

from core import audit
from plans.models import BreakthroughArea, Plan, PlanItem, Target

audit.register(Plan, unit="committee")
for model in (PlanItem, Target, BreakthroughArea):
    audit.register(
        model,
        unit="plan__committee",
        label=lambda row: f"{row.plan} — {row}",
        select_related=("plan",),
    )
