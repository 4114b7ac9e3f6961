"""Mass-organisation activities and commendations."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import vn
from core.fields import acting_user, derived_key, link, optional_link
from core.models import KeyedModel, TrackedModel

EARLIEST_DATE = dt.date(1930, 1, 1)  # the Party's founding: nothing recorded here is older


def validate_plausible_date(value: dt.date) -> None:
    if value < EARLIEST_DATE or value > timezone.localdate():
        raise ValidationError(
            _("The date must lie between %(first)s and today.")
            % {"first": vn.format_date(EARLIEST_DATE)},
            code="implausible_date",
        )


# The kinds the committee starts with (also preloaded by migration 0003), with their usual unit.
DEFAULT_KINDS = [
    ("Tình nguyện", ""),
    ("Hiến máu", "đơn vị máu"),
    ("Từ thiện", "đồng"),
    ("Trao quà", "suất quà"),
    ("Văn nghệ - Thể thao", ""),
    ("Khác", ""),
]


class ActivityKind(TrackedModel):
    """Tình nguyện, Hiến máu, Từ thiện, Trao quà, Văn nghệ - Thể thao, Khác: a list of data."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    default_measure_unit = models.CharField(_("default unit of measure"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("activity kind")
        verbose_name_plural = _("activity kinds")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class Activity(KeyedModel, TrackedModel):
    code = models.CharField(_("code"), max_length=40, unique=True)
    organisation = link(
        "organisation.MassOrganisation",
        _("mass organisation"),
        models.PROTECT,
        related_name="activities",
    )
    unit = link("organisation.Unit", _("unit"), models.PROTECT, related_name="activities")
    kind = link(ActivityKind, _("kind"), models.PROTECT, related_name="activities")
    date = models.DateField(_("date"), validators=[validate_plausible_date])
    title = models.CharField(_("activity name"), max_length=255)
    participants = models.PositiveIntegerField(
        _("participants"),
        default=0,
        validators=[MinValueValidator(0, _("The number of participants cannot be negative."))],
    )
    quantity = models.DecimalField(
        _("quantity"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("The quantity cannot be negative."))],
    )
    measure_unit = models.CharField(_("unit of measure"), max_length=40, blank=True)
    people = models.ManyToManyField(
        "organisation.Person",
        verbose_name=_("people who took part"),
        blank=True,
        related_name="activities",
    )
    description = models.TextField(_("description"), blank=True)
    search_key = derived_key()
    recorded_by = acting_user(_("recorded by"))

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-date", "code"]

    def __str__(self) -> str:
        return self.title

    def fill_keys(self) -> None:
        self.search_key = vn.search_key(f"{self.code} {self.title}")[:255]


def photo_path(instance: models.Model, filename: str) -> str:
    return f"activities/photos/{filename}"


class ActivityPhoto(TrackedModel):
    activity = link(Activity, _("activity"), models.CASCADE, related_name="photos")
    image = models.FileField(_("photo"), upload_to=photo_path)
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    uploaded_by = acting_user(_("uploaded by"))

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["activity", "pk"]

    def __str__(self) -> str:
        return self.caption or self.image.name or ""


class Commendation(KeyedModel, TrackedModel):
    """Khen thưởng of a collective (unit) or an individual (member or non-member)."""

    class Level(models.TextChoices):
        GRASSROOTS = "grassroots", _("Grassroots level")  # Cấp cơ sở
        HIGHER = "higher", _("Higher level")  # Cấp trên

    code = models.CharField(_("code"), max_length=40, unique=True)
    person = optional_link(
        "organisation.Person", _("person"), models.PROTECT, related_name="commendations"
    )
    unit = optional_link(
        "organisation.Unit", _("collective"), models.PROTECT, related_name="commendations"
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    form = models.CharField(_("form"), max_length=120)  # Giấy khen, Bằng khen …
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decided_on = models.DateField(_("decision date"), validators=[validate_plausible_date])
    reason = models.TextField(_("reason"), blank=True)
    search_key = derived_key()

    class Meta:
        verbose_name = _("commendation")
        verbose_name_plural = _("commendations")
        ordering = ["-decided_on", "code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False, unit__isnull=True)
                | models.Q(person__isnull=True, unit__isnull=False),
                name="commendation_person_xor_unit",
            )
        ]

    def __str__(self) -> str:
        return f"{self.form} — {self.person or self.unit}"

    @property
    def subject(self):
        return self.person or self.unit

    def fill_keys(self) -> None:
        subject = (
            self.person.full_name if self.person_id else (self.unit.name if self.unit_id else "")
        )
        self.search_key = vn.search_key(
            f"{self.code} {subject} {self.form} {self.decision_number}"
        )[:255]
