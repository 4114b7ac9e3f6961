"""Yearly quality ratings of members and of party organisations, and the rules behind them.

`Rating.level` is the committee's decided level (blank until decided); the report reads it
together with `person`/`unit` and `year`. Everything else serves the round that leads to that
decision and what follows it: the self-assessment, the cell's proposal at its meeting, the
decisions, the complaints and reconsiderations, the conditions that cap a level, and the rule
set of each year.
"""

from .levels import (
    LEVEL_ABBREVIATIONS,
    LEVEL_LABELS_VI,
    LEVEL_ORDER,
    SCORE_VALIDATORS,
    Level,
    score_field,
)
from .rating import Rating
from .rule_set import RuleSet
from .steps import CapCondition, Complaint, RatingDecision

__all__ = [
    "LEVEL_ABBREVIATIONS",
    "LEVEL_LABELS_VI",
    "LEVEL_ORDER",
    "SCORE_VALIDATORS",
    "CapCondition",
    "Complaint",
    "Level",
    "Rating",
    "RatingDecision",
    "RuleSet",
    "score_field",
]
