"""Abstract models and model pieces the domain apps share."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def unique(*fields: str, name: str, **options: Any) -> models.UniqueConstraint:
    """A unique constraint over `fields`, for a model's `Meta.constraints`."""
    return models.UniqueConstraint(fields=list(fields), name=name, **options)


class KeyedModel(models.Model):
    """A record with stored derived keys (diacritic-free search, Vietnamese sort) that
    `fill_keys()` computes from its fields. Saving fills them; bulk writers, which bypass
    `save()`, call `fill_keys()` on each object themselves."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        self.fill_keys()
        super().save(*args, **kwargs)

    def fill_keys(self) -> None:
        """Set the derived key columns from the record's fields."""


class JobStatus(models.TextChoices):
    """Where a background job stands (workbook jobs, report exports, a report's figures)."""

    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class TrackedModel(models.Model):
    """A record whose every change is kept with who made it (django-simple-history): its
    history is what the audit trail shows (`<app>/audited.py`). A model that needs options
    (excluded fields, many-to-many fields) declares its own `HistoricalRecords` instead."""

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
