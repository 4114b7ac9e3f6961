"""Abstract models and model pieces the domain apps share."""

import posixpath
from typing import Any, ClassVar

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .fields import acting_user


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


def job_file_path(job: "BackgroundJob", filename: str) -> str:
    """Where a job's produced file is stored: its model's `files_under` folder, which may
    hold `strftime` codes as an `upload_to` string does."""
    return posixpath.join(timezone.localtime().strftime(job.files_under), filename)


class BackgroundJob(models.Model):
    """A job a worker runs (`core.jobs.JobRecords` writes it): its state and progress for the
    page that polls it, the produced file, its name and type, and the worker's signs of life,
    so that a job whose worker died is told apart from a slow one. A concrete job sets
    `files_under` and declares `class Meta(BackgroundJob.Meta)` to keep the newest first."""

    Status = JobStatus
    files_under: ClassVar[str] = "jobs/%Y/"

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    step = models.CharField(_("step"), max_length=120, blank=True)
    file = models.FileField(_("file"), upload_to=job_file_path, blank=True)
    filename = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    error = models.TextField(blank=True)
    created_by = acting_user()
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    attempt = models.PositiveSmallIntegerField(default=1)
    worker = models.CharField(max_length=120, blank=True, help_text="host:pid")
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    @property
    def running(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING)


class TrackedModel(models.Model):
    """A record whose every change is kept with who made it (django-simple-history): its
    history is what the audit trail shows (`<app>/audited.py`). A model that needs options
    (excluded fields, many-to-many fields) declares its own `HistoricalRecords` instead."""

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
