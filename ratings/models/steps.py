"""What happens to a rating after the round: capping conditions, decisions, complaints and
reconsiderations. Nothing here is ever erased: the history of a rating is these rows."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import acting_user, link, optional_link, step_time
from core.models import TrackedModel

from .levels import Level
from .rating import Rating


class CapCondition(TrackedModel):
    """A recorded fact that caps a member's level at KHTNV for one year (rules.md)."""

    class Kind(models.TextChoices):
        DISCIPLINED = "disciplined", _("Disciplined during the year")
        DEGRADATION = "degradation", _("Concluded signs of degradation")
        TARGETS = "targets", _("Completed less than half of the assigned targets")
        JOB = "job", _("Rated “did not complete” in his job as a civil servant")

    person = link("organisation.Person", _("person"), models.PROTECT, related_name="rating_caps")
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

    class Meta:
        verbose_name = _("capping condition")
        verbose_name_plural = _("capping conditions")
        ordering = ["-year", "person__sort_key"]
        indexes = [models.Index(fields=["person", "year"])]

    def __str__(self) -> str:
        return f"{self.person} — {self.year} — {self.get_kind_display()}"


class RatingDecision(TrackedModel):
    """Every decision that set or changed a rating's level: the first one of the round, and
    each new decision (number, date, reason) that answers a complaint or a reconsideration."""

    class Kind(models.TextChoices):
        ROUND = "round", _("Decision of the round")
        COMPLAINT = "complaint", _("New decision on a complaint")
        RECONSIDERATION = "reconsideration", _("New decision on reconsideration")
        IMPORTED = "imported", _("Imported from a workbook")

    rating = link(Rating, _("rating"), models.CASCADE, related_name="decisions")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    level = models.CharField(_("decided level"), max_length=20, choices=Level.choices)
    previous_level = models.CharField(
        _("level before"), max_length=20, choices=Level.choices, blank=True
    )
    number = models.CharField(_("decision number"), max_length=40, blank=True)
    date = models.DateField(_("decision date"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    decided_by = acting_user(_("decided by"))
    decided_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["rating", "decided_at", "pk"]

    def __str__(self) -> str:
        return f"{self.rating} — {self.get_level_display()}"


class Complaint(TrackedModel):
    """A complaint (khiếu nại) by or for the member, or a reconsideration (xem xét lại) the
    office opens when a discipline is found after the decision. Neither suspends the decision:
    the level stays until the answer, and only a new decision changes it."""

    class Kind(models.TextChoices):
        COMPLAINT = "complaint", _("Complaint")
        RECONSIDERATION = "reconsideration", _("Reconsideration")

    class Outcome(models.TextChoices):
        KEEP = "keep", _("Decision kept")
        CHANGE = "change", _("Changed by a new decision")

    rating = link(Rating, _("rating"), models.CASCADE, related_name="complaints")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COMPLAINT)
    text = models.TextField(_("complaint"))
    previous_level = models.CharField(
        _("level complained against"), max_length=20, choices=Level.choices
    )
    lodged_by = acting_user(_("recorded by"))
    lodged_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    outcome = models.CharField(_("answer"), max_length=10, choices=Outcome.choices, blank=True)
    answer = models.TextField(_("reason of the answer"), blank=True)
    answered_by = acting_user(_("answered by"))
    decision = optional_link(RatingDecision, _("new decision"), models.PROTECT, related_name="+")
    resolved_level = models.CharField(
        _("level after the answer"), max_length=20, choices=Level.choices, blank=True
    )
    resolved_at = step_time(_("answered at"))

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-lodged_at"]

    def __str__(self) -> str:
        return f"{self.rating} — {self.lodged_at:%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None
