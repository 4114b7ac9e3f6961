"""Meetings of the committee and its cells, and who attended them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Meeting(models.Model):
    class Kind(models.TextChoices):
        BRIEFING = "briefing", _("Briefing conference")  # Hội nghị quán triệt
        REGULAR = "regular", _("Regular meeting")  # Sinh hoạt định kỳ
        THEMATIC = "thematic", _("Thematic meeting")  # Sinh hoạt chuyên đề
        STUDY = "study", _("Study session")  # Học tập

    code = models.CharField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    date = models.DateField(_("date"))
    # A planned meeting is not yet held; only held meetings count in figures.
    held = models.BooleanField(_("held"), default=True)
    topics = models.ManyToManyField(
        "documents.StudyTopic", verbose_name=_("study topics"), blank=True, related_name="meetings"
    )
    content = models.TextField(_("content"), blank=True)
    history = HistoricalRecords(m2m_fields=[topics])

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "code"]
        indexes = [models.Index(fields=["unit", "date"]), models.Index(fields=["kind", "date"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.unit} {self.date:%d/%m/%Y}"


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")  # Có
        EXCUSED = "excused", _("Absent with reason")  # Vắng có lý do
        ABSENT = "absent", _("Absent without reason")  # Vắng không lý do

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        "organisation.Person", on_delete=models.PROTECT, related_name="attendance"
    )
    status = models.CharField(_("attendance"), max_length=10, choices=Status.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="unique_attendance")
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_status_display()}"
