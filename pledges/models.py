"""Pledges (bản cam kết), personal plans and conduct standards."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import acting_user, link, step_time
from core.models import TrackedModel, unique


def scan_path(instance: models.Model, filename: str) -> str:
    return f"pledges/scans/{filename}"


class Pledge(TrackedModel):
    """One pledge per person per year; the row always holds the current version.

    Once the cell secretary confirms it, it is locked: a change archives the confirmed text as
    a `PledgeVersion` and the pledge waits for confirmation again.
    """

    class Source(models.TextChoices):
        ONLINE = "online", _("Filled in by the person")
        PAPER = "paper", _("Paper form recorded by the cell")

    person = link("organisation.Person", _("person"), models.PROTECT, related_name="pledges")
    year = models.PositiveSmallIntegerField(_("year"))
    registered_on = models.DateField(_("date registered"))
    content = models.TextField(_("content"), blank=True)
    source = models.CharField(
        _("recorded as"), max_length=10, choices=Source.choices, default=Source.ONLINE
    )
    scan = models.FileField(_("signed scan"), upload_to=scan_path, blank=True)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    confirmed_at = step_time(_("confirmed at"))
    confirmed_by = acting_user(_("confirmed by"))
    recorded_by = acting_user(_("recorded by"))

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-year", "person__sort_key"]
        constraints = [unique("person", "year", name="one_pledge_per_person_year")]

    def __str__(self) -> str:
        return f"{self.person} — {self.year}"

    @property
    def is_locked(self) -> bool:
        return self.confirmed_at is not None


class PledgeVersion(TrackedModel):
    """A confirmed version of a pledge that a later change replaced; kept as it was."""

    pledge = link(Pledge, _("pledge"), models.CASCADE, related_name="versions")
    version = models.PositiveSmallIntegerField(_("version"))
    registered_on = models.DateField(_("date registered"))
    content = models.TextField(_("content"), blank=True)
    source = models.CharField(_("recorded as"), max_length=10, choices=Pledge.Source.choices)
    scan = models.CharField(_("signed scan"), max_length=255, blank=True)
    confirmed_at = step_time(_("confirmed at"))
    confirmed_by = acting_user(_("confirmed by"))
    replaced_at = models.DateTimeField(_("replaced at"), auto_now_add=True)
    replaced_by = acting_user(_("replaced by"))

    class Meta:
        verbose_name = _("pledge version")
        verbose_name_plural = _("pledge versions")
        ordering = ["pledge", "-version"]
        constraints = [unique("pledge", "version", name="one_pledge_version")]

    def __str__(self) -> str:
        return f"{self.pledge} — v{self.version}"


class PersonalPlan(TrackedModel):
    person = link("organisation.Person", _("person"), models.PROTECT, related_name="personal_plans")
    year = models.PositiveSmallIntegerField(_("year"))
    content = models.TextField(_("content"), blank=True)
    items = models.TextField(_("items"), blank=True, help_text=_("One item per line."))

    class Meta:
        verbose_name = _("personal plan")
        verbose_name_plural = _("personal plans")
        ordering = ["-year", "person__sort_key"]
        constraints = [unique("person", "year", name="one_plan_per_person_year")]

    def __str__(self) -> str:
        return f"{self.person} — {self.year}"

    @property
    def item_list(self) -> list[str]:
        return split_items(self.items)


class ConductStandard(TrackedModel):
    """Chuẩn mực: the committee's common standards or a cell's specific ones, for a year."""

    class Kind(models.TextChoices):
        COMMON = "common", _("Common standard")
        SPECIFIC = "specific", _("Specific standard")

    unit = link("organisation.Unit", _("unit"), models.PROTECT, related_name="conduct_standards")
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    items = models.TextField(_("items"), help_text=_("One item per line."))

    class Meta:
        verbose_name = _("conduct standard")
        verbose_name_plural = _("conduct standards")
        constraints = [unique("unit", "year", "kind", name="one_standard_per_unit_year")]

    def __str__(self) -> str:
        return f"{self.unit} — {self.year} — {self.get_kind_display()}"

    @property
    def item_list(self) -> list[str]:
        return split_items(self.items)


class PledgeTemplate(TrackedModel):
    """The committee's text that pre-fills every member's pledge for a year."""

    unit = link(
        "organisation.Unit", _("committee"), models.PROTECT, related_name="pledge_templates"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    text = models.TextField(_("template text"))

    class Meta:
        verbose_name = _("pledge template")
        verbose_name_plural = _("pledge templates")
        constraints = [unique("unit", "year", name="one_pledge_template_per_year")]

    def __str__(self) -> str:
        return f"{self.unit} — {self.year}"


def split_items(text: str) -> list[str]:
    """Lines of a list, without blanks and without the bullets people type."""
    items = []
    for line in (text or "").splitlines():
        line = line.strip().lstrip("-•*+").strip()
        if line:
            items.append(line)
    return items
