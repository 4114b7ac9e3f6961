"""The four levels and the score field every rating model shares."""

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

SCORE_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


def score_field(verbose_name: Any, **options: Any) -> models.DecimalField:
    """An optional score or percentage between 0 and 100, with two decimals."""
    return models.DecimalField(
        verbose_name,
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=SCORE_VALIDATORS,
        **options,
    )


class Level(models.TextChoices):
    EXCELLENT = "excellent", _("Excellently completed tasks")  # HTXSNV
    GOOD = "good", _("Well completed tasks")  # HTTNV
    COMPLETE = "complete", _("Completed tasks")  # HTNV
    NOT_COMPLETE = "not_complete", _("Did not complete tasks")  # KHTNV


LEVEL_ORDER = [Level.EXCELLENT, Level.GOOD, Level.COMPLETE, Level.NOT_COMPLETE]
LEVEL_ABBREVIATIONS = {
    Level.EXCELLENT: "HTXSNV",
    Level.GOOD: "HTTNV",
    Level.COMPLETE: "HTNV",
    Level.NOT_COMPLETE: "KHTNV",
}

# The party's own words, fixed: printed documents and the workbook use them in any language.
LEVEL_LABELS_VI = {
    Level.EXCELLENT: "Hoàn thành xuất sắc nhiệm vụ",
    Level.GOOD: "Hoàn thành tốt nhiệm vụ",
    Level.COMPLETE: "Hoàn thành nhiệm vụ",
    Level.NOT_COMPLETE: "Không hoàn thành nhiệm vụ",
}
