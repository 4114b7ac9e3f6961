from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedForm
from core.forms import field_of, ticked
from organisation.models import Unit

from .models import Document, StudyTopic
from .policies import office_unit_q
from .validators import validate_attachment

# Typed as the offices write dates (dd/mm/yyyy); a browser's date picker would follow the
# browser's own language instead. ISO dates are accepted too.
DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
DATE_INPUT = forms.DateInput(
    format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}
)


class DocumentForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Document
        fields = ["number_symbol", "kind", "issued_on", "issuer", "summary", "issued_by", "file"]
        widgets = {
            "issued_on": DATE_INPUT,
            "summary": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "number_symbol": _("For example 05-CT/TW or 12-KH/ĐU."),
            "issued_by": _("Blank for a document from outside the committee (e.g. the Politburo)."),
            "file": _("pdf, doc, docx, xlsx, jpg or png."),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "issued_by", forms.ModelChoiceField).queryset = Unit.objects.filter(
            office_unit_q(user)
        ).order_by("path")
        self.fields["issued_by"].label = _("Issued by (our unit)")
        field_of(self, "issued_on", forms.DateField).input_formats = DATE_FORMATS

    def clean_file(self) -> Any:
        file = self.cleaned_data.get("file")
        if file and hasattr(file, "content_type"):  # a new upload, not the stored file
            validate_attachment(file)
        return file


class DeliveryForm(forms.Form):
    all_cells = forms.BooleanField(label=_("All cells not yet sent"), required=False)
    units = ticked(
        _("Cells"), Unit.objects.none(), help_text=_("Or tick “All cells not yet sent” above.")
    )
    sent_on = forms.DateField(label=_("Date sent"), widget=DATE_INPUT, input_formats=DATE_FORMATS)

    def __init__(self, *args: Any, cells: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"sent_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        field_of(self, "units", forms.ModelChoiceField).queryset = cells

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("all_cells"):
            data["units"] = list(field_of(self, "units", forms.ModelChoiceField).queryset or [])
        if not data.get("units"):
            self.add_error("units", _("Choose at least one cell."))
        return data


class StudyTopicForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = StudyTopic
        fields = ["code", "title", "kind", "start_year", "end_year", "document"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "code": _("For example CD-2021."),
            "end_year": _("An annual topic starts and ends in the same year."),
        }

    def __init__(self, *args: Any, documents: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "document", forms.ModelChoiceField).queryset = documents
        self.fields["end_year"].required = False


class DocumentFilterForm(forms.Form):
    """Filters of the register; choices come from what the user may see."""

    kind = forms.ChoiceField(label=_("kind"), required=False)
    year = forms.TypedChoiceField(label=_("year"), required=False, coerce=int, empty_value=None)
    issuer = forms.ChoiceField(label=_("issuing body"), required=False)

    def __init__(self, *args: Any, years: list[int], issuers: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        field_of(self, "kind", forms.ChoiceField).choices = everything + list(Document.Kind.choices)
        field_of(self, "year", forms.ChoiceField).choices = everything + [
            (year, str(year)) for year in years
        ]
        field_of(self, "issuer", forms.ChoiceField).choices = everything + [
            (issuer, issuer) for issuer in issuers
        ]
