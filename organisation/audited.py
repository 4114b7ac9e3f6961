"""The organisation app's records on the audit trail (found by core's autodiscovery)."""

from core import audit
from organisation.models import MassOrganisation, MemberEvent, Person, Unit, UnitName

audit.register(Unit, unit="id")
audit.register(UnitName, unit="unit")
audit.register(Person, unit="unit", person="id")
# Postings are derived from the events; the trail shows the events that made them.
audit.register(
    MemberEvent,
    unit="from_unit",
    person="person",
    label=lambda row: f"{row.person.full_name} – {row.get_kind_display()}",
    select_related=("person",),
)
audit.register(MassOrganisation)
