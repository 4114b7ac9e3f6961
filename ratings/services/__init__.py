"""The only writes of the ratings app, one module per part of the round: `round` (opening,
self-assessment, the cell's review, the committee's decisions), `after` (complaints,
reconsiderations, their answers, capping conditions) and `rule_sets`."""

from .after import (
    cap_condition_delete,
    cap_condition_record,
    complaint_answer,
    rating_complain,
    rating_reconsider,
)
from .common import Decision, check_score
from .round import (
    accept_proposals,
    rating_decide,
    rating_open,
    rating_self_assess,
    ratings_decide,
    ratings_propose,
)
from .rule_sets import rule_set_save

__all__ = [
    "Decision",
    "accept_proposals",
    "cap_condition_delete",
    "cap_condition_record",
    "check_score",
    "complaint_answer",
    "rating_complain",
    "rating_decide",
    "rating_open",
    "rating_reconsider",
    "rating_self_assess",
    "ratings_decide",
    "ratings_propose",
    "rule_set_save",
]
