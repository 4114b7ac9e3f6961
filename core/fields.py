"""Model fields that many apps declare the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def acting_user(verbose_name: StrOrPromise | None = None, **options: Any) -> models.ForeignKey:
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


def link(to: Any, verbose_name: Any, on_delete: Any, **options: Any) -> models.ForeignKey:
    """A link every record has (its unit, person, committee, parent record …)."""
    return models.ForeignKey(to, verbose_name=verbose_name, on_delete=on_delete, **options)


def optional_link(to: Any, verbose_name: Any, on_delete: Any, **options: Any) -> models.ForeignKey:
    """A link a record may lack (a subject person or unit, a focus area …)."""
    return models.ForeignKey(
        to, verbose_name=verbose_name, null=True, blank=True, on_delete=on_delete, **options
    )


def derived_key(max_length: int = 255) -> models.CharField:
    """A stored key computed from other fields (diacritic-free search, Vietnamese sort):
    filled by `save()` / `fill_keys()`, never typed in, indexed for lookups."""
    return models.CharField(max_length=max_length, editable=False, default="", db_index=True)
