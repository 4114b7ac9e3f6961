"""Background work on workbooks: checking and importing an upload, exporting a committee."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import optional_link
from core.models import JobStatus, TrackedModel


class WorkbookJob(models.Model):
    """One upload (checked, then imported) or one export, run by the task worker.

    The page polls the job for its progress; the check's result (errors and planned changes)
    is kept on the job, so reloading the preview never reads the file again.
    """

    class Kind(models.TextChoices):
        CHECK = "check", _("Check")
        IMPORT = "import", _("Import")
        EXPORT = "export", _("Export")

    Status = JobStatus

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    step = models.CharField(_("step"), max_length=120, blank=True)
    upload = models.FileField(_("uploaded workbook"), upload_to="workbook/uploads/", blank=True)
    upload_name = models.CharField(max_length=255, blank=True)
    committee = models.ForeignKey(
        "organisation.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    file = models.FileField(_("file"), upload_to="workbook/exports/", blank=True)
    filename = models.CharField(max_length=255, blank=True)
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The worker's sign of life (core.jobs): a job whose worker died is told from a slow one.
    attempt = models.PositiveSmallIntegerField(default=1)
    worker = models.CharField(max_length=120, blank=True, help_text="host:pid")
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("workbook job")
        verbose_name_plural = _("workbook jobs")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.upload_name or self.filename}"

    @property
    def running(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING)


class WorkbookImport(TrackedModel):
    """One committed import, for the audit trail: who imported which file, and what each
    sheet created and changed (the rows themselves carry the importer in their history)."""

    file_name = models.CharField(_("file"), max_length=255)
    unit = optional_link("organisation.Unit", _("unit"), models.SET_NULL, related_name="+")
    summary = models.TextField(_("result"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("workbook import")
        verbose_name_plural = _("workbook imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.file_name
