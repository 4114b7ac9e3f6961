"""Who acts when no person does: the system actor of commands, imports and demo builders.

Services take the acting user as a required argument and refuse `None`, so that a forgotten
user can never pass as "unchecked". Code that runs without a signed-in person (management
commands, the command-line import, the demo) passes `SYSTEM` instead: it may do everything,
and the audit trail records it as no user, as before.
"""

from __future__ import annotations

from typing import Any


class SystemActor:
    """Answers like a superuser to the policies; is never stored as a user."""

    pk = None
    id = None
    person_id = None
    person = None
    username = "system"
    is_active = True
    is_authenticated = True
    is_anonymous = False
    is_superuser = True
    is_staff = False
    is_system = True
    _role_paths_cache: dict[str, list[str]] = {}

    def __str__(self) -> str:
        return "system"

    def __repr__(self) -> str:
        return "<SYSTEM>"


SYSTEM = SystemActor()


def is_system(user: Any) -> bool:
    return user is SYSTEM


def acting(user: Any) -> Any:
    """The user a service acts for; `None` is a programming error (pass `SYSTEM`)."""
    if user is None:
        raise TypeError("A service needs the acting user; pass core.actors.SYSTEM for the system.")
    return user


def recorded(user: Any) -> Any:
    """The user to store (audit trail, `…_by` fields): None for the system or an anonymous."""
    return user if getattr(user, "pk", None) else None
