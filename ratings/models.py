"""Yearly quality ratings of members and of party organisations, and the rules behind them.

`Rating.level` is the committee's decided level (blank until decided); the report reads it
together with `person`/`unit` and `year`. Everything else here serves the round that leads to
that decision: the self-assessment, the cell's proposal at its meeting, the decision, the
complaints that reopen it, the conditions that cap a level, and the rule set of each year.
"""

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.fields import acting_user

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


class RuleSet(models.Model):
    """The rating rules of a span of years (Quy định 132, Hướng dẫn 21, Quy định 124, 366 …).

    Kept as data so that a year is judged by the rules of that year, and the office can add
    the next rule set without code. A rule set that decided ratings were judged by is frozen.
    """

    class QuotaBase(models.TextChoices):
        GOOD = "good", _("of those rated well completed (HTTNV)")
        RATED = "rated", _("of all those rated")

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(
        _("last year"), null=True, blank=True, help_text=_("Blank: until a newer rule set.")
    )
    documents = models.TextField(
        _("source documents"), help_text=_("The regulations and guidance, one per line.")
    )
    scored = models.BooleanField(_("scores on 100 points"), default=False)
    excellent_min_score = score_field(_("lowest score for excellent"))
    good_min_score = score_field(_("lowest score for well completed"))
    complete_min_score = score_field(_("lowest score for completed"))
    excellent_beyond_target_percent = score_field(
        _("share of tasks beyond target for excellent (%)"),
        help_text=_("With all tasks done on time; blank when the rule set does not ask it."),
    )
    quota_percent = score_field(_("quota on excellent (%)"), help_text=_("Blank: no quota."))
    quota_base = models.CharField(
        _("quota base"), max_length=10, choices=QuotaBase.choices, default=QuotaBase.GOOD
    )
    self_assessment_required = models.BooleanField(
        _("self-assessment and cell review required before the decision"), default=True
    )
    self_fixed_exempt = models.BooleanField(
        _("a violation the member found and fixed himself does not cap"), default=False
    )
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rule set")
        verbose_name_plural = _("rule sets")
        ordering = ["first_year"]

    def __str__(self) -> str:
        return self.name

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    @property
    def years_label(self) -> str:
        if self.last_year is None:
            return f"{self.first_year} –"
        if self.last_year == self.first_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"


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

    # Where the subject sat that year: the cell that reviews it and the committee that decides.
    cell = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("cell"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cell_ratings",
    )
    committee = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("committee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="committee_ratings",
    )

    # 1. Self-assessment (a member's own; for a cell, its secretary's report).
    self_text = models.TextField(_("self-assessment"), blank=True)
    self_score = score_field(_("self-assessed score"))
    self_level = models.CharField(
        _("self-proposed level"), max_length=20, choices=Level.choices, blank=True
    )
    all_tasks_done = models.BooleanField(_("all tasks done"), default=False)
    all_tasks_on_time = models.BooleanField(_("all tasks done on time"), default=False)
    beyond_target_percent = score_field(_("share of tasks beyond target (%)"))
    self_assessed_by = acting_user(_("self-assessed by"))
    self_assessed_at = models.DateTimeField(_("self-assessed at"), null=True, blank=True)

    # 2. The cell's review at its meeting.
    proposed_level = models.CharField(
        _("level proposed by the cell"), max_length=20, choices=Level.choices, blank=True
    )
    proposal_meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("reviewing meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rating_proposals",
    )
    proposal_note = models.TextField(_("cell's remarks"), blank=True)
    proposed_by = acting_user(_("proposed by"))
    proposed_at = models.DateTimeField(_("proposed at"), null=True, blank=True)

    # 3. The committee's decision (`level` above).
    decided_by = acting_user(_("decided by"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    imported = models.BooleanField(_("imported from a workbook"), default=False)

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
        indexes = [models.Index(fields=["committee", "year", "level"])]

    def __str__(self) -> str:
        return f"{self.person or self.unit} — {self.year}"

    @property
    def subject(self):
        return self.person or self.unit

    @property
    def is_decided(self) -> bool:
        return bool(self.level)


class CapCondition(models.Model):
    """A recorded fact that caps a member's level at KHTNV for one year (rules.md)."""

    class Kind(models.TextChoices):
        DISCIPLINED = "disciplined", _("Disciplined during the year")
        DEGRADATION = "degradation", _("Concluded signs of degradation")
        TARGETS = "targets", _("Completed less than half of the assigned targets")

    person = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="rating_caps",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("condition"), max_length=20, choices=Kind.choices)
    source = models.CharField(
        _("source"), max_length=255, help_text=_("The decision or conclusion, e.g. 12-QĐ/UBKT.")
    )
    self_fixed = models.BooleanField(
        _("found and fixed by the member himself"),
        default=False,
        help_text=_("From 2023 such a violation does not cap the level."),
    )
    note = models.TextField(_("note"), blank=True)
    recorded_by = acting_user(_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("capping condition")
        verbose_name_plural = _("capping conditions")
        ordering = ["-year", "person__sort_key"]
        indexes = [models.Index(fields=["person", "year"])]

    def __str__(self) -> str:
        return f"{self.person} — {self.year} — {self.get_kind_display()}"


class Complaint(models.Model):
    """A complaint against a decision: it reopens the decision and stays on record."""

    rating = models.ForeignKey(
        Rating, verbose_name=_("rating"), on_delete=models.CASCADE, related_name="complaints"
    )
    text = models.TextField(_("complaint"))
    previous_level = models.CharField(
        _("level complained against"), max_length=20, choices=Level.choices
    )
    lodged_by = acting_user(_("recorded by"))
    lodged_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    resolved_level = models.CharField(
        _("level decided again"), max_length=20, choices=Level.choices, blank=True
    )
    resolved_at = models.DateTimeField(_("decided again at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-lodged_at"]

    def __str__(self) -> str:
        return f"{self.rating} — {self.lodged_at:%d/%m/%Y}"
