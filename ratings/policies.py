"""Who sees and changes ratings.

Office: everything in its committee. Inspection commission: reads everything, records capping
conditions. Cell secretary: his cell's ratings, and proposes levels for them. Member: only his
own rating; he writes his self-assessment.
"""

from typing import Any

from django.db.models import Q, QuerySet

from core.policy import (
    CHANGE,
    COMPLAIN,
    DECIDE,
    PROPOSE,
    SELF_ASSESS,
    VIEW,
    Policy,
    UnitScopedPolicy,
    has_role,
    is_authenticated,
    is_superuser,
    path_in,
    role_paths,
    subtree_q,
)
from core.roles import Role

from .models import CapCondition, Rating, RuleSet

PROPOSERS = (Role.SECRETARY, Role.OFFICE)


class RatingPolicy(UnitScopedPolicy):
    model = Rating
    unit_path = "cell__path"
    view_roles = (Role.OFFICE, Role.INSPECTION, Role.SECRETARY)
    change_roles = (Role.OFFICE,)

    def member_q(self, user: Any) -> Q | None:
        return Q(person_id=user.person_id) if user.person_id else None

    def queryset_for(
        self, user: Any, action: str = VIEW, queryset: QuerySet | None = None
    ) -> QuerySet:
        """The rows on which `can(user, action, row)` holds, as one filter."""
        if action == VIEW or is_superuser(user):
            return super().queryset_for(user, action, queryset)
        queryset = self.base_queryset() if queryset is None else queryset
        if action == PROPOSE:
            return queryset.filter(subtree_q(role_paths(user, PROPOSERS), "cell__path"))
        if action in (DECIDE, CHANGE):
            offices = role_paths(user, (Role.OFFICE,))
            return queryset.filter(
                subtree_q(offices, "committee__path")
                | Q(committee__isnull=True) & subtree_q(offices, "cell__path")
            )
        own = Q(person_id=user.person_id) if getattr(user, "person_id", None) else Q(pk__in=[])
        if action == SELF_ASSESS:
            return queryset.filter(own, level="")
        if action == COMPLAIN:
            changes = super().queryset_for(user, CHANGE, queryset)
            return queryset.exclude(level="").filter(own | Q(pk__in=changes.values("pk")))
        return queryset.none()

    def can(self, user: Any, action: str, obj: Any = None) -> bool:
        if not is_authenticated(user):
            return False
        if is_superuser(user):
            return True
        path = self.object_path(obj) if obj is not None else None
        own = obj is not None and obj.person_id is not None and obj.person_id == user.person_id
        if action == VIEW:
            return own or super().can(user, VIEW, obj)
        if action == SELF_ASSESS:
            return own and not obj.level
        if action == PROPOSE:
            paths = role_paths(user, PROPOSERS)
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
        if is_superuser(user):
            return True
        return path_in(role_paths(user, self.view_roles), cell.path)

    def can_propose_for_cell(self, user: Any, cell: Any) -> bool:
        if is_superuser(user):
            return True
        return path_in(role_paths(user, PROPOSERS), cell.path)


class CapConditionPolicy(UnitScopedPolicy):
    model = CapCondition
    unit_path = "person__unit__path"
    view_roles = (Role.OFFICE, Role.INSPECTION)
    change_roles = (Role.OFFICE, Role.INSPECTION)


class RuleSetPolicy(Policy):
    """Rule sets are national rules: every staff role reads them, the office edits them."""

    model = RuleSet

    def can(self, user: Any, action: str, obj: Any = None) -> bool:
        if action == VIEW:
            return has_role(user, Role.OFFICE, Role.INSPECTION, Role.SECRETARY)
        return has_role(user, Role.OFFICE)


ratings = RatingPolicy()
caps = CapConditionPolicy()
rule_sets = RuleSetPolicy()
