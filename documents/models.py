"""The register of documents (văn bản) and the study topics (chuyên đề) tied to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import vn
from core.fields import derived_key, optional_link
from core.models import KeyedModel, TrackedModel, unique

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def topic_search_key(code: str, title: str) -> str:
    return vn.search_key(f"{code} {title}")[:500]


class Document(KeyedModel, TrackedModel):
    class Kind(models.TextChoices):
        DIRECTIVE = "directive", _("Directive")  # Chỉ thị, CT
        RESOLUTION = "resolution", _("Resolution")  # Nghị quyết, NQ
        CONCLUSION = "conclusion", _("Conclusion")  # Kết luận, KL
        PLAN = "plan", _("Plan")  # Kế hoạch, KH
        GUIDANCE = "guidance", _("Guidance")  # Hướng dẫn, HD
        REPORT = "report", _("Report")  # Báo cáo, BC
        DECISION = "decision", _("Decision")  # Quyết định, QĐ
        NOTICE = "notice", _("Notice")  # Thông báo, TB
        REGULATION = "regulation", _("Regulation")  # Quy định
        OTHER = "other", _("Other")

    number_symbol = models.CharField(_("number and symbol"), max_length=60)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    issued_on = models.DateField(_("date issued"))
    issuer = models.CharField(_("issuing body"), max_length=255)
    summary = models.TextField(_("summary"))
    # Set when the document was issued by a unit of ours (a committee's guidance to its cells).
    issued_by = optional_link(
        "organisation.Unit", _("issued by unit"), models.PROTECT, related_name="documents_issued"
    )
    file = models.FileField(_("file"), upload_to="documents/%Y/", blank=True)
    search_key = derived_key(500)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-issued_on", "number_symbol"]
        constraints = [unique("number_symbol", "issuer", name="unique_document_number_per_issuer")]

    def __str__(self) -> str:
        return f"{self.number_symbol} — {self.summary[:60]}"

    def fill_keys(self) -> None:
        """Derived search key; bulk writers call this before bulk_create."""
        self.number_symbol = " ".join((self.number_symbol or "").split())
        self.issuer = " ".join((self.issuer or "").split())
        self.search_key = vn.search_key(f"{self.number_symbol} {self.summary} {self.issuer}")[:500]

    def clean(self) -> None:
        errors: dict[str, str] = {}
        number = " ".join((self.number_symbol or "").split())
        issuer = " ".join((self.issuer or "").split())
        if number and issuer:
            # SQLite compares only ASCII letters without case ("Đ" ≠ "đ"): narrow on the
            # search key, then compare case-folded in Python.
            candidates = Document.objects.filter(search_key__startswith=vn.search_key(number))
            if self.pk:
                candidates = candidates.exclude(pk=self.pk)
            wanted = (number.casefold(), issuer.casefold())
            pairs = candidates.values_list("number_symbol", "issuer")
            if any((n.casefold(), i.casefold()) == wanted for n, i in pairs):
                errors["number_symbol"] = _(
                    "The register already holds document %(number)s of %(issuer)s."
                ) % {"number": number, "issuer": issuer}
        if self.issued_on and self.issued_on > timezone.localdate():
            errors["issued_on"] = _("The date issued %(date)s is in the future.") % {
                "date": vn.format_date(self.issued_on)
            }
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude=None) -> None:
        # clean() checks the number per issuer (ignoring case and spacing) and puts its message
        # next to the field; the database constraint stays as the last guard.
        super().validate_constraints(exclude={*(exclude or ()), "number_symbol"})

    @property
    def year(self) -> int:
        return self.issued_on.year


class DocumentDelivery(TrackedModel):
    """A document sent to a unit (văn bản chỉ đạo, hướng dẫn gửi các chi bộ)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="deliveries")
    unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.PROTECT, related_name="documents_received"
    )
    sent_on = models.DateField(_("date sent"))

    class Meta:
        verbose_name = _("document delivery")
        verbose_name_plural = _("document deliveries")
        constraints = [unique("document", "unit", name="unique_delivery")]

    def __str__(self) -> str:
        return f"{self.document} → {self.unit}"


class StudyTopic(KeyedModel, TrackedModel):
    class Kind(models.TextChoices):
        TERM = "term", _("Whole-term topic")  # Toàn khóa
        ANNUAL = "annual", _("Annual topic")  # Năm

    code = models.CharField(_("code"), max_length=40, unique=True)
    title = models.TextField(_("title"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    document = optional_link(Document, _("document"), models.PROTECT, related_name="topics")
    search_key = derived_key(500)

    class Meta:
        verbose_name = _("study topic")
        verbose_name_plural = _("study topics")
        ordering = ["start_year", "kind", "code"]

    def __str__(self) -> str:
        return self.title

    def fill_keys(self) -> None:
        self.code = (self.code or "").strip()
        self.search_key = topic_search_key(self.code, self.title)

    def clean(self) -> None:
        errors: dict[str, StrOrPromise] = {}
        if self.code:
            self.code = self.code.strip()
        if self.start_year and self.end_year:
            if self.end_year < self.start_year:
                errors["end_year"] = _("The last year comes before the first year.")
            elif self.kind == self.Kind.ANNUAL and self.end_year != self.start_year:
                errors["end_year"] = _("An annual topic starts and ends in the same year.")
        for name in ("start_year", "end_year"):
            value = getattr(self, name)
            if value and not 1930 <= value <= 2100:
                errors[name] = _("%(year)s is not a plausible year.") % {"year": value}
        if errors:
            raise ValidationError(errors)
