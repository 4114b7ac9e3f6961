"""What every app's services share: who acted, and changing a record's fields.

Services are the only writers (docs/architecture.md). These helpers make them record the
acting user the same way everywhere, so the audit trail and the "who did this step" columns
agree, and apply a form's fields the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.utils import timezone

from core import bulk
from core.actors import acting, is_system, recorded
from core.policy import policy_for

M = TypeVar("M", bound=Model)


def actor(user: Any) -> Any:
    """The user as a column value: a real account, or None (the system actor, a job, an
    anonymous visitor). One definition: `core.actors.recorded`."""
    return recorded(user)


def check_permission(user: Any, action: str, obj: Model) -> None:
    """Refuse (PermissionDenied) unless the acting user may do `action` on `obj` under its
    model's policy. Services call it before they write, whoever called them; `None` is a
    programming error (commands, imports and the demo pass `core.actors.SYSTEM`)."""
    policy_for(obj).check(acting(user), action, obj)


def record_actor(obj: M, user: Any) -> M:
    """Tell django-simple-history who makes the next save or delete of `obj`, also outside a
    web request (imports, jobs). Without an account the history names nobody."""
    obj._history_user = actor(user)  # type: ignore[attr-defined]
    return obj


def stamp(obj: M, user: Any, step: str, *, when: Any = None) -> M:
    """Record that `user` did `step` now (or `when`): sets `<step>_by`, `<step>_at` where the
    model has it, and the history's user. Does not save."""
    setattr(obj, f"{step}_by", actor(user))
    if any(field.name == f"{step}_at" for field in obj._meta.concrete_fields):
        setattr(obj, f"{step}_at", when or timezone.now())
    return record_actor(obj, user)


def _differs(instance: Model, name: str, value: Any) -> bool:
    """Whether `value` differs from the instance's; a link compares ids (no query)."""
    field = next((f for f in instance._meta.concrete_fields if f.name == name), None)
    if field is not None and field.is_relation:
        return getattr(instance, field.attname) != getattr(value, "pk", value)
    return bool(getattr(instance, name, None) != value)


def save_as(obj: M, user: Any, *, exclude: Iterable[str] = ()) -> M:
    """Validate `obj` (every field but `exclude`), then save it recording `user` as its
    author in the history."""
    obj.full_clean(exclude=list(exclude) or None)
    record_actor(obj, user).save()
    return obj


def model_update(
    instance: Model,
    fields: Mapping[str, Any],
    *,
    allowed: Iterable[str] | None = None,
    user: Any = None,
    save: bool = True,
    strip: bool = False,
) -> bool:
    """Set `fields` on `instance` and, with `save`, validate it and save it recording `user`.

    `allowed` names the fields a caller may set; any other is a programming error
    (TypeError). `strip` trims text values. The save writes every column, not only the
    changed ones, because models fill derived keys (search keys, paths) and `auto_now`
    stamps in `save()`. Returns whether any value differed from the stored one."""
    if allowed is not None:
        unknown = set(fields) - set(allowed)
        if unknown:
            raise TypeError(f"unknown fields: {sorted(unknown)}")
    changed = False
    for name, value in fields.items():
        if strip and isinstance(value, str):
            value = value.strip()
        changed = changed or _differs(instance, name, value)
        setattr(instance, name, value)
    if save:
        save_as(instance, user)
    return changed


def save_many(user: Any, objects: Sequence[M], fields: Sequence[str] = ()) -> list[M]:
    """Write many complete records at once, in batches: new objects are created, the others
    have `fields` updated (`core.bulk.save_all`); the new ones are returned. This is the
    demo's way to its volume: the records skip `full_clean()` and the per-record policy, so
    only the system actor may (PermissionDenied for anyone else), and they start without an
    audit trail (nobody edited them; tens of thousands of history rows would only slow the
    demo down)."""
    if not is_system(acting(user)):
        raise PermissionDenied
    if not objects:
        return []
    new = bulk.save_all(type(objects[0]), objects, fields, user=user, history=False)
    from reports.versions import records_changed  # bulk writes send no signals

    records_changed()  # every stored figure is stale, as after an import
    return new  # type: ignore[return-value]
