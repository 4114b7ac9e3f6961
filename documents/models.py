"""The register of documents (văn bản) and the study topics (chuyên đề) tied to them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Document(models.Model):
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
    issued_by = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("issued by unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents_issued",
    )
    file = models.FileField(_("file"), upload_to="documents/%Y/", blank=True)
    search_key = models.CharField(max_length=500, editable=False, default="", db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-issued_on", "number_symbol"]
        constraints = [
            models.UniqueConstraint(
                fields=["number_symbol", "issuer"], name="unique_document_number_per_issuer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number_symbol} — {self.summary[:60]}"


class DocumentDelivery(models.Model):
    """A document sent to a unit (văn bản chỉ đạo, hướng dẫn gửi các chi bộ)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="deliveries")
    unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.PROTECT, related_name="documents_received"
    )
    sent_on = models.DateField(_("date sent"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("document delivery")
        verbose_name_plural = _("document deliveries")
        constraints = [models.UniqueConstraint(fields=["document", "unit"], name="unique_delivery")]

    def __str__(self) -> str:
        return f"{self.document} → {self.unit}"


class StudyTopic(models.Model):
    class Kind(models.TextChoices):
        TERM = "term", _("Whole-term topic")  # Toàn khóa
        ANNUAL = "annual", _("Annual topic")  # Năm

    code = models.CharField(_("code"), max_length=40, unique=True)
    title = models.TextField(_("title"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="topics",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("study topic")
        verbose_name_plural = _("study topics")
        ordering = ["start_year", "kind", "code"]

    def __str__(self) -> str:
        return self.title
