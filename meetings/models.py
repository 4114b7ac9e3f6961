"""Meetings of the committee and its cells, who attended them, their minutes, and the rules
that say how often and how long cells must meet.

The fields of `Meeting` (code, kind, unit, date, held, topics, content) and of `Attendance`
(meeting, person, status) are read by the review report: add to them, never rename them.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import vn
from core.fields import acting_user, derived_key, link, optional_link, step_time
from core.models import KeyedModel, TrackedModel, unique


class FocusArea(TrackedModel):
    """A code of conduct or a breakthrough focus area that thematic meetings are tied to,
    e.g. quy tắc ứng xử "Văn hóa công sở gắn với việc học tập và làm theo tấm gương đạo đức
    Hồ Chí Minh"."""

    class Kind(models.TextChoices):
        CODE_OF_CONDUCT = "conduct", _("Code of conduct")  # Quy tắc ứng xử
        FOCUS_AREA = "focus", _("Focus area")  # Nội dung đột phá

    committee = link(
        "organisation.Unit", _("committee"), models.PROTECT, related_name="focus_areas"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=500)

    class Meta:
        verbose_name = _("code of conduct or focus area")
        verbose_name_plural = _("codes of conduct and focus areas")
        ordering = ["kind", "name"]
        constraints = [unique("committee", "name", name="unique_focus_area_name")]

    def __str__(self) -> str:
        return self.name


class Meeting(KeyedModel):
    class Kind(models.TextChoices):
        BRIEFING = "briefing", _("Briefing conference")  # Hội nghị quán triệt
        REGULAR = "regular", _("Regular meeting")  # Sinh hoạt định kỳ
        THEMATIC = "thematic", _("Thematic meeting")  # Sinh hoạt chuyên đề
        STUDY = "study", _("Study session")  # Học tập

    code = models.CharField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    unit = link("organisation.Unit", _("unit"), models.PROTECT, related_name="meetings")
    date = models.DateField(_("date"))
    # A planned meeting is not yet held; only held meetings count in figures.
    held = models.BooleanField(_("held"), default=True)
    topics = models.ManyToManyField(
        "documents.StudyTopic", verbose_name=_("study topics"), blank=True, related_name="meetings"
    )
    content = models.TextField(_("content"), blank=True)
    # Additions of the meetings app (the report does not read these).
    combined = models.BooleanField(
        _("regular and thematic together"),
        default=False,
        help_text=_("The regular and the thematic meeting are held in one sitting."),
    )
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    chair = optional_link(
        "organisation.Person", _("chair"), models.SET_NULL, related_name="meetings_chaired"
    )
    secretary = optional_link(
        "organisation.Person", _("secretary"), models.SET_NULL, related_name="meetings_recorded"
    )
    agenda = models.TextField(
        _("other agenda items"), blank=True, help_text=_("One item per line.")
    )
    materials = models.TextField(
        _("materials handed out"), blank=True, help_text=_("One item per line.")
    )
    focus_area = optional_link(
        FocusArea, _("code of conduct or focus area"), models.SET_NULL, related_name="meetings"
    )
    search_key = derived_key(500)
    history = HistoricalRecords(m2m_fields=[topics])

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "code"]
        indexes = [models.Index(fields=["unit", "date"]), models.Index(fields=["kind", "date"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.unit} {self.date:%d/%m/%Y}"

    def fill_keys(self) -> None:
        """The search key; bulk writers call this before bulk_create."""
        self.search_key = vn.search_key(f"{self.code} {self.content} {self.place}")[:500]

    @property
    def is_conference(self) -> bool:
        """Conferences and study sessions may also seat non-member staff and guests."""
        return self.kind in (self.Kind.BRIEFING, self.Kind.STUDY)

    @property
    def duration_minutes(self) -> int | None:
        if not self.start_time or not self.end_time:
            return None
        start = self.start_time.hour * 60 + self.start_time.minute
        end = self.end_time.hour * 60 + self.end_time.minute
        return end - start

    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]

    def material_items(self) -> list[str]:
        return [line.strip() for line in self.materials.splitlines() if line.strip()]


class Attendance(TrackedModel):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")  # Có
        EXCUSED = "excused", _("Absent with reason")  # Vắng có lý do
        ABSENT = "absent", _("Absent without reason")  # Vắng không lý do

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        "organisation.Person", on_delete=models.PROTECT, related_name="attendance"
    )
    status = models.CharField(_("attendance"), max_length=10, choices=Status.choices)
    reason = models.CharField(_("reason"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [unique("meeting", "person", name="unique_attendance")]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_status_display()}"


class Guest(TrackedModel):
    """Someone from outside the committee's records invited to a conference."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="guests")
    name = models.CharField(_("name"), max_length=120)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("guest")
        verbose_name_plural = _("guests")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


def minutes_upload_to(instance: "Minutes", filename: str) -> str:
    return f"minutes/{instance.meeting_id}/v{instance.version}-{filename}"


class Minutes(TrackedModel):
    """One version of a meeting's minutes (biên bản). Approved versions are locked: a later
    change makes the next version, so every approved text stays readable."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes")
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    number = models.CharField(
        _("number"), max_length=20, blank=True, help_text=_("Printed as “Số …-BB/CB”.")
    )
    # The standard parts of a cell meeting's minutes.
    proceedings = models.TextField(_("proceedings"), blank=True)
    discussion = models.TextField(_("discussion"), blank=True)
    conclusion = models.TextField(_("conclusion"), blank=True)
    closing = models.TextField(_("closing"), blank=True)
    file = models.FileField(_("uploaded file"), upload_to=minutes_upload_to, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = acting_user()
    approved_at = step_time(_("approved at"))
    approved_by = acting_user(_("approved by"))
    # A version after an approved one is a correction and says why.
    reason = models.TextField(_("reason for the correction"), blank=True)
    # What the meeting was when this version was approved (date, kind, held, times,
    # attendance): the printed approved minutes come from it, never from later edits.
    snapshot = models.JSONField(_("meeting as approved"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        ordering = ["meeting", "-version"]
        constraints = [unique("meeting", "version", name="unique_minutes_version")]

    def __str__(self) -> str:
        return f"{self.meeting} — v{self.version}"

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.APPROVED


class MeetingRules(TrackedModel):
    """The committee's settings for meetings, in force from a date (rules.md, configurable).

    A committee of null is the default for every committee; a committee's own rows win.
    The rule in force on a date is the row with the latest `effective_from` on or before it.
    """

    committee = optional_link(
        "organisation.Unit",
        _("committee"),
        models.CASCADE,
        related_name="meeting_rules",
        help_text=_("Blank: the default for every committee."),
    )
    effective_from = models.DateField(_("in force from"))
    source = models.CharField(_("source"), max_length=255, blank=True)
    min_minutes = models.PositiveSmallIntegerField(
        _("minimum length (minutes)"), null=True, blank=True, help_text=_("Blank: no minimum.")
    )
    min_minutes_combined = models.PositiveSmallIntegerField(
        _("minimum length when regular and thematic are held together (minutes)"),
        null=True,
        blank=True,
        help_text=_("Blank: no minimum."),
    )
    thematic_per_quarter = models.PositiveSmallIntegerField(
        _("thematic meetings per quarter, at least"), default=1
    )
    absence_months = models.PositiveSmallIntegerField(
        _("months absent without reason in a year before a member is flagged"), default=3
    )
    # rules.md: the default quorum is more than half of the full members expected (not
    # exempted); the 85% indicator of Hướng dẫn 12-HD/BTCTW (2018), 3.1, is shown beside it.
    quorum_percent = models.PositiveSmallIntegerField(
        _("quorum: more than this share of the full members expected (%)"),
        default=50,
        validators=[MaxValueValidator(99)],
    )
    attendance_indicator_percent = models.PositiveSmallIntegerField(
        _("quality indicator: members attending above (%)"),
        default=85,
        validators=[MaxValueValidator(100)],
    )

    class Meta:
        verbose_name = _("meeting rules")
        verbose_name_plural = _("meeting rules")
        ordering = ["committee_id", "-effective_from"]
        constraints = [unique("committee", "effective_from", name="unique_meeting_rules_date")]

    def __str__(self) -> str:
        return f"{self.source or _('Meeting rules')} ({self.effective_from:%d/%m/%Y})"


class TopicDeadline(TrackedModel):
    """The date by which the committee wants every cell to have studied a topic."""

    committee = link(
        "organisation.Unit", _("committee"), models.CASCADE, related_name="topic_deadlines"
    )
    topic = link("documents.StudyTopic", _("study topic"), models.CASCADE, related_name="deadlines")
    deadline = models.DateField(_("deadline"))

    class Meta:
        verbose_name = _("study deadline")
        verbose_name_plural = _("study deadlines")
        ordering = ["deadline"]
        constraints = [unique("committee", "topic", name="unique_topic_deadline")]

    def __str__(self) -> str:
        return f"{self.topic.code} — {self.deadline:%d/%m/%Y}"
