"""The accounts app's records on the audit trail (found by core's autodiscovery)."""

from accounts.models import RoleAssignment, User
from core import audit

audit.register(User, person="person", unit="person__unit")
audit.register(
    RoleAssignment,
    unit="unit",
    label=lambda row: f"{row.user} – {row.get_role_display()} – {row.unit.name}",
    select_related=("user", "unit"),
)
