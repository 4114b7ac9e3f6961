"""The scoping policy: one per model, so that every list starts from what the user may see.

A policy answers two questions: `visible_to(user)` (a queryset) and `can(user, action, obj)`.
Roles are held on units and reach the unit's subtree, which is one `path__startswith` filter
because units store their materialised path ("1.5.12.").
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from core.roles import Role

VIEW, ADD, CHANGE, DELETE = "view", "add", "change", "delete"


def role_paths(user: Any, roles: Iterable[str]) -> list[str]:
    """Paths of the units on which the user holds any of `roles` (cached on the user)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cache = getattr(user, "_role_paths_cache", None)
    if cache is None:
        cache = {}
        for role, path in user.role_assignments.values_list("role", "unit__path"):
            cache.setdefault(role, []).append(path)
        user._role_paths_cache = cache
    return [path for role in roles for path in cache.get(role, [])]


def has_role(user: Any, *roles: str) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return bool(role_paths(user, roles))


def subtree_q(paths: Iterable[str], lookup: str) -> Q:
    """Q matching rows whose unit path lies under any of `paths`; matches nothing if none."""
    query = Q(pk__in=[])
    for path in set(paths):
        query |= Q(**{f"{lookup}__startswith": path})
    return query


def path_in(paths: Iterable[str], path: str | None) -> bool:
    return bool(path) and any(path.startswith(prefix) for prefix in paths)


class UnitScopedPolicy:
    """Default policy for records that belong to a unit.

    Subclasses set `model`, `unit_path` (the lookup from the model to `Unit.path`) and the
    roles that may see and change; `member_q` lets a member see his own records.
    """

    model: type[Model]
    unit_path: str = "unit__path"
    view_roles: tuple[str, ...] = (Role.OFFICE, Role.INSPECTION, Role.SECRETARY)
    change_roles: tuple[str, ...] = (Role.OFFICE,)

    def base_queryset(self) -> QuerySet:
        return self.model._default_manager.all()

    def member_q(self, user: Any) -> Q | None:
        """Rows a plain member may see as his own; None when members see nothing here."""
        return None

    def visible_to(self, user: Any, queryset: QuerySet | None = None) -> QuerySet:
        queryset = self.base_queryset() if queryset is None else queryset
        if getattr(user, "is_superuser", False):
            return queryset
        query = subtree_q(role_paths(user, self.view_roles), self.unit_path)
        own = self.member_q(user) if getattr(user, "is_authenticated", False) else None
        if own is not None:
            query |= own
        return queryset.filter(query).distinct() if own is not None else queryset.filter(query)

    def object_path(self, obj: Model) -> str | None:
        value: Any = obj
        for part in self.unit_path.split("__"):
            value = getattr(value, part, None)
            if value is None:
                return None
        return value

    def can(self, user: Any, action: str, obj: Model | None = None) -> bool:
        if not getattr(user, "is_authenticated", False):
            return False
        if getattr(user, "is_superuser", False):
            return True
        roles = self.view_roles if action == VIEW else self.change_roles
        paths = role_paths(user, roles)
        if obj is None:
            return bool(paths)
        return path_in(paths, self.object_path(obj))

    def get_for(self, user: Any, action: str, **lookup: Any) -> Model:
        """The object if the user may see it (else 404) and do `action` on it (else 403)."""
        obj = self.get_visible_or_404(user, **lookup)
        if not self.can(user, action, obj):
            raise PermissionDenied
        return obj

    def get_visible_or_404(self, user: Any, **lookup: Any) -> Model:
        """Look an object up inside what the user may see: outside it, it does not exist."""
        try:
            return self.visible_to(user).get(**lookup)
        except self.model.DoesNotExist as exc:
            raise Http404 from exc
