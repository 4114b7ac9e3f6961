"""Model fields that many apps declare the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def acting_user(verbose_name: StrOrPromise) -> models.ForeignKey:
    """Who did a step (recorded, approved, decided …): kept as history, so the record survives
    the account being deleted, and no reverse accessor clutters the user model."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
