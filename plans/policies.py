"""Who reads and writes the committee's plans.

The office writes its committee's plans. Everyone with a role in the committee reads them: the
office and the inspection commission from the committee down, and secretaries and members from
their cell up (the plan is addressed to every cell), so a role on a unit under the committee
sees the plan as well as a role on the committee itself.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from core.policy import (
    VIEW,
    UnitScopedPolicy,
    ancestor_paths,
    is_authenticated,
    is_superuser,
    path_in,
    role_paths,
    subtree_q,
)
from core.roles import Role

from .models import Plan

READERS = (Role.OFFICE, Role.INSPECTION, Role.SECRETARY, Role.MEMBER)
EDITORS = (Role.OFFICE,)


class PlanPolicy(UnitScopedPolicy):
    model = Plan
    unit_path = "committee__path"
    view_roles = READERS
    change_roles = EDITORS

    def queryset_for(
        self, user: Any, action: str = VIEW, queryset: QuerySet | None = None
    ) -> QuerySet:
        queryset = self.base_queryset() if queryset is None else queryset
        if action != VIEW:
            return super().queryset_for(user, action, queryset)
        if is_superuser(user):
            return queryset
        paths = role_paths(user, self.view_roles)
        query = subtree_q(paths, self.unit_path) | Q(committee__path__in=ancestor_paths(paths))
        return queryset.filter(query)

    def can(self, user: Any, action: str, obj: Any = None) -> bool:
        if action == VIEW and obj is not None and is_authenticated(user):
            if is_superuser(user):
                return True
            paths = role_paths(user, self.view_roles)
            return path_in(paths, obj.committee.path) or obj.committee.path in ancestor_paths(paths)
        return super().can(user, action, obj)


plans = PlanPolicy()


def committees_for(user: Any) -> QuerySet:
    """The committees whose plans the user writes."""
    from organisation.models import Unit

    committees = Unit.objects.filter(kind=Unit.Kind.COMMITTEE)
    if is_superuser(user):
        return committees
    return committees.filter(subtree_q(role_paths(user, EDITORS), "path"))
