"""Bulk writes for the services that take many rows at once (a workbook import): new
objects are created and existing ones updated in batches, with their audit-trail rows when
the model keeps a history, so a service writes ten thousand rows in a few queries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from django.db import models
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core.actors import recorded

BATCH = 1000
M = TypeVar("M", bound=models.Model)


def filled(obj: M, values: dict[str, Any]) -> M:
    """`obj` with `values` set on it (field name → value)."""
    for name, value in values.items():
        setattr(obj, name, value)
    return obj


def save_all(
    model: type[models.Model],
    objects: Iterable[models.Model],
    fields: Sequence[str],
    *,
    user: Any = None,
    history: bool = True,
) -> list[models.Model]:
    """Create the objects without a primary key, update `fields` of the others; the new
    objects are returned (with their keys where the database gives them back). `history`
    False writes no audit-trail rows (the demo's bulk records)."""
    objects = list(objects)
    new = [obj for obj in objects if obj.pk is None]
    old = [obj for obj in objects if obj.pk is not None]
    user = recorded(user)
    keeps_history = history and hasattr(model, "history")
    if new:
        if keeps_history:
            new = bulk_create_with_history(new, model, batch_size=BATCH, default_user=user)
        else:
            new = model._default_manager.bulk_create(new, batch_size=BATCH)
    if old:
        if keeps_history:
            bulk_update_with_history(old, model, list(fields), batch_size=BATCH, default_user=user)
        else:
            model._default_manager.bulk_update(old, list(fields), batch_size=BATCH)
    return new
