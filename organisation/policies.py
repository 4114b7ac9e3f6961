"""Who sees which units and people.

One rule for units: a role on a unit reaches its subtree (`units.queryset_for(user)`). The
units above one's own are named on some pages for context (`units.with_ancestors`), never
opened.
"""

from typing import Any

from django.db.models import Q, QuerySet

from core.policy import VIEW, UnitScopedPolicy, ancestor_paths, is_superuser, role_paths

from .models import Person, Posting, Unit


class UnitPolicy(UnitScopedPolicy):
    model = Unit
    unit_path = "path"

    def with_ancestors(self, user: Any) -> QuerySet:
        """The units the user sees, and the units above them (for context)."""
        queryset = self.base_queryset()
        if is_superuser(user):
            return queryset
        paths = role_paths(user, self.roles_for(VIEW))
        return self.queryset_for(user) | queryset.filter(path__in=ancestor_paths(paths))


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
