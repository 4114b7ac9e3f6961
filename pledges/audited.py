"""The pledges app's records on the audit trail (found by core's autodiscovery)."""

from core import audit
from pledges.models import ConductStandard, PersonalPlan, Pledge, PledgeTemplate, PledgeVersion


def _person_year(row) -> str:
    return f"{row.person.full_name} — {row.year}"


audit.register(
    Pledge, unit="person__unit", person="person", label=_person_year, select_related=("person",)
)
audit.register(
    PledgeVersion,
    unit="pledge__person__unit",
    person="pledge__person",
    label=lambda row: f"{row.pledge.person.full_name} — {row.pledge.year} — v{row.version}",
    select_related=("pledge__person",),
)
audit.register(
    PersonalPlan,
    unit="person__unit",
    person="person",
    label=_person_year,
    select_related=("person",),
)
audit.register(
    ConductStandard,
    unit="unit",
    label=lambda row: f"{row.unit.name} — {row.year} — {row.get_kind_display()}",
    select_related=("unit",),
)
audit.register(
    PledgeTemplate,
    unit="unit",
    label=lambda row: f"{row.unit.name} — {row.year}",
    select_related=("unit",),
)
