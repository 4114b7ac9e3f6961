"""Background work on workbooks: checking and importing an upload, exporting a committee."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import optional_link
from core.models import BackgroundJob, TrackedModel


class WorkbookJob(BackgroundJob):
    """One upload (checked, then imported) or one export, run by the task worker.

    The page polls the job for its progress; the check's result (errors and planned changes)
    is kept on the job, so reloading the preview never reads the file again.
    """

    class Kind(models.TextChoices):
        CHECK = "check", _("Check")
        IMPORT = "import", _("Import")
        EXPORT = "export", _("Export")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    upload = models.FileField(_("uploaded workbook"), upload_to="workbook/uploads/", blank=True)
    upload_name = models.CharField(max_length=255, blank=True)
    committee = models.ForeignKey(
        "organisation.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    result = models.JSONField(default=dict, blank=True)
    # Unlike other jobs, a workbook job is its owner's alone (only he sees it) and an import
    # runs as him: it cannot outlive him, so it is deleted with him.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    files_under = "workbook/exports/"

    class Meta(BackgroundJob.Meta):
        verbose_name = _("workbook job")
        verbose_name_plural = _("workbook jobs")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.upload_name or self.filename}"


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
