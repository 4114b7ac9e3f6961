"""The columns of the rating lists (the round of a year, the committee's decisions, the
capping conditions): what sorts and what each row writes to Excel (core.listing)."""

from typing import Any

from django.utils.translation import gettext_lazy as _l

from core.listing import Column


def _display(rating: Any, field: str) -> str:
    return getattr(rating, f"get_{field}_display")() if rating and getattr(rating, field) else ""


ROUND_COLUMNS = [
    Column("member", _l("Member"), ("person__sort_key",), "person.full_name"),
    Column("code", _l("Code"), ("person__code",), "person.code", css="wide-only"),
    Column("cell", _l("Cell"), ("cell__path", "person__sort_key"), "cell.name"),
    Column("self", _l("Self-assessment"), (), lambda row: _display(row.rating, "self_level")),
    Column(
        "proposal", _l("Cell's proposal"), (), lambda row: _display(row.rating, "proposed_level")
    ),
    Column("decision", _l("Decision"), (), lambda row: _display(row.rating, "level")),
]

DECISION_COLUMNS = [
    Column(
        "member", _l("Member or cell"), ("person__sort_key",), lambda r: str(r.person or r.unit)
    ),
    Column("cell", _l("Cell"), ("cell__path", "person__sort_key"), "cell.name"),
    Column("self", _l("Self-assessment"), (), lambda r: _display(r, "self_level")),
    Column("proposal", _l("Cell's proposal"), (), lambda r: _display(r, "proposed_level")),
    Column("decision", _l("Decision"), (), lambda r: _display(r, "level")),
]

CAP_COLUMNS = [
    Column("year", _l("Year"), ("year", "person__sort_key")),
    Column("member", _l("Member"), ("person__sort_key", "-year"), "person.full_name"),
    Column("code", _l("Code"), ("person__code", "-year"), "person.code", css="wide-only"),
    Column("condition", _l("Condition"), ("kind", "-year"), "get_kind_display"),
    Column("source", _l("Source"), (), "source"),
    Column("fixed", _l("Self-fixed"), (), "self_fixed"),
    Column("recorded", _l("Recorded"), ("recorded_at",), "recorded_at"),
]

RULE_SET_COLUMNS = [
    Column("years", _l("Years"), ("first_year",), "years_label"),
    Column("name", _l("Rule set"), ("name",), "name"),
    Column("documents", _l("Source documents"), (), "documents"),
    Column("scoring", _l("Scoring"), ("scored", "first_year"), "scored"),
    Column("quota", _l("Quota on excellent"), ("quota_percent", "first_year"), "quota_percent"),
    Column("exempt", _l("Self-fixed violation exempt"), (), "self_fixed_exempt"),
]
