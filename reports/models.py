"""Review reports (báo cáo sơ kết / tổng kết): drafts whose figures stay live, frozen snapshots.

A report's figures are never stored while it is a draft: the page, the documents and the JSON
compute them from the records (reports.figures). Freezing keeps the figures and the text as
they were, in `snapshot`, so that a signed report never changes again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import vn
from core.fields import acting_user, derived_key, link, optional_link, step_time
from core.models import BackgroundJob, JobStatus, TrackedModel, unique

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# The sections of the report, in the order a party committee writes them.
SECTION_KEYS = (
    "situation",
    "leading",
    "study",
    "propaganda",
    "standards",
    "example",
    "mass",
    "inspection",
    "breakthrough",
    "positive",
    "limitations",
    "causes",
    "lessons",
    "directions",
    "proposals",
)
# Sections people write themselves (pre-filled from the committee's previous report); a
# report cannot be frozen while one of them is empty.
WRITTEN_SECTIONS = ("breakthrough", "limitations", "causes", "lessons", "directions", "proposals")


def review_search_key(review: Any) -> str:
    """What the list's search box finds a report by: its number, committee and directive."""
    committee = review.committee.name if review.committee_id else ""
    directive = review.directive.number_symbol if review.directive_id else ""
    return vn.search_key(f"{review.number_symbol} {committee} {directive}")[:255]


class Review(TrackedModel):
    class Kind(models.TextChoices):
        INTERIM = "interim", _("Interim review")  # Sơ kết
        FINAL = "final", _("Final review")  # Tổng kết

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        FROZEN = "frozen", _("Frozen")

    committee = link(
        "organisation.Unit", _("party committee"), models.PROTECT, related_name="reviews"
    )
    directive = optional_link(
        "documents.Document", _("directive"), models.PROTECT, related_name="reviews"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.INTERIM)
    period_from = models.DateField(_("period from"))
    period_to = models.DateField(_("period to"))
    number_symbol = models.CharField(_("number and symbol"), max_length=60)
    place = models.CharField(_("place"), max_length=100, blank=True)
    issued_on = models.DateField(_("date"), null=True, blank=True)
    signer_name = models.CharField(_("signer"), max_length=120, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=120, default="BÍ THƯ")
    signer_on_behalf = models.CharField(
        _("signing on behalf of"), max_length=120, default="T/M ĐẢNG ỦY", blank=True
    )
    recipients = models.TextField(
        _("recipients"), blank=True, help_text=_("One recipient per line; “Lưu VP” is added.")
    )
    # section key -> {"text": str, "edited": bool}; a section nobody edited follows the figures.
    sections = models.JSONField(_("sections"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    snapshot = models.JSONField(_("snapshot"), null=True, blank=True, editable=False)
    frozen_at = step_time(_("frozen at"), editable=False)
    frozen_by = acting_user(_("frozen by"), editable=False)
    # Versions of the same report share a lineage (the first version's id).
    lineage = models.PositiveBigIntegerField(null=True, blank=True, editable=False, db_index=True)
    version = models.PositiveSmallIntegerField(_("version"), default=1, editable=False)
    previous = optional_link(
        "self", _("previous version"), models.SET_NULL, related_name="next_versions", editable=False
    )
    article_id = models.PositiveBigIntegerField(
        _("news article"), null=True, blank=True, editable=False
    )
    created_by = acting_user(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_key = derived_key()

    class Meta:
        verbose_name = _("review report")
        verbose_name_plural = _("review reports")
        ordering = ["-period_to", "-version", "-pk"]

    def __str__(self) -> str:
        return f"{self.number_symbol} — {self.get_kind_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_key = review_search_key(self)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reports:detail", kwargs={"pk": self.pk})

    @property
    def is_frozen(self) -> bool:
        return self.status == self.Status.FROZEN

    def clean(self) -> None:
        errors: dict[str, StrOrPromise] = {}
        if self.period_from and self.period_to and self.period_to < self.period_from:
            errors["period_to"] = _("The period ends before it starts.")
        if self.period_from and self.period_from > timezone.localdate():
            errors["period_from"] = _("The period starts in the future.")
        directive = self.directive if self.directive_id else None
        ends_before_directive = (
            directive is not None and self.period_to and self.period_to < directive.issued_on
        )
        if directive is not None and ends_before_directive and "period_to" not in errors:
            errors["period_to"] = _(
                "The period ends on %(end)s, before %(number)s was issued (%(issued)s)."
            ) % {
                "end": self.period_to.strftime("%d/%m/%Y"),
                "number": directive.number_symbol,
                "issued": directive.issued_on.strftime("%d/%m/%Y"),
            }
        committee = getattr(self, "committee", None) if self.committee_id else None
        if committee is not None and committee.kind == "cell":
            errors["committee"] = _("A review report belongs to a party committee, not a cell.")
        if committee is not None and self.number_symbol:
            errors.update(self._number_errors(committee))
        if errors:
            raise ValidationError(errors)

    def _number_errors(self, committee: Any) -> dict[str, StrOrPromise]:
        from documents.models import Document

        number = self.number_symbol.strip()
        reviews = Review.objects.filter(committee=committee, number_symbol__iexact=number)
        if self.pk:
            reviews = reviews.exclude(pk=self.pk)
        if self.lineage:
            reviews = reviews.exclude(lineage=self.lineage)
        documents = Document.objects.filter(issued_by=committee, number_symbol__iexact=number)
        if reviews.exists() or documents.exists():
            return {
                "number_symbol": _(
                    "The number “%(number)s” is already used by another document of the committee."
                )
                % {"number": number}
            }
        return {}

    @property
    def kind_word(self) -> str:
        """sơ kết / tổng kết, as the title and the summary write it."""
        return "tổng kết" if self.kind == self.Kind.FINAL else "sơ kết"


class ExportJob(BackgroundJob):
    """One export of a report, run as a background task; the produced file is kept."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="export_jobs")
    exporter = models.CharField(_("format"), max_length=60)
    files_under = "reports/exports/%Y/"

    class Meta(BackgroundJob.Meta):
        verbose_name = _("export")
        verbose_name_plural = _("exports")

    def __str__(self) -> str:
        return f"{self.review} — {self.exporter}"


class RecordsVersion(models.Model):
    """A counter per year (0: every year) bumped whenever a record the report reads changes,
    so stored figures know they are stale (reports.versions)."""

    year = models.PositiveSmallIntegerField(unique=True)
    counter = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year or 'all'}: {self.counter}"


class YearFigures(models.Model):
    """The figure queries' rows of one closed year of a committee (reports.snapshots): read
    instead of querying again while the year's records stay as they were."""

    committee = models.ForeignKey("organisation.Unit", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    start = models.DateField()
    roll_date = models.DateField()
    version = models.CharField(max_length=60)
    data = models.JSONField()
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            unique("committee", "year", "start", "roll_date", name="year_figures_unique")
        ]

    def __str__(self) -> str:
        return f"{self.committee_id} {self.year} @{self.version}"


class ReviewFigures(models.Model):
    """A draft report's figures and charts as of a records version, computed once in the
    background (reports.figure_jobs) and read by every view until the records change."""

    Status = JobStatus

    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="stored_figures")
    key = models.CharField(max_length=200, blank=True)  # the version `figures` belong to
    figures = models.JSONField(null=True, blank=True)
    charts = models.JSONField(default=list, blank=True)  # [[name, title, svg], ...]
    wanted = models.CharField(max_length=200, blank=True)  # the version being computed
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(default=0)
    step = models.CharField(max_length=120, blank=True)
    error = models.TextField(blank=True)
    worker = models.CharField(max_length=120, blank=True, help_text="host:pid")
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    computed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.review_id} @{self.key}"
