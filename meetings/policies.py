"""Who sees and changes meetings: the office everywhere, a secretary in his cell, a member
reads his own cell's meetings."""

from typing import Any

from django.db.models import Q, QuerySet

from core.policy import (
    CHANGE,
    VIEW,
    UnitScopedPolicy,
    has_role,
    is_superuser,
    path_in,
    role_paths,
    subtree_q,
)
from core.roles import Role

from .models import FocusArea, Meeting, MeetingRules, TopicDeadline


class MeetingPolicy(UnitScopedPolicy):
    model = Meeting
    view_roles = (Role.OFFICE, Role.INSPECTION, Role.SECRETARY, Role.MEMBER)
    change_roles = (Role.OFFICE, Role.SECRETARY)

    def can_record_in(self, user: Any, unit: Any) -> bool:
        """May the user record a meeting held by `unit`?"""
        if is_superuser(user):
            return True
        return path_in(role_paths(user, self.change_roles), unit.path)

    def unit_q(self, user: Any, action: str = CHANGE) -> Q:
        """Q on Unit: the units where the user may record meetings (or read them)."""
        return self.units_for(user, action)


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

    def queryset_for(
        self, user: Any, action: str = VIEW, queryset: QuerySet | None = None
    ) -> QuerySet:
        queryset = self.base_queryset() if queryset is None else queryset
        if is_superuser(user):
            return queryset
        roles = self.roles_for(action)
        if not has_role(user, *roles):
            return queryset.none()
        # The defaults (no committee) apply to everyone: every role reads them, any office
        # changes them.
        return queryset.filter(
            Q(committee__isnull=True) | subtree_q(role_paths(user, roles), "committee__path")
        )

    def can(self, user: Any, action: str, obj: Any = None) -> bool:
        if obj is not None and obj.committee_id is None and action != VIEW:
            return has_role(user, Role.OFFICE)
        return super().can(user, action, obj)


meetings = MeetingPolicy()
focus_areas = FocusAreaPolicy()
deadlines = TopicDeadlinePolicy()
rules = MeetingRulesPolicy()
