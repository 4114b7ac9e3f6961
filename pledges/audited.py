"""The pledges app's records on the audit trail (found by core's autodiscovery)."""

from core import audit
from pledges.models import ConductStandard, PersonalPlan, Pledge, PledgeTemplate, PledgeVersion


def _person_year(row) -> str:
    return f"{row.person.full_name} — {row.year}"


def _unit_year(row) -> str:
    return f"{row.unit.name} — {row.year}"


for model in (Pledge, PersonalPlan):  # one per person and year
    audit.register(
        model, unit="person__unit", person="person", label=_person_year, select_related=("person",)
    )
audit.register(
    PledgeVersion,
    via="pledge",
    label=lambda row: f"{_person_year(row.pledge)} — v{row.version}",
    select_related=("pledge__person",),
)
audit.register(
    ConductStandard,
    unit="unit",
    label=lambda row: f"{_unit_year(row)} — {row.get_kind_display()}",
    select_related=("unit",),
)
audit.register(PledgeTemplate, unit="unit", label=_unit_year, select_related=("unit",))
