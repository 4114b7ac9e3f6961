"""Shared by the apps' service-permission tests: a refused write leaves nothing behind."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db.models import Model


def _rows(models: tuple[type[Model], ...]) -> dict[str, list[dict[str, Any]]]:
    tables = [*models, *(m.history.model for m in models if hasattr(m, "history"))]  # type: ignore[attr-defined]
    return {t._meta.label: list(t._default_manager.order_by("pk").values()) for t in tables}


def assert_refused(call: Callable[[], Any], *models: type[Model]) -> None:
    """`call()` raises PermissionDenied, and every row of `models` and of their audit trail
    is as it was before."""
    before = _rows(models)
    with pytest.raises(PermissionDenied):
        call()
    assert _rows(models) == before
