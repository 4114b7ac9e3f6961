"""Units (the party tree), people, and the periods that place a person in a unit.

The roll of any unit on any date is a query over `Posting` and the person's party dates, never
a flag, so that a report for 2017 sees the committee as it was in 2017.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import vn


class Unit(models.Model):
    class Kind(models.TextChoices):
        COMMITTEE = "committee", _("Party committee")
        SUB_COMMITTEE = "sub_committee", _("Sub-committee")
        CELL = "cell", _("Party cell")

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialised path of primary keys, "1.5.12.": a subtree is one startswith filter.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    superior_body = models.CharField(
        _("superior body"),
        max_length=255,
        blank=True,
        help_text=_("Printed above the issuing body, e.g. ĐẢNG BỘ THÀNH PHỐ HÀ NỘI."),
    )
    place = models.CharField(
        _("place"),
        max_length=100,
        blank=True,
        help_text=_("Printed in the date line, e.g. Hà Nội."),
    )
    search_key = models.CharField(max_length=255, editable=False, default="", db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.search_key = vn.search_key(f"{self.code} {self.name}")
        super().save(*args, **kwargs)
        expected = f"{self.parent.path if self.parent else ''}{self.pk}."
        if self.path != expected:
            self.path = expected
            self.depth = expected.count(".") - 1
            Unit.objects.filter(pk=self.pk).update(path=self.path, depth=self.depth)

    @property
    def is_cell(self) -> bool:
        return self.kind == self.Kind.CELL


class MassOrganisation(models.Model):
    """Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh, Hội Phụ nữ: a list users can extend."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("mass organisation")
        verbose_name_plural = _("mass organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    class Gender(models.TextChoices):
        MALE = "male", _("Male")
        FEMALE = "female", _("Female")

    class PartyStatus(models.TextChoices):
        NONE = "", _("Not a party member")
        FULL = "full", _("Full member")
        PROBATIONARY = "probationary", _("Probationary member")

    code = models.CharField(_("code"), max_length=40, unique=True)
    full_name = models.CharField(_("full name"), max_length=120)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    position = models.CharField(_("position"), max_length=255, blank=True)
    # The unit the person belongs to now; Posting keeps the history behind it.
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="people"
    )
    party_status = models.CharField(
        _("party membership"), max_length=20, choices=PartyStatus.choices, blank=True, default=""
    )
    party_joined_on = models.DateField(_("date joined the party"), null=True, blank=True)
    party_official_on = models.DateField(_("date became full member"), null=True, blank=True)
    moved_out_on = models.DateField(_("date moved out"), null=True, blank=True)
    mass_organisations = models.ManyToManyField(
        MassOrganisation, verbose_name=_("mass organisations"), blank=True, related_name="people"
    )
    sort_key = models.CharField(max_length=255, editable=False, default="", db_index=True)
    search_key = models.CharField(max_length=255, editable=False, default="", db_index=True)
    history = HistoricalRecords(m2m_fields=[mass_organisations])

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["sort_key", "code"]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        self.fill_keys()
        super().save(*args, **kwargs)

    def fill_keys(self) -> None:
        """Derived keys for sorting and searching; bulk writers call this before bulk_create."""
        self.sort_key = vn.name_sort_key(self.full_name)[:255]
        self.search_key = vn.search_key(f"{self.full_name} {self.code}")[:255]

    @property
    def is_party_member(self) -> bool:
        return bool(self.party_status)


class Posting(models.Model):
    """A period during which a person belongs to a unit (sinh hoạt tại đơn vị)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="postings")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="postings")
    start = models.DateField(
        _("from"), null=True, blank=True, help_text=_("Blank: since before the records begin.")
    )
    end = models.DateField(_("to"), null=True, blank=True, help_text=_("Blank: still there."))
    note = models.CharField(_("note"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("posting")
        verbose_name_plural = _("postings")
        ordering = ["person", "start"]
        indexes = [models.Index(fields=["unit", "start", "end"])]

    def __str__(self) -> str:
        return f"{self.person} @ {self.unit}"
