"""Model fields that many apps declare the same way."""

from typing import Any

from django.conf import settings
from django.db import models


def acting_user(verbose_name: Any = None, **options: Any) -> models.ForeignKey:
    """Who did a step (recorded, approved, decided …): kept as history, so the record survives
    the account being deleted, and no reverse accessor clutters the user model. Services
    fill it with `core.services.stamp` (or `actor`)."""
    if verbose_name is not None:
        options["verbose_name"] = verbose_name
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **options,
    )


def step_time(verbose_name: Any, **options: Any) -> models.DateTimeField:
    """When a step was done (approved, confirmed, decided …): empty until it is."""
    return models.DateTimeField(verbose_name, null=True, blank=True, **options)
