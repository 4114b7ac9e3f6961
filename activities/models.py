"""Mass-organisation activities and commendations."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ActivityKind(models.Model):
    """Tình nguyện, Hiến máu, Từ thiện, Trao quà, Văn nghệ - Thể thao, Khác: a list of data."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    default_measure_unit = models.CharField(_("default unit of measure"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("activity kind")
        verbose_name_plural = _("activity kinds")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class Activity(models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True)
    organisation = models.ForeignKey(
        "organisation.MassOrganisation",
        verbose_name=_("mass organisation"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    kind = models.ForeignKey(
        ActivityKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="activities"
    )
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=255)
    participants = models.PositiveIntegerField(_("participants"), default=0)
    quantity = models.DecimalField(
        _("quantity"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    measure_unit = models.CharField(_("unit of measure"), max_length=40, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-date", "code"]

    def __str__(self) -> str:
        return self.title


class Commendation(models.Model):
    """Khen thưởng of a collective (unit) or an individual (member or non-member)."""

    class Level(models.TextChoices):
        GRASSROOTS = "grassroots", _("Grassroots level")  # Cấp cơ sở
        HIGHER = "higher", _("Higher level")  # Cấp trên

    code = models.CharField(_("code"), max_length=40, unique=True)
    person = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commendations",
    )
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("collective"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commendations",
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    form = models.CharField(_("form"), max_length=120)  # Giấy khen, Bằng khen …
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decided_on = models.DateField(_("decision date"))
    reason = models.TextField(_("reason"), blank=True)
    history = HistoricalRecords()

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
