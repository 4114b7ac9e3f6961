"""The columns of the rating lists (the round of a year, the committee's decisions, the
capping conditions): what sorts and what each row writes to Excel (core.listing)."""

from typing import Any

from django.utils.translation import gettext_lazy

from core.listing import Column


def _display(rating: Any, field: str) -> str:
    return getattr(rating, f"get_{field}_display")() if rating and getattr(rating, field) else ""


ROUND_COLUMNS = [
    Column("member", gettext_lazy("Member"), ("person__sort_key",), "person.full_name"),
    Column("code", gettext_lazy("Code"), ("person__code",), "person.code", css="wide-only"),
    Column("cell", gettext_lazy("Cell"), ("cell__path", "person__sort_key"), "cell.name"),
    Column(
        "self", gettext_lazy("Self-assessment"), (), lambda row: _display(row.rating, "self_level")
    ),
    Column(
        "proposal",
        gettext_lazy("Cell's proposal"),
        (),
        lambda row: _display(row.rating, "proposed_level"),
    ),
    Column("decision", gettext_lazy("Decision"), (), lambda row: _display(row.rating, "level")),
]

DECISION_COLUMNS = [
    Column("subject", gettext_lazy("Subject"), ("person__sort_key",), "subject"),
    Column("cell", gettext_lazy("Cell"), ("cell__path", "person__sort_key"), "cell.name"),
    Column("self", gettext_lazy("Self-assessment"), (), lambda r: _display(r, "self_level")),
    Column(
        "proposal", gettext_lazy("Cell's proposal"), (), lambda r: _display(r, "proposed_level")
    ),
    Column("decision", gettext_lazy("Decision"), (), lambda r: _display(r, "level")),
]

CAP_COLUMNS = [
    Column("year", gettext_lazy("Year"), ("year", "person__sort_key")),
    Column("member", gettext_lazy("Member"), ("person__sort_key", "-year"), "person.full_name"),
    Column("code", gettext_lazy("Code"), ("person__code", "-year"), "person.code", css="wide-only"),
    Column("condition", gettext_lazy("Condition"), ("kind", "-year"), "get_kind_display"),
    Column("source", gettext_lazy("Source"), (), "source"),
    Column("fixed", gettext_lazy("Self-fixed"), (), "self_fixed"),
    Column("recorded", gettext_lazy("Recorded"), ("recorded_at",), "recorded_at"),
]

RULE_SET_COLUMNS = [
    Column("years", gettext_lazy("Years"), ("first_year",), "years_label"),
    Column("name", gettext_lazy("Rule set"), ("name",), "name"),
    Column("documents", gettext_lazy("Source documents"), (), "documents"),
    Column("scoring", gettext_lazy("Scoring"), ("scored", "first_year"), "scored"),
    Column(
        "quota",
        gettext_lazy("Quota on excellent"),
        ("quota_percent", "first_year"),
        "quota_percent",
    ),
    Column("exempt", gettext_lazy("Self-fixed violation exempt"), (), "self_fixed_exempt"),
]
