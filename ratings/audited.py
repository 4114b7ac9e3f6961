"""The ratings app's records on the audit trail (found by core's autodiscovery)."""

from core import audit
from ratings.models import CapCondition, Complaint, Rating, RatingDecision, RuleSet


def _rating(rating) -> str:
    return f"{rating.person.full_name if rating.person else rating.unit.name} — {rating.year}"


audit.register(RuleSet)
audit.register(
    Rating, unit="cell", person="person", label=_rating, select_related=("person", "unit")
)
audit.register(
    CapCondition,
    person="person",
    unit="person__unit",
    label=lambda row: f"{row.person.full_name} — {row.year} — {row.get_kind_display()}",
    select_related=("person",),
)
for model in (Complaint, RatingDecision):  # the steps after a rating, named after it
    audit.register(
        model,
        via="rating",
        label=lambda row: _rating(row.rating),
        select_related=("rating__person", "rating__unit"),
    )
