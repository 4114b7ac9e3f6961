from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedForm

from .models import Review
from .services import EDITABLE_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReviewForm(VersionedForm, forms.ModelForm):
    """The report's facts. The committee is chosen only when the report starts."""

    class Meta:
        model = Review
        # The committee, then what the services let a draft change.
        fields = ["committee", *EDITABLE_FIELDS]
        widgets = {
            "period_from": DATE,
            "period_to": DATE,
            "issued_on": DATE,
            "recipients": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"number_symbol": _("For example 15-BC/ĐU.")}

    def __init__(self, *args, committees=None, directives=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["committee"]
        elif committees is not None:
            self.fields["committee"].queryset = committees
        if directives is not None:
            self.fields["directive"].queryset = directives
        for name in ("period_from", "period_to", "issued_on"):
            self.fields[name].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]


class SectionForm(forms.Form):
    text = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 10})
    )
