"""Inspections and supervisions, their conclusions and the remediation they require.

Contract read by the review report (never rename or remove): Inspection.code, form, year,
subject_unit / subject_person, content, concluded_on, conclusion; Remediation.inspection,
content, deadline, completed_on (the date the inspector verified the task as done).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core import vn
from core.fields import acting_user, derived_key, link, optional_link
from core.models import KeyedModel, TrackedModel, unique


class InspectionPlan(TrackedModel):
    """The year's inspection and supervision plan (kế hoạch kiểm tra, giám sát)."""

    committee = link(
        "organisation.Unit", _("committee"), models.PROTECT, related_name="inspection_plans"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number_symbol = models.CharField(
        _("number and symbol"), max_length=60, blank=True, help_text=_("e.g. 03-KH/ĐU")
    )
    issued_on = models.DateField(_("date issued"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=255, blank=True)
    document = optional_link(
        "documents.Document",
        _("document in the register"),
        models.SET_NULL,
        related_name="inspection_plans",
    )
    file = models.FileField(_("file"), upload_to="inspections/plans/%Y/", blank=True)
    search_key = derived_key(500)

    class Meta:
        verbose_name = _("inspection plan")
        verbose_name_plural = _("inspection plans")
        ordering = ["-year"]
        constraints = [unique("committee", "year", name="one_inspection_plan_a_year")]

    def __str__(self) -> str:
        return self.display_title

    def save(self, *args, **kwargs) -> None:
        self.search_key = vn.search_key(f"{self.year} {self.number_symbol} {self.title}")[:500]
        super().save(*args, **kwargs)

    @property
    def display_title(self) -> str:
        return self.title or f"Kế hoạch kiểm tra, giám sát năm {self.year}"


class Inspection(KeyedModel, TrackedModel):
    """One item of the plan: an inspection or a supervision of a cell, sub-committee or member."""

    class Form(models.TextChoices):
        INSPECTION = "inspection", _("Inspection")  # Kiểm tra
        SUPERVISION = "supervision", _("Supervision")  # Giám sát

    class Regularity(models.TextChoices):
        REGULAR = "regular", _("Regular")  # thường xuyên
        THEMATIC = "thematic", _("Thematic")  # chuyên đề

    class State(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("inspection state", "Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        CONCLUDED = "concluded", _("Concluded")

    code = models.CharField(_("code"), max_length=40, unique=True)
    form = models.CharField(_("form"), max_length=20, choices=Form.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    subject_unit = optional_link(
        "organisation.Unit", _("subject unit"), models.PROTECT, related_name="inspections"
    )
    subject_person = optional_link(
        "organisation.Person", _("subject person"), models.PROTECT, related_name="inspections"
    )
    content = models.TextField(_("content"))
    concluded_on = models.DateField(_("conclusion date"), null=True, blank=True)
    conclusion = models.TextField(_("conclusion"), blank=True)

    plan = optional_link(InspectionPlan, _("plan"), models.PROTECT, related_name="items")
    regularity = models.CharField(
        _("regularity"), max_length=10, choices=Regularity.choices, default=Regularity.REGULAR
    )
    state = models.CharField(
        _("state"), max_length=15, choices=State.choices, default=State.PLANNED, db_index=True
    )
    document = optional_link(
        "documents.Document", _("related document"), models.SET_NULL, related_name="inspections"
    )
    study_topic = optional_link(
        "documents.StudyTopic",
        _("related study topic"),
        models.SET_NULL,
        related_name="inspections",
    )
    team = models.TextField(_("team"), blank=True, help_text=_("Members of the team, one a line."))
    planned_from = models.DateField(_("planned from"), null=True, blank=True)
    planned_to = models.DateField(_("planned to"), null=True, blank=True)
    started_on = models.DateField(_("start date"), null=True, blank=True)
    ended_on = models.DateField(_("end date"), null=True, blank=True)
    team_report = models.TextField(_("team's report"), blank=True)
    team_report_file = models.FileField(
        _("team's report file"), upload_to="inspections/reports/%Y/", blank=True
    )
    conclusion_number = models.CharField(_("conclusion number"), max_length=60, blank=True)
    conclusion_file = models.FileField(
        _("conclusion file"), upload_to="inspections/conclusions/%Y/", blank=True
    )
    search_key = derived_key(500)

    class Meta:
        verbose_name = _("inspection or supervision")
        verbose_name_plural = _("inspections and supervisions")
        ordering = ["-year", "code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(subject_unit__isnull=True)
                ^ models.Q(subject_person__isnull=True),
                name="inspection_one_subject",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.content[:60]}"

    @property
    def subject(self):
        return self.subject_unit or self.subject_person

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if bool(self.subject_unit_id) == bool(self.subject_person_id):
            errors["subject_unit"] = gettext(
                "Choose either a unit or a member as the subject, not both."
            )
        if self.planned_from and self.planned_to and self.planned_to < self.planned_from:
            errors["planned_to"] = gettext("The planned period ends before it begins.")
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            errors["ended_on"] = gettext("The end date is before the start date.")
        if self.started_on and self.concluded_on and self.concluded_on < self.started_on:
            errors["concluded_on"] = gettext(
                "The conclusion (%(concluded)s) is dated before the item began (%(started)s)."
            ) % {
                "concluded": vn.format_date(self.concluded_on),
                "started": vn.format_date(self.started_on),
            }
        if errors:
            raise ValidationError(errors)

    @property
    def subject_code(self) -> str:
        subject = self.subject
        return subject.code if subject else ""

    def fill_keys(self) -> None:
        subject = self.subject
        self.search_key = vn.search_key(
            f"{self.code} {subject.code if subject else ''} {subject or ''} {self.content}"
        )[:500]


class Finding(TrackedModel):
    """What the conclusion found: a strength, a limitation or a shortcoming."""

    class Kind(models.TextChoices):
        STRENGTH = "strength", _("Strength")  # ưu điểm
        LIMITATION = "limitation", _("Limitation")  # hạn chế
        SHORTCOMING = "shortcoming", _("Shortcoming")  # khuyết điểm

    inspection = link(Inspection, _("inspection"), models.CASCADE, related_name="findings")
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["inspection", "kind", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class Remediation(KeyedModel, TrackedModel):
    class State(models.TextChoices):
        OPEN = "open", pgettext_lazy("task state", "Open")
        SUBMITTED = "submitted", _("Submitted")
        VERIFIED = "verified", _("Verified")
        RETURNED = "returned", _("Returned")

    inspection = link(Inspection, _("inspection"), models.CASCADE, related_name="remediations")
    content = models.TextField(_("content"))
    deadline = models.DateField(_("deadline"))
    # Set when the inspector verifies the task as done; blank while open.
    completed_on = models.DateField(_("completion date"), null=True, blank=True)

    finding = optional_link(Finding, _("shortcoming"), models.SET_NULL, related_name="remediations")
    responsible_unit = optional_link(
        "organisation.Unit", _("responsible unit"), models.PROTECT, related_name="remediations"
    )
    responsible_person = optional_link(
        "organisation.Person", _("responsible person"), models.PROTECT, related_name="remediations"
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.OPEN, db_index=True
    )
    created_on = models.DateField(_("date set"), default=timezone.localdate)
    verified_by = acting_user(_("verified by"))
    search_key = derived_key(500)

    class Meta:
        verbose_name = _("remediation task")
        verbose_name_plural = _("remediation tasks")
        ordering = ["deadline", "pk"]

    def __str__(self) -> str:
        return self.content[:60]

    def clean(self) -> None:
        errors: dict[str, str] = {}
        concluded_on = self.inspection.concluded_on if self.inspection_id else None
        if self.deadline and concluded_on and self.deadline < concluded_on:
            errors["deadline"] = gettext(
                "The deadline (%(deadline)s) is before the conclusion (%(concluded)s)."
            ) % {
                "deadline": vn.format_date(self.deadline),
                "concluded": vn.format_date(concluded_on),
            }
        if self.completed_on and self.created_on and self.completed_on < self.created_on:
            errors["completed_on"] = gettext(
                "The completion date %(date)s is before the task was set (%(created)s)."
            ) % {
                "date": vn.format_date(self.completed_on),
                "created": vn.format_date(self.created_on),
            }
        if errors:
            raise ValidationError(errors)

    def fill_keys(self, inspection: "Inspection | None" = None) -> None:
        inspection = inspection or self.inspection
        self.search_key = vn.search_key(f"{inspection.search_key} {self.content}")[:500]

    def is_late(self, today: dt.date | None = None) -> bool:
        """Open past its deadline, or closed after it."""
        if self.completed_on:
            return self.completed_on > self.deadline
        return self.deadline < (today or timezone.localdate())


class RemediationSubmission(TrackedModel):
    """What the subject reports it did for a task; the inspector accepts or returns it."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Awaiting verification")
        VERIFIED = "verified", _("Verified")
        RETURNED = "returned", _("Returned")

    remediation = link(
        Remediation, _("remediation task"), models.CASCADE, related_name="submissions"
    )
    text = models.TextField(_("what was done"))
    submitted_on = models.DateField(_("date reported"), default=timezone.localdate)
    submitted_by = acting_user(_("reported by"))
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.PENDING
    )
    review_note = models.TextField(_("inspector's note"), blank=True)
    reviewed_by = acting_user(_("reviewed by"))
    reviewed_on = models.DateField(_("date reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("remediation report")
        verbose_name_plural = _("remediation reports")
        ordering = ["remediation", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class EvidenceFile(TrackedModel):
    submission = link(
        RemediationSubmission, _("remediation report"), models.CASCADE, related_name="files"
    )
    file = models.FileField(_("file"), upload_to="inspections/evidence/%Y/")
    name = models.CharField(_("name"), max_length=255)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["submission", "pk"]

    def __str__(self) -> str:
        return self.name
