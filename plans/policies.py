"""Who reads and writes the committee's plans.

The office writes its committee's plans. Everyone with a role in the committee reads them: the
office and the inspection commission from the committee down, and secretaries and members from
their cell up (the plan is addressed to every cell), so a role on a unit under the committee
sees the plan as well as a role on the committee itself.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from core.policy import VIEW, UnitScopedPolicy, path_in, role_paths, subtree_q
from core.roles import Role

from .models import Plan

READERS = (Role.OFFICE, Role.INSPECTION, Role.SECRETARY, Role.MEMBER)
EDITORS = (Role.OFFICE,)


def _ancestor_paths(paths: list[str]) -> set[str]:
    """'1.5.12.' → {'1.', '1.5.', '1.5.12.'}: the units a role on '1.5.12.' lies under."""
    result = set()
    for path in paths:
        parts = [part for part in path.split(".") if part]
        result.update(".".join(parts[: index + 1]) + "." for index in range(len(parts)))
    return result


class PlanPolicy(UnitScopedPolicy):
    model = Plan
    unit_path = "committee__path"
    view_roles = READERS
    change_roles = EDITORS

    def visible_to(self, user: Any, queryset: QuerySet | None = None) -> QuerySet:
        queryset = self.base_queryset() if queryset is None else queryset
        if getattr(user, "is_superuser", False):
            return queryset
        paths = role_paths(user, self.view_roles)
        query = subtree_q(paths, self.unit_path) | Q(committee__path__in=_ancestor_paths(paths))
        return queryset.filter(query)

    def can(self, user: Any, action: str, obj: Plan | None = None) -> bool:
        if action == VIEW and obj is not None and getattr(user, "is_authenticated", False):
            if getattr(user, "is_superuser", False):
                return True
            paths = role_paths(user, self.view_roles)
            return path_in(paths, obj.committee.path) or obj.committee.path in _ancestor_paths(
                paths
            )
        return super().can(user, action, obj)


plans = PlanPolicy()


def committees_for(user: Any) -> QuerySet:
    """The committees whose plans the user writes."""
    from organisation.models import Unit

    committees = Unit.objects.filter(kind=Unit.Kind.COMMITTEE)
    if getattr(user, "is_superuser", False):
        return committees
    return committees.filter(subtree_q(role_paths(user, EDITORS), "path"))
