"""One subject's rating of one year: the round's steps and the decided level."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import acting_user, optional_link, step_time
from core.models import TrackedModel, unique

from .levels import Level, score_field


class Rating(TrackedModel):
    """One subject (a person or a unit) in one year. `level` is the committee's decision."""

    person = optional_link(
        "organisation.Person", _("person"), models.PROTECT, related_name="ratings"
    )
    unit = optional_link("organisation.Unit", _("unit"), models.PROTECT, related_name="ratings")
    year = models.PositiveSmallIntegerField(_("year"))
    level = models.CharField(_("decided level"), max_length=20, choices=Level.choices, blank=True)
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=2, null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    # Where the subject sat that year: the cell that reviews it and the committee that decides.
    cell = optional_link(
        "organisation.Unit", _("cell"), models.PROTECT, related_name="cell_ratings"
    )
    committee = optional_link(
        "organisation.Unit", _("committee"), models.PROTECT, related_name="committee_ratings"
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
    shortcomings_fixed = models.BooleanField(
        _("every shortcoming found in the year fixed"), default=False
    )
    self_assessed_by = acting_user(_("self-assessed by"))
    self_assessed_at = step_time(_("self-assessed at"))

    # 2. The cell's review at its meeting.
    proposed_level = models.CharField(
        _("level proposed by the cell"), max_length=20, choices=Level.choices, blank=True
    )
    proposal_meeting = optional_link(
        "meetings.Meeting", _("reviewing meeting"), models.PROTECT, related_name="rating_proposals"
    )
    proposal_note = models.TextField(_("cell's remarks"), blank=True)
    proposed_by = acting_user(_("proposed by"))
    proposed_at = step_time(_("proposed at"))

    # 3. The committee's decision (`level` above).
    decided_by = acting_user(_("decided by"))
    decided_at = step_time(_("decided at"))
    imported = models.BooleanField(_("imported from a workbook"), default=False)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            unique(
                "person",
                "year",
                name="one_rating_per_person_year",
                condition=models.Q(person__isnull=False),
            ),
            unique(
                "unit",
                "year",
                name="one_rating_per_unit_year",
                condition=models.Q(unit__isnull=False),
            ),
            models.CheckConstraint(
                condition=models.Q(person__isnull=False, unit__isnull=True)
                | models.Q(person__isnull=True, unit__isnull=False),
                name="rating_person_xor_unit",
            ),
        ]
        indexes = [
            models.Index(fields=["committee", "year", "level"]),
            # The years with a decided rating (which rule sets are in use): a few index probes
            # instead of reading every rating of the province (ratings.selectors.decided_years).
            models.Index(
                fields=["year"], name="rating_decided_year", condition=~models.Q(level="")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.unit} — {self.year}"

    @property
    def subject(self):
        return self.person or self.unit

    @property
    def is_decided(self) -> bool:
        return bool(self.level)
