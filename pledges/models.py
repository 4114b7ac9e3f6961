"""Pledges (bản cam kết), personal plans and conduct standards."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Pledge(models.Model):
    person = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="pledges",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    registered_on = models.DateField(_("date registered"))
    content = models.TextField(_("content"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-year", "person__sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="one_pledge_per_person_year")
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.year}"


class PersonalPlan(models.Model):
    person = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="personal_plans",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    content = models.TextField(_("content"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("personal plan")
        verbose_name_plural = _("personal plans")
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="one_plan_per_person_year")
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.year}"


class ConductStandard(models.Model):
    """Chuẩn mực: the committee's common standards or a cell's specific ones, for a year."""

    class Kind(models.TextChoices):
        COMMON = "common", _("Common standard")
        SPECIFIC = "specific", _("Specific standard")

    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="conduct_standards",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    items = models.TextField(_("items"), help_text=_("One item per line."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("conduct standard")
        verbose_name_plural = _("conduct standards")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "kind"], name="one_standard_per_unit_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.year} — {self.get_kind_display()}"
