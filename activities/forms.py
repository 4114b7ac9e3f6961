from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedForm
from organisation.models import MassOrganisation, Person, Unit
from organisation.pickers import (
    PeoplePickerField,
    PersonPickerField,
    PickerFormMixin,
    scope_roots,
    unit_menu,
)

from .models import ActivityKind, Commendation

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _person_label(person: Person) -> str:
    return f"{person.full_name} ({person.code})"


class ActivityForm(VersionedForm, PickerFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Code"), max_length=40, required=False, help_text=_("Blank: given automatically.")
    )
    organisation = forms.ModelChoiceField(
        label=_("Mass organisation"), queryset=MassOrganisation.objects.all()
    )
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    kind = forms.ModelChoiceField(label=_("Kind"), queryset=ActivityKind.objects.all())
    date = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    title = forms.CharField(label=_("Activity name"), max_length=255)
    participants = forms.IntegerField(label=_("Participants"), initial=0)
    quantity = forms.DecimalField(
        label=_("Quantity"), required=False, max_digits=16, decimal_places=2
    )
    measure_unit = forms.CharField(
        label=_("Unit of measure"),
        max_length=40,
        required=False,
        help_text=_("Blank: the kind's usual unit (units of blood, đồng, gifts …)."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    # The people of the activity's unit on its date, members or not.
    people = PeoplePickerField(
        label=_("People who took part (optional)"),
        unit_field="unit",
        date_field="date",
        scope="people",
        required=False,
    )
    image = forms.FileField(
        label=_("Photo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/*"}),
    )

    def __init__(self, *args, units=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            unit_menu(self.fields["unit"], units)
        self.set_picker_units(scope_roots(user))


class PhotoForm(forms.Form):
    image = forms.FileField(label=_("Photo"), widget=forms.FileInput(attrs={"accept": "image/*"}))
    caption = forms.CharField(label=_("Caption"), max_length=255, required=False)


class CommendationForm(VersionedForm, PickerFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Code"), max_length=40, required=False, help_text=_("Blank: given automatically.")
    )
    person = PersonPickerField(
        label=_("Person commended"),
        date_field="decided_on",
        scope="people",
        required=False,
        help_text=_("A party member or not."),
    )
    unit = forms.ModelChoiceField(
        label=_("Collective commended"), queryset=Unit.objects.none(), required=False
    )
    level = forms.ChoiceField(label=_("Level"), choices=Commendation.Level.choices)
    form = forms.CharField(
        label=_("Form"),
        max_length=120,
        help_text=_("e.g. Giấy khen, Bằng khen"),
        widget=forms.TextInput(attrs={"list": "commendation-forms"}),
    )
    decision_number = forms.CharField(label=_("Decision number"), max_length=60, required=False)
    decided_on = forms.DateField(label=_("Decision date"), widget=DATE_INPUT)
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, units=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            unit_menu(self.fields["unit"], units)
        self.set_picker_units(scope_roots(user))

    def clean(self):
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("unit")):
            raise forms.ValidationError(
                _("Choose either a person or a collective to commend, not both.")
            )
        return data
