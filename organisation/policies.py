"""Who sees which units and people."""

from typing import Any

from django.db.models import Q, QuerySet

from core.policy import UnitScopedPolicy, role_paths, subtree_q

from .models import Person, Posting, Unit


class UnitPolicy(UnitScopedPolicy):
    model = Unit
    unit_path = "path"

    def visible_to(self, user: Any, queryset: QuerySet | None = None) -> QuerySet:
        queryset = self.base_queryset() if queryset is None else queryset
        if getattr(user, "is_superuser", False):
            return queryset
        # A unit is visible under a role on it, and its ancestors are visible for context.
        paths = role_paths(user, self.view_roles)
        ancestor_ids = {int(pk) for path in paths for pk in path.strip(".").split(".")}
        return queryset.filter(subtree_q(paths, "path") | Q(pk__in=ancestor_ids))


class PersonPolicy(UnitScopedPolicy):
    """Office and inspection see everyone, a secretary his cell, a member himself.

    Only the committee office adds, edits, transfers and moves people out.
    """

    model = Person

    def member_q(self, user: Any) -> Q | None:
        return Q(pk=user.person_id) if user.person_id else None


class PostingPolicy(UnitScopedPolicy):
    model = Posting
    unit_path = "person__unit__path"


units = UnitPolicy()
people = PersonPolicy()
postings = PostingPolicy()
