"""The rating rules of a span of years, kept as data."""

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import TrackedModel

from .levels import score_field


def rule(verbose_name: Any, default: bool = False) -> models.BooleanField:
    """A condition of the rating rules that a rule set applies or not."""
    return models.BooleanField(verbose_name, default=default)


def month_field(verbose_name: Any, default: int) -> models.PositiveSmallIntegerField:
    """A month of the year (1–12)."""
    return models.PositiveSmallIntegerField(
        verbose_name,
        default=default,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )


class RuleSet(TrackedModel):
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
    scored = rule(_("scores on 100 points"))
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
    self_assessment_required = rule(
        _("self-assessment and cell review required before the decision"), default=True
    )
    self_fixed_exempt = rule(_("a violation the member found and fixed himself does not cap"))
    # Conditions added in issue 12: each is a field, its citation in `citations` under the
    # field's name, so that a refusal can say which rule of which regulation blocks a step.
    good_needs_on_time = rule(_("well completed needs every task done on time"))
    excellent_needs_shortcomings_fixed = rule(
        _("excellent needs every shortcoming found in the year fixed")
    )
    decision_follows_score = rule(
        _("the decided level must agree with the score and the task conditions")
    )
    job_rating_caps = rule(_("a civil servant rated “did not complete” in his job is capped"))
    unit_after_members = rule(_("a cell is decided only after all its members"), default=True)
    unit_excellent_no_disciplined = rule(
        _("no excellent for a cell with a member disciplined that year")
    )
    review_start_month = month_field(_("cell reviews from (month of the year rated)"), default=11)
    review_end_month = month_field(_("cell reviews until (month of the next year)"), default=3)
    level_names = models.TextField(
        _("level names for members"),
        blank=True,
        help_text=_("The four names this rule set used, best first, one per line; blank: today's."),
    )
    unit_level_names = models.TextField(
        _("level names for party organisations"), blank=True, help_text=_("As above.")
    )
    citations = models.JSONField(
        _("citations"),
        default=dict,
        blank=True,
        help_text=_("Field name → the article of the regulation it comes from."),
    )
    note = models.TextField(_("note"), blank=True)

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
