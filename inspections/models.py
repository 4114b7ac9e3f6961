"""Inspections and supervisions, their conclusions and the remediation they require."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Inspection(models.Model):
    class Form(models.TextChoices):
        INSPECTION = "inspection", _("Inspection")  # Kiểm tra
        SUPERVISION = "supervision", _("Supervision")  # Giám sát

    code = models.CharField(_("code"), max_length=40, unique=True)
    form = models.CharField(_("form"), max_length=20, choices=Form.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    subject_unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("subject unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inspections",
    )
    subject_person = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("subject person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inspections",
    )
    content = models.TextField(_("content"))
    concluded_on = models.DateField(_("conclusion date"), null=True, blank=True)
    conclusion = models.TextField(_("conclusion"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inspection or supervision")
        verbose_name_plural = _("inspections and supervisions")
        ordering = ["-year", "code"]

    def __str__(self) -> str:
        return f"{self.code} — {self.content[:60]}"


class Remediation(models.Model):
    inspection = models.ForeignKey(
        Inspection,
        verbose_name=_("inspection"),
        on_delete=models.CASCADE,
        related_name="remediations",
    )
    content = models.TextField(_("content"))
    deadline = models.DateField(_("deadline"))
    # Set when the inspector verifies the task as done; blank while open.
    completed_on = models.DateField(_("completion date"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("remediation task")
        verbose_name_plural = _("remediation tasks")
        ordering = ["deadline", "pk"]

    def __str__(self) -> str:
        return self.content[:60]
