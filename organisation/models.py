"""Units (the party tree), people, and the periods that place a person in a unit.

The roll of any unit on any date is a query over `Posting` and the person's party dates, never
a flag, so that a report for 2017 sees the committee as it was in 2017.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import vn
from core.fields import derived_key, link, optional_link
from core.models import KeyedModel, TrackedModel, unique


class Unit(TrackedModel):
    class Kind(models.TextChoices):
        COMMITTEE = "committee", _("Party committee")
        SUB_COMMITTEE = "sub_committee", _("Sub-committee")
        CELL = "cell", _("Party cell")

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = optional_link("self", _("parent unit"), models.PROTECT, related_name="children")
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
    founded_on = models.DateField(
        _("date founded"), null=True, blank=True, help_text=_("Blank: since before the records.")
    )
    dissolved_on = models.DateField(
        _("date dissolved"),
        null=True,
        blank=True,
        help_text=_("The unit exists until the day before; blank: it still exists."),
    )
    # Where a dissolved or merged unit's members and records went (Mã đơn vị tiếp nhận).
    successor = optional_link(
        "self", _("receiving unit"), models.PROTECT, related_name="predecessors"
    )
    # The rest of the document profile (organisation/profile.py): who signs, who receives.
    issuer_symbol = models.CharField(
        _("issuer symbol"),
        max_length=20,
        blank=True,
        help_text=_(
            "After the document kind in the number, e.g. ĐU in 15-BC/ĐU; blank: ĐU "
            "for a committee, CB for a cell."
        ),
    )
    secretary_name = models.CharField(
        _("party secretary"), max_length=120, blank=True, help_text=_("Signs as BÍ THƯ.")
    )
    deputy_names = models.TextField(
        _("deputy secretaries"),
        blank=True,
        help_text=_("One name per line; they sign K/T BÍ THƯ, PHÓ BÍ THƯ."),
    )
    usual_recipients = models.TextField(
        _("usual recipients"),
        blank=True,
        help_text=_("One recipient per line, printed under “Nơi nhận:”; “Lưu VP” is added."),
    )
    search_key = derived_key()

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

    def exists_on(self, day: dt.date) -> bool:
        """From its founding day to the day before its dissolution (interchange.md)."""
        founded = self.founded_on is None or self.founded_on <= day
        return founded and (self.dissolved_on is None or day < self.dissolved_on)

    def clean(self) -> None:
        if self.founded_on and self.dissolved_on and self.dissolved_on <= self.founded_on:
            raise ValidationError(
                {"dissolved_on": gettext("A unit is dissolved after the day it was founded.")}
            )
        if self.successor_id and self.successor_id == self.pk:
            raise ValidationError({"successor": gettext("A unit cannot be its own successor.")})


class UnitName(TrackedModel):
    """A name the unit carried from `since` (renames keep the old name for past reports)."""

    unit = link(Unit, _("unit"), models.CASCADE, related_name="names")
    name = models.CharField(_("name"), max_length=255)
    until = models.DateField(_("carried until"), help_text=_("The day before the new name."))

    class Meta:
        verbose_name = _("former name")
        verbose_name_plural = _("former names")
        ordering = ["unit", "until"]
        constraints = [unique("unit", "until", name="unit_name_once_per_day")]

    def __str__(self) -> str:
        return self.name


class MassOrganisation(TrackedModel):
    """Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh, Hội Phụ nữ: a list users can extend."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("mass organisation")
        verbose_name_plural = _("mass organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Person(KeyedModel):
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
    unit = link(Unit, _("unit"), models.PROTECT, related_name="people")
    party_status = models.CharField(
        _("party membership"), max_length=20, choices=PartyStatus.choices, blank=True, default=""
    )
    party_joined_on = models.DateField(_("date joined the party"), null=True, blank=True)
    party_official_on = models.DateField(_("date became full member"), null=True, blank=True)
    # The day the person left the committee's roll, by any leaving event (moved out, died,
    # expelled, struck off, left the party): derived from his events by organisation.membership.
    moved_out_on = models.DateField(_("date left the roll"), null=True, blank=True)
    left_kind = models.CharField(_("how he left"), max_length=20, blank=True, default="")
    mass_organisations = models.ManyToManyField(
        MassOrganisation, verbose_name=_("mass organisations"), blank=True, related_name="people"
    )
    sort_key = derived_key()
    search_key = derived_key()
    history = HistoricalRecords(m2m_fields=[mass_organisations])

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["sort_key", "code"]

    def __str__(self) -> str:
        return self.full_name

    def fill_keys(self) -> None:
        """Derived keys for sorting and searching; bulk writers call this before bulk_create."""
        self.sort_key = vn.name_sort_key(self.full_name)[:255]
        self.search_key = vn.search_key(f"{self.full_name} {self.code}")[:255]

    @property
    def is_party_member(self) -> bool:
        return bool(self.party_status)

    @property
    def is_on_roll(self) -> bool:
        return self.moved_out_on is None

    def clean(self) -> None:
        errors = person_date_errors(
            birth_date=self.birth_date,
            party_status=self.party_status,
            party_joined_on=self.party_joined_on,
            party_official_on=self.party_official_on,
            moved_out_on=self.moved_out_on,
        )
        if errors:
            raise ValidationError(errors)


def person_date_errors(
    *,
    birth_date: dt.date | None,
    party_status: str | None,
    party_joined_on: dt.date | None,
    party_official_on: dt.date | None,
    moved_out_on: dt.date | None,
    today: dt.date | None = None,
) -> dict[str, str]:
    """The rules a person's dates obey, field → message; shared by the forms and the importer."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    dates = {
        "birth_date": birth_date,
        "party_joined_on": party_joined_on,
        "party_official_on": party_official_on,
        "moved_out_on": moved_out_on,
    }
    for name, value in dates.items():
        if value and value > today:
            errors[name] = gettext("This date lies in the future.")
    if party_status and not party_joined_on:
        errors.setdefault(
            "party_joined_on", gettext("A party member needs the date he joined the party.")
        )
    if not party_status and (party_joined_on or party_official_on):
        field = "party_joined_on" if party_joined_on else "party_official_on"
        errors.setdefault(
            field,
            gettext("A person who is not a party member has no party dates; choose the status."),
        )
    if party_status == Person.PartyStatus.PROBATIONARY and party_official_on:
        errors.setdefault(
            "party_official_on",
            gettext("A probationary member has no date of becoming a full member."),
        )
    if party_joined_on and party_official_on and party_official_on < party_joined_on:
        errors.setdefault(
            "party_official_on",
            gettext("The date of becoming a full member cannot be before joining the party."),
        )
    if birth_date and party_joined_on and party_joined_on <= birth_date:
        errors.setdefault(
            "party_joined_on", gettext("The date joined the party must be after the date of birth.")
        )
    if moved_out_on and party_joined_on and moved_out_on < party_joined_on:
        errors.setdefault(
            "moved_out_on", gettext("The move-out date cannot be before joining the party.")
        )
    if moved_out_on and birth_date and moved_out_on <= birth_date:
        errors.setdefault(
            "moved_out_on", gettext("The move-out date must be after the date of birth.")
        )
    return errors


class Posting(TrackedModel):
    """A period during which a person belongs to a unit (sinh hoạt tại đơn vị), in one state.

    Postings are derived: `organisation.membership.rebuild` writes them from the person's
    events, so that "on the roll on D" is a plain indexed join and never a subquery per row.
    """

    class State(models.TextChoices):
        ACTIVE = "active", _("Active")
        EXEMPT = "exempt", _("Exempted from activity")
        SUSPENDED = "suspended", _("Suspended")

    person = link(Person, _("person"), models.CASCADE, related_name="postings")
    unit = link(Unit, _("unit"), models.PROTECT, related_name="postings")
    start = models.DateField(
        _("from"), null=True, blank=True, help_text=_("Blank: since before the records begin.")
    )
    end = models.DateField(_("to"), null=True, blank=True, help_text=_("Blank: still there."))
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.ACTIVE, db_index=True
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("posting")
        verbose_name_plural = _("postings")
        ordering = ["person", "start"]
        indexes = [models.Index(fields=["unit", "start", "end"])]

    def __str__(self) -> str:
        return f"{self.person} @ {self.unit}"

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": gettext("The end cannot be before the start.")})


class MemberEvent(TrackedModel):
    """One change in a person's party life (biến động đảng viên), dated.

    The events are the truth; `Posting` rows and `Person.moved_out_on` are derived from them.
    """

    class Kind(models.TextChoices):
        TRANSFER = "transfer", _("Moved to another cell of the committee")
        MOVE_IN = "move_in", _("Moved in from outside the committee")
        MOVE_OUT = "move_out", _("Moved out of the committee")
        EXEMPT = "exempt", _("Exempted from activity")
        EXEMPT_END = "exempt_end", _("Exemption ended")
        SUSPEND = "suspend", _("Suspended from activity")
        SUSPEND_END = "suspend_end", _("Suspension ended")
        TEMPORARY = "temporary", _("Temporary activity elsewhere")
        TEMPORARY_END = "temporary_end", _("Temporary activity ended")
        DECEASED = "deceased", _("Deceased")
        EXPELLED = "expelled", _("Expelled")
        STRUCK_OFF = "struck_off", _("Struck off")
        RESIGNED = "resigned", _("Left the party")

    person = link(Person, _("person"), models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("date"))
    from_unit = optional_link(Unit, _("from unit"), models.PROTECT, related_name="+")
    to_unit = optional_link(Unit, _("to unit"), models.PROTECT, related_name="+")
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("membership event")
        verbose_name_plural = _("membership events")
        ordering = ["person", "date", "pk"]
        constraints = [unique("person", "kind", "date", name="member_event_once_per_day")]
        indexes = [models.Index(fields=["kind", "date"])]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_kind_display()} · {self.date:%d/%m/%Y}"
