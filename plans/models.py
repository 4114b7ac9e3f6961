"""The committee's yearly plan (kế hoạch thực hiện): items, measurable targets, breakthrough areas.

A target names a figure of the review report (plans.catalogue) rather than storing a number of
its own, so that its progress is always read from the same selectors as the report.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import vn
from core.fields import acting_user, link
from core.models import TrackedModel, unique


class Plan(TrackedModel):
    """One plan of a committee for one year, e.g. "Số 12-KH/ĐU"."""

    committee = link(
        "organisation.Unit", _("party committee"), models.PROTECT, related_name="plans"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number_symbol = models.CharField(_("number and symbol"), max_length=60, blank=True)
    issued_on = models.DateField(_("date issued"))
    title = models.CharField(_("title"), max_length=255)
    purpose = models.TextField(_("purpose and requirements"), blank=True)
    created_by = acting_user()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-year", "-issued_on", "pk"]
        constraints = [unique("committee", "year", name="unique_plan_per_year")]

    def __str__(self) -> str:
        if self.number_symbol:
            return f"{self.number_symbol} — {self.title}"
        return self.title

    def clean(self) -> None:
        if self.issued_on and self.year and self.issued_on.year not in (self.year - 1, self.year):
            raise ValidationError(
                {
                    "issued_on": gettext(
                        "A plan for %(year)s is issued in %(year)s or late in the year before."
                    )
                    % {"year": self.year}
                }
            )


class PlanItem(models.Model):
    """A task of the plan with its deadline and the units responsible for it."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    content = models.TextField(_("content"))
    deadline = models.DateField(_("deadline"))
    responsible_units = models.ManyToManyField(
        "organisation.Unit", verbose_name=_("responsible units"), blank=True, related_name="+"
    )
    responsible_text = models.CharField(
        _("responsible (other)"),
        max_length=255,
        blank=True,
        help_text=_("E.g. “Văn phòng Đảng ủy”, when the responsible body is not a unit."),
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[responsible_units])

    class Meta:
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        ordering = ["deadline", "pk"]

    def __str__(self) -> str:
        return self.content[:80]

    def clean(self) -> None:
        if self.deadline and self.plan_id and self.deadline < self.plan.issued_on:
            raise ValidationError(
                {
                    "deadline": gettext(
                        "The deadline %(deadline)s is before the plan's date %(date)s."
                    )
                    % {
                        "deadline": vn.format_date(self.deadline),
                        "date": vn.format_date(self.plan.issued_on),
                    }
                }
            )


class Target(TrackedModel):
    """A measurable target: a report figure compared with a value, by a date."""

    class Comparison(models.TextChoices):
        AT_LEAST = "gte", _("at least")
        AT_MOST = "lte", _("at most")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    figure = models.CharField(_("figure"), max_length=60)
    comparison = models.CharField(
        _("comparison"), max_length=3, choices=Comparison.choices, default=Comparison.AT_LEAST
    )
    value = models.DecimalField(_("value"), max_digits=7, decimal_places=2)
    due = models.DateField(_("by"))
    note = models.CharField(_("wording in the plan"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["due", "pk"]

    def __str__(self) -> str:
        return self.note or self.figure

    def clean(self) -> None:
        from .catalogue import FIGURES, PERCENT

        errors: dict[str, str] = {}
        figure = FIGURES.get(self.figure)
        if figure is None:
            errors["figure"] = gettext(
                "There is no figure “%(figure)s”; choose one of the figures the report computes."
            ) % {"figure": self.figure}
        elif figure.kind == PERCENT and self.value is not None and not 0 <= self.value <= 100:
            errors["value"] = gettext("A percentage lies between 0 and 100.")
        elif self.value is not None and self.value < 0:
            errors["value"] = gettext("A count cannot be negative.")
        if self.due and self.plan_id and self.due.year != self.plan.year:
            errors["due"] = gettext("The date %(date)s is outside the plan's year %(year)s.") % {
                "date": vn.format_date(self.due),
                "year": self.plan.year,
            }
        if errors:
            raise ValidationError(errors)


class BreakthroughArea(models.Model):
    """A breakthrough area (nội dung đột phá) of the plan, tied to a focus area.

    Meetings carry the focus area themselves; activities and inspections are tagged here.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="areas")
    focus_area = link(
        "meetings.FocusArea", _("focus area"), models.PROTECT, related_name="plan_areas"
    )
    actions = models.TextField(_("actions"), help_text=_("One action per line."))
    activities = models.ManyToManyField(
        "activities.Activity", verbose_name=_("activities"), blank=True, related_name="+"
    )
    inspections = models.ManyToManyField(
        "inspections.Inspection", verbose_name=_("inspections"), blank=True, related_name="+"
    )
    history = HistoricalRecords(m2m_fields=[activities, inspections])

    class Meta:
        verbose_name = _("breakthrough area")
        verbose_name_plural = _("breakthrough areas")
        ordering = ["pk"]
        constraints = [unique("plan", "focus_area", name="unique_area_per_plan")]

    def __str__(self) -> str:
        return self.focus_area.name

    def clean(self) -> None:
        if self.focus_area_id and self.plan_id:
            if self.focus_area.committee_id != self.plan.committee_id:
                raise ValidationError(
                    {"focus_area": gettext("The focus area belongs to another committee.")}
                )

    @property
    def action_lines(self) -> list[str]:
        return [line.strip() for line in self.actions.splitlines() if line.strip()]
