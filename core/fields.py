"""Model fields that many apps declare the same way."""

from django.conf import settings
from django.db import models


def acting_user(verbose_name: str) -> models.ForeignKey:
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
