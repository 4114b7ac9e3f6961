"""Pages of the rating round: thin, each one a selector or a service.

One module per area: `round` (the year's list, self-assessment, a rating, its decision,
progress), `complaints` (complaints, reconsiderations and their answers), `cells` (the cell's
review), `decisions` (the committee's page of decisions), `rule_sets` and `caps`.
ratings/urls.py reaches every view from here.
"""

from .caps import cap_add, cap_delete, cap_list
from .cells import cell_print, cell_review
from .complaints import answer, complain, reconsider
from .decisions import accept_proposals, decide_list, decision_print
from .round import decide, detail, index, progress, self_assess
from .rule_sets import rule_set_edit, rule_set_list

__all__ = [
    "accept_proposals",
    "answer",
    "reconsider",
    "cap_add",
    "cap_delete",
    "cap_list",
    "cell_print",
    "cell_review",
    "complain",
    "decide",
    "decide_list",
    "decision_print",
    "detail",
    "index",
    "progress",
    "rule_set_edit",
    "rule_set_list",
    "self_assess",
]
