"""Yearly quality ratings of members and of party organisations."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Level(models.TextChoices):
    EXCELLENT = "excellent", _("Excellently completed tasks")  # HTXSNV
    GOOD = "good", _("Well completed tasks")  # HTTNV
    COMPLETE = "complete", _("Completed tasks")  # HTNV
    NOT_COMPLETE = "not_complete", _("Did not complete tasks")  # KHTNV


class Rating(models.Model):
    """One subject (a person or a unit) in one year. `level` is the committee's decision."""

    person = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ratings",
    )
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ratings",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    level = models.CharField(_("decided level"), max_length=20, choices=Level.choices, blank=True)
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=2, null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "year"],
                name="one_rating_per_person_year",
                condition=models.Q(person__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["unit", "year"],
                name="one_rating_per_unit_year",
                condition=models.Q(unit__isnull=False),
            ),
            models.CheckConstraint(
                condition=models.Q(person__isnull=False, unit__isnull=True)
                | models.Q(person__isnull=True, unit__isnull=False),
                name="rating_person_xor_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.unit} — {self.year}"
