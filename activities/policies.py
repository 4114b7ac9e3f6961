"""Who sees and changes activities and commendations: the unit's subtree, as everywhere."""

from typing import Any

from django.db.models import Q, QuerySet

from core.policy import VIEW, UnitScopedPolicy, is_superuser, role_paths, subtree_q
from core.roles import Role

from .models import Activity, Commendation


class ActivityPolicy(UnitScopedPolicy):
    model = Activity
    change_roles = (Role.OFFICE, Role.SECRETARY)

    def base_queryset(self) -> QuerySet:
        return Activity.objects.select_related("organisation", "unit", "kind")


class CommendationPolicy(UnitScopedPolicy):
    """A commendation belongs to the collective commended, or to the person's unit."""

    model = Commendation
    change_roles = (Role.OFFICE,)

    def base_queryset(self) -> QuerySet:
        return Commendation.objects.select_related("person", "person__unit", "unit")

    def queryset_for(
        self, user: Any, action: str = VIEW, queryset: QuerySet | None = None
    ) -> QuerySet:
        queryset = self.base_queryset() if queryset is None else queryset
        if is_superuser(user):
            return queryset
        paths = role_paths(user, self.roles_for(action))
        query: Q = subtree_q(paths, "unit__path") | subtree_q(paths, "person__unit__path")
        return queryset.filter(query)

    def object_path(self, obj: Any) -> str | None:
        unit = obj.unit if obj.unit_id else (obj.person.unit if obj.person_id else None)
        return unit.path if unit else None


activities = ActivityPolicy()
commendations = CommendationPolicy()
