"""Who sees and changes ratings.

Office: everything in its committee. Inspection commission: reads everything, records capping
conditions. Cell secretary: his cell's ratings, and proposes levels for them. Member: only his
own rating; he writes his self-assessment.
"""

from typing import Any

from django.db.models import Q

from core.policy import CHANGE, VIEW, UnitScopedPolicy, has_role, path_in, role_paths
from core.roles import Role

from .models import CapCondition, Rating, RuleSet

PROPOSE, DECIDE, SELF_ASSESS, COMPLAIN = "propose", "decide", "self_assess", "complain"


class RatingPolicy(UnitScopedPolicy):
    model = Rating
    unit_path = "cell__path"
    view_roles = (Role.OFFICE, Role.INSPECTION, Role.SECRETARY)
    change_roles = (Role.OFFICE,)

    def member_q(self, user: Any) -> Q | None:
        return Q(person_id=user.person_id) if user.person_id else None

    def can(self, user: Any, action: str, obj: Rating | None = None) -> bool:
        if not getattr(user, "is_authenticated", False):
            return False
        if getattr(user, "is_superuser", False):
            return True
        path = self.object_path(obj) if obj is not None else None
        own = obj is not None and obj.person_id is not None and obj.person_id == user.person_id
        if action == VIEW:
            return own or super().can(user, VIEW, obj)
        if action == SELF_ASSESS:
            return own and not obj.level
        if action == PROPOSE:
            paths = role_paths(user, (Role.SECRETARY, Role.OFFICE))
            return path_in(paths, path) if obj is not None else bool(paths)
        if action == COMPLAIN:
            return bool(obj and obj.level) and (own or super().can(user, CHANGE, obj))
        if action in (DECIDE, CHANGE):
            paths = role_paths(user, (Role.OFFICE,))
            if obj is None:
                return bool(paths)
            return path_in(paths, obj.committee.path if obj.committee_id else path)
        return False

    def can_read_cell(self, user: Any, cell: Any) -> bool:
        """The cell's review page and its printout: whoever sees the cell's ratings."""
        if getattr(user, "is_superuser", False):
            return True
        return path_in(role_paths(user, self.view_roles), cell.path)

    def can_propose_for_cell(self, user: Any, cell: Any) -> bool:
        if getattr(user, "is_superuser", False):
            return True
        return path_in(role_paths(user, (Role.SECRETARY, Role.OFFICE)), cell.path)


class CapConditionPolicy(UnitScopedPolicy):
    model = CapCondition
    unit_path = "person__unit__path"
    view_roles = (Role.OFFICE, Role.INSPECTION)
    change_roles = (Role.OFFICE, Role.INSPECTION)


class RuleSetPolicy:
    """Rule sets are national rules: every staff role reads them, the office edits them."""

    def can(self, user: Any, action: str, obj: RuleSet | None = None) -> bool:
        if action == VIEW:
            return has_role(user, Role.OFFICE, Role.INSPECTION, Role.SECRETARY)
        return has_role(user, Role.OFFICE)


ratings = RatingPolicy()
caps = CapConditionPolicy()
rule_sets = RuleSetPolicy()
