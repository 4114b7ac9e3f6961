"""A printout rendered in the background (issue 18): the decision list of a committee, a
cell's list of proposals … Its page shows the progress; the file is kept to download later."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import acting_user


class PrintJob(models.Model):
    """One printout (`exporters.printouts` identifier and its parameters) in one format."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    printout = models.CharField(_("printout"), max_length=60)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    fmt = models.CharField(_("format"), max_length=10)
    title = models.CharField(_("title"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    step = models.CharField(_("step"), max_length=120, blank=True)
    file = models.FileField(_("file"), upload_to="printouts/%Y/", blank=True)
    filename = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    error = models.TextField(blank=True)
    created_by = acting_user()
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The worker's sign of life (core.jobs): a job whose worker died is told apart from a slow one.
    attempt = models.PositiveSmallIntegerField(default=1)
    worker = models.CharField(max_length=120, blank=True, help_text="host:pid")
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("printout")
        verbose_name_plural = _("printouts")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title or self.printout
