from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedForm
from organisation.pickers import PersonPickerField, PickerFormMixin, scope_roots

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PledgeForm(VersionedForm, forms.Form):
    registered_on = forms.DateField(label=_("Date registered"), widget=DATE_INPUT)
    content = forms.CharField(
        label=_("Content of the pledge"), widget=forms.Textarea(attrs={"rows": 16})
    )


class PaperPledgeForm(PickerFormMixin, PledgeForm):
    # Members and non-member staff of the user's units on the registration date.
    person = PersonPickerField(label=_("Person"), date_field="registered_on", scope="people")
    year = forms.IntegerField(label=_("Year"), min_value=1930, max_value=2100)
    scan = forms.FileField(
        label=_("Signed scan (PDF, PNG or JPEG)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )
    field_order = ["person", "year", "registered_on", "content", "scan"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_picker_units(scope_roots(user))


class PledgeEditForm(PledgeForm):
    scan = forms.FileField(
        label=_("Signed scan (PDF, PNG or JPEG)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )


class PlanForm(VersionedForm, forms.Form):
    content = forms.CharField(
        label=_("Goals for the year"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    items = forms.CharField(
        label=_("Items of the personal plan"),
        help_text=_("One item per line."),
        widget=forms.Textarea(attrs={"rows": 10}),
    )


class StandardForm(VersionedForm, forms.Form):
    items = forms.CharField(
        label=_("Standards"),
        help_text=_("One item per line."),
        widget=forms.Textarea(attrs={"rows": 12}),
    )


class TemplateForm(forms.Form):
    text = forms.CharField(
        label=_("Template text"),
        help_text=_("{year} is replaced by the year."),
        widget=forms.Textarea(attrs={"rows": 12}),
    )


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1930, max_value=2100, required=False)
    on_date = forms.DateField(label=_("Counted on"), required=False, widget=DATE_INPUT)
