"""The plans app's records on the audit trail (found by core's autodiscovery)."""

from core import audit
from plans.models import BreakthroughArea, Plan, PlanItem, Target

audit.register(Plan, unit="committee")
for model in (PlanItem, Target, BreakthroughArea):
    audit.register(model, via="plan", label=lambda row: f"{row.plan} — {row}")
