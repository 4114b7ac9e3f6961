"""Forms of the organisation pages; they validate input, the services write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedForm
from core.forms import field_of, ticked

from . import timeline
from .models import MassOrganisation, MemberEvent, Person, Unit
from .pickers import unit_menu
from .services import PERSON_FIELDS, PROFILE_FIELDS

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def not_future(form: forms.BaseForm, name: str) -> Any:
    """The cleaned date `name` of `form`, refused when it lies after today."""
    value = form.cleaned_data.get(name)
    if value and value > timezone.localdate():
        raise forms.ValidationError(_("This date lies in the future."))
    return value


def date_field(label: Any, required: bool = False, help_text: Any = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        help_text=help_text,
    )


class CapitalisedLabels:
    """Labels from lower-case msgids ("ngày sinh") start with a capital, as Django does for
    labels taken from a model field's verbose name."""

    fields: dict

    def capitalise_labels(self) -> None:
        for field in self.fields.values():
            field.label = capfirst(field.label)


class PersonForm(VersionedForm, CapitalisedLabels, forms.ModelForm):
    """Add or edit a person; `Person.clean` checks the dates by the importer's rules."""

    birth_date = date_field(_("date of birth"))
    party_joined_on = date_field(_("date joined the party"))
    party_official_on = date_field(_("date became full member"))
    mass_organisations = ticked(_("mass organisations"), MassOrganisation.objects.all())

    class Meta:
        model = Person
        # What the services let change on a person, and his mass organisations.
        fields = [*PERSON_FIELDS, "mass_organisations"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.capitalise_labels()


class PersonAddForm(PersonForm):
    unit = forms.ModelChoiceField(label=_("unit"), queryset=Unit.objects.none())
    since = date_field(
        _("in the unit since"),
        help_text=_("Leave blank when the person has always been in this unit."),
    )

    class Meta(PersonForm.Meta):
        fields = ["unit", *PersonForm.Meta.fields]

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if units is not None:
            unit_menu(field_of(self, "unit", forms.ModelChoiceField), units)
        self.order_fields(["unit", *PersonForm.Meta.fields, "since"])
        self.capitalise_labels()

    def clean_since(self) -> Any:
        return not_future(self, "since")


class MemberEventForm(CapitalisedLabels, forms.Form):
    """Record one event of a person's party life (biến động đảng viên)."""

    kind = forms.ChoiceField(label=_("event"), choices=MemberEvent.Kind.choices)
    date = date_field(_("date"), required=True)
    from_unit = forms.ModelChoiceField(
        label=_("from cell"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("Blank: the cell he is in the day before."),
    )
    to_unit = forms.ModelChoiceField(
        label=_("to cell"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("For a move to another cell or a move in from outside."),
    )
    note = forms.CharField(
        label=_("note"),
        max_length=255,
        required=False,
        help_text=_("E.g. the number of the decision, or the receiving party organisation."),
    )

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if units is not None:
            unit_menu(field_of(self, "from_unit", forms.ModelChoiceField), units)
            unit_menu(field_of(self, "to_unit", forms.ModelChoiceField), units)
        self.fields["date"].initial = timezone.localdate()
        self.capitalise_labels()

    def clean_date(self) -> Any:
        return not_future(self, "date")

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        kind = data.get("kind")
        if kind in (MemberEvent.Kind.TRANSFER, MemberEvent.Kind.MOVE_IN) and not data.get(
            "to_unit"
        ):
            self.add_error("to_unit", _("Choose the cell he moves to."))
        if kind == MemberEvent.Kind.TRANSFER and data.get("to_unit") == data.get("from_unit"):
            self.add_error("to_unit", _("The old and the new cell are the same."))
        # A cell only means something for moves and leaving; drop what the kind ignores.
        if kind not in (MemberEvent.Kind.TRANSFER, MemberEvent.Kind.MOVE_IN):
            data["to_unit"] = None
        if kind != MemberEvent.Kind.TRANSFER and kind not in timeline.LEAVING:
            data["from_unit"] = None
        return data


class UnitProfileForm(CapitalisedLabels, forms.ModelForm):
    """The document profile of a committee or cell, filled once by the office."""

    class Meta:
        model = Unit
        fields = list(PROFILE_FIELDS)  # the fields the service saves
        widgets = {
            "deputy_names": forms.Textarea(attrs={"rows": 3}),
            "usual_recipients": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.capitalise_labels()
