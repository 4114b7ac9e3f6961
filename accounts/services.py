"""Writes to accounts: giving a person an account and a role on a unit.

Accounts are managed by the system administrator (Django's admin site, a superuser) and by
the system itself (the demo, the benchmarks); nobody else may create them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from core.actors import acting, is_system
from core.roles import Role

from .models import RoleAssignment, User


def _check_administrator(user: Any) -> None:
    user = acting(user)
    if not (is_system(user) or getattr(user, "is_superuser", False)):
        raise PermissionDenied


@transaction.atomic
def account_create(
    user: Any,
    *,
    username: str,
    password: str | None,
    first_name: str = "",
    person: Any = None,
    roles: Iterable[tuple[Role, Any]] = (),
    superuser: bool = False,
) -> User:
    """A new account with its roles (`(role, unit)` pairs); a superuser when asked. A
    `password` of None leaves the account without one (no sign-in form gets it in)."""
    _check_administrator(user)
    make = User.objects.create_superuser if superuser else User.objects.create_user
    account = make(username=username, password=password, first_name=first_name, person=person)
    for role, unit in roles:
        role_assign(user, account=account, role=role, unit=unit)
    return account


def role_assign(user: Any, *, account: User, role: Role, unit: Any) -> RoleAssignment:
    """Give `account` the role on `unit` (and its subtree); giving it again changes nothing."""
    _check_administrator(user)
    assignment, _created = RoleAssignment.objects.get_or_create(user=account, role=role, unit=unit)
    return assignment
