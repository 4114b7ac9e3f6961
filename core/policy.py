"""The permission policies: one per model, one API for views, services, sheets and exports.

A policy answers `can(user, action, obj=None)` (may the user do `action`, on `obj` or on the
model at all) and `queryset_for(user, action=VIEW)` (the rows on which he may). Actions are
named once, here. Roles are held on units and reach the unit's subtree, which is one
`path__startswith` filter because units store their materialised path ("1.5.12.").
`policy_for(Model)` finds a model's policy; `permission_required_for` guards a view. An
object outside `queryset_for(user, VIEW)` answers 404, an action the user may not do 403.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, ClassVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase

from core.roles import Role

# The actions, named once. Apps add none of their own.
VIEW, ADD, CHANGE, DELETE = "view", "add", "change", "delete"
CONFIRM = "confirm"  # pledges: the cell confirms a member's pledge
PROPOSE, DECIDE = "propose", "decide"  # ratings: the cell proposes, the committee decides
SELF_ASSESS, COMPLAIN = "self_assess", "complain"  # ratings: the member's own steps
RECORD, VERIFY = "record", "verify"  # inspections: report on a remediation; close it
IMPORT, EXPORT = "import", "export"  # workbook

ACTIONS = (
    VIEW,
    ADD,
    CHANGE,
    DELETE,
    CONFIRM,
    PROPOSE,
    DECIDE,
    SELF_ASSESS,
    COMPLAIN,
    RECORD,
    VERIFY,
    IMPORT,
    EXPORT,
)


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


def scope_q(paths: list[str] | None, lookup: str) -> Q:
    """`subtree_q`, with None meaning everything (a superuser's scope)."""
    return Q() if paths is None else subtree_q(paths, lookup)


def path_in(paths: Iterable[str], path: str | None) -> bool:
    if not path:
        return False
    return any(path.startswith(prefix) for prefix in paths)


def ancestor_paths(paths: Iterable[str]) -> set[str]:
    """'1.5.12.' → {'1.', '1.5.', '1.5.12.'}: the units at or above each held unit."""
    found: set[str] = set()
    for path in paths:
        parts = [part for part in path.split(".") if part]
        found.update(".".join(parts[: index + 1]) + "." for index in range(len(parts)))
    return found


def is_authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_superuser(user: Any) -> bool:
    return bool(getattr(user, "is_superuser", False))


_registry: dict[type[Model], Policy] = {}
_discovered = False


class Policy(ABC):
    """The shape every policy has; `model` set on a concrete policy registers its instance."""

    model: ClassVar[type[Model]]

    def __init__(self) -> None:
        model = getattr(self, "model", None)
        if model is not None:
            _registry[model] = self

    def base_queryset(self) -> QuerySet[Any]:
        return self.model._default_manager.all()

    @abstractmethod
    def can(self, user: Any, action: str, obj: Any = None) -> bool:
        """Whether the user may do `action` (on `obj`, or on the model at all)."""

    def queryset_for(
        self, user: Any, action: str = VIEW, queryset: QuerySet[Any] | None = None
    ) -> QuerySet[Any]:
        """Everything when the user may do `action` on the model, else nothing."""
        queryset = self.base_queryset() if queryset is None else queryset
        return queryset if self.can(user, action) else queryset.none()

    def visible_to(self, user: Any, queryset: QuerySet[Any] | None = None) -> QuerySet[Any]:
        """Former name of `queryset_for(user, VIEW)`, kept while branches merge."""
        return self.queryset_for(user, VIEW, queryset)

    def check(self, user: Any, action: str, obj: Any = None) -> None:
        """Raise PermissionDenied (the 403 page) unless the user may do `action`."""
        if not self.can(user, action, obj):
            raise PermissionDenied

    def get_for(self, user: Any, action: str = VIEW, **lookup: Any) -> Any:
        """The object if the user may see it (else 404) and do `action` on it (else 403)."""
        obj = self.get_visible_or_404(user, **lookup)
        self.check(user, action, obj)
        return obj

    def get_visible_or_404(self, user: Any, **lookup: Any) -> Any:
        """Look an object up inside what the user may see: outside it, it does not exist."""
        try:
            return self.queryset_for(user, VIEW).get(**lookup)
        except ObjectDoesNotExist as exc:
            raise Http404 from exc


class UnitScopedPolicy(Policy):
    """Default policy for records that belong to a unit.

    Subclasses set `model`, `unit_path` (the lookup from the model to `Unit.path`) and the
    roles that may see and change; `member_q` lets a member see his own records.
    """

    unit_path: str = "unit__path"
    view_roles: tuple[str, ...] = (Role.OFFICE, Role.INSPECTION, Role.SECRETARY)
    change_roles: tuple[str, ...] = (Role.OFFICE,)

    def roles_for(self, action: str) -> tuple[str, ...]:
        return self.view_roles if action == VIEW else self.change_roles

    def scope_paths(self, user: Any, action: str = VIEW) -> list[str] | None:
        """The unit paths whose subtree the user reaches for `action`; None: everything."""
        return None if is_superuser(user) else role_paths(user, self.roles_for(action))

    def member_q(self, user: Any) -> Q | None:
        """Rows a plain member may see as his own; None when members see nothing here."""
        return None

    def queryset_for(
        self, user: Any, action: str = VIEW, queryset: QuerySet[Any] | None = None
    ) -> QuerySet[Any]:
        queryset = self.base_queryset() if queryset is None else queryset
        if is_superuser(user):
            return queryset
        query = subtree_q(role_paths(user, self.roles_for(action)), self.unit_path)
        own = self.member_q(user) if action == VIEW and is_authenticated(user) else None
        if own is not None:
            query |= own
        # `member_q` stays on single-valued relations (the row's own person), so no DISTINCT:
        # it would sort the whole result before the page is taken.
        return queryset.filter(query)

    def object_path(self, obj: Model) -> str | None:
        value: Any = obj
        for part in self.unit_path.split("__"):
            value = getattr(value, part, None)
            if value is None:
                return None
        return str(value)

    def can(self, user: Any, action: str, obj: Any = None) -> bool:
        if not is_authenticated(user):
            return False
        if is_superuser(user):
            return True
        paths = role_paths(user, self.roles_for(action))
        if obj is None:
            return bool(paths)
        return path_in(paths, self.object_path(obj))

    def units_for(self, user: Any, action: str = CHANGE) -> Q:
        """Q on Unit: the units in whose name the user may do `action` on this model."""
        if is_superuser(user):
            return Q()
        return subtree_q(role_paths(user, self.roles_for(action)), "path")


def policy_for(model: type[Model] | Model) -> Policy:
    """The policy of a model (or of an object's model), from the apps' `policies` modules."""
    global _discovered
    if not _discovered:
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("policies")
        _discovered = True
    key = model if isinstance(model, type) else type(model)
    try:
        return _registry[key]
    except KeyError as exc:
        raise ImproperlyConfigured(f"No policy for {key.__name__}") from exc


ViewFunction = Callable[..., HttpResponseBase]


def permission_required_for(
    policy: Policy, action: str = VIEW
) -> Callable[[ViewFunction], ViewFunction]:
    """Guard a view: signed in (else the login page) and allowed `action` (else 403)."""

    def decorator(view: ViewFunction) -> ViewFunction:
        @wraps(view)
        @login_required
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            policy.check(request.user, action)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
