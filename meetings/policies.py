"""Who sees and changes meetings: the office everywhere, a secretary in his cell, a member
reads his own cell's meetings."""

from typing import Any

from django.db.models import Q

from core.policy import CHANGE, UnitScopedPolicy, has_role, role_paths, subtree_q
from core.roles import Role

from .models import FocusArea, Meeting, MeetingRules, TopicDeadline


class MeetingPolicy(UnitScopedPolicy):
    model = Meeting
    view_roles = (Role.OFFICE, Role.INSPECTION, Role.SECRETARY, Role.MEMBER)
    change_roles = (Role.OFFICE, Role.SECRETARY)

    def can_record_in(self, user: Any, unit: Any) -> bool:
        """May the user record a meeting held by `unit`?"""
        if getattr(user, "is_superuser", False):
            return True
        paths = role_paths(user, self.change_roles)
        return any(unit.path.startswith(path) for path in paths)

    def unit_q(self, user: Any, action: str = CHANGE) -> Q:
        """Q on Unit: the units where the user may record meetings."""
        if getattr(user, "is_superuser", False):
            return Q()
        roles = self.change_roles if action == CHANGE else self.view_roles
        return subtree_q(role_paths(user, roles), "path")


class CommitteeSettingsPolicy(UnitScopedPolicy):
    """Rules, deadlines and codes of conduct: the office edits, everyone with a role reads."""

    unit_path = "committee__path"
    view_roles = (Role.OFFICE, Role.INSPECTION, Role.SECRETARY)
    change_roles = (Role.OFFICE,)


class FocusAreaPolicy(CommitteeSettingsPolicy):
    model = FocusArea


class TopicDeadlinePolicy(CommitteeSettingsPolicy):
    model = TopicDeadline


class MeetingRulesPolicy(CommitteeSettingsPolicy):
    model = MeetingRules

    def visible_to(self, user: Any, queryset=None):
        queryset = self.base_queryset() if queryset is None else queryset
        if getattr(user, "is_superuser", False):
            return queryset
        if not has_role(user, *self.view_roles):
            return queryset.none()
        # The defaults (no committee) apply to everyone and are readable by every role.
        return queryset.filter(
            Q(committee__isnull=True)
            | subtree_q(role_paths(user, self.view_roles), "committee__path")
        )

    def can(self, user: Any, action: str, obj: Any = None) -> bool:
        if obj is not None and obj.committee_id is None and action != "view":
            return has_role(user, Role.OFFICE)
        return super().can(user, action, obj)


meetings = MeetingPolicy()
focus_areas = FocusAreaPolicy()
deadlines = TopicDeadlinePolicy()
rules = MeetingRulesPolicy()
