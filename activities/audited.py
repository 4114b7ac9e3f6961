"""The activities app's records on the audit trail (found by core's autodiscovery)."""

from activities.models import Activity, ActivityKind, ActivityPhoto, Commendation
from core import audit

audit.register(ActivityKind)
audit.register(Activity, unit="unit")
audit.register(
    ActivityPhoto,
    via="activity",
    label=lambda row: f"{row.activity.title} — {row.caption or row.image}",
)
audit.register(
    Commendation,
    unit="unit",
    person="person",
    label=lambda row: f"{row.form} — {row.person.full_name if row.person else row.unit.name}",
    select_related=("person", "unit"),
)
