"""Forms for plans, items, conclusions, findings and remediation follow-up."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedForm
from core.forms import field_of
from documents.models import Document, StudyTopic
from organisation.models import Unit
from organisation.pickers import PersonPickerField, PickerFormMixin, unit_menu

from .models import Finding, Inspection, InspectionPlan, Remediation
from .services import PLANNING_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def subject_units(committee: Unit):
    return Unit.objects.filter(
        path__startswith=committee.path,
        kind__in=[Unit.Kind.SUB_COMMITTEE, Unit.Kind.CELL],
    ).order_by("path")


def committee_documents(committee: Unit):
    """Documents a plan or an item may cite: from outside bodies, or issued inside the
    committee; never another committee's."""
    return Document.objects.filter(
        Q(issued_by__isnull=True) | Q(issued_by__path__startswith=committee.path)
    ).order_by("-issued_on")


class PlanForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = InspectionPlan
        fields = ["year", "number_symbol", "issued_on", "title", "document", "file"]
        widgets = {"issued_on": DATE}

    def __init__(self, *args: Any, committee: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "document", forms.ModelChoiceField).queryset = committee_documents(committee)
        if not self.instance.pk:
            self.fields["year"].initial = timezone.localdate().year


class InspectionForm(VersionedForm, PickerFormMixin, forms.ModelForm):
    """An item of the plan: what, who, when, by whom."""

    # A member on the committee's roll on the planned start (today when not yet planned).
    subject_person = PersonPickerField(
        date_field="planned_from", required=False, label=capfirst(_("subject person"))
    )

    class Meta:
        model = Inspection
        fields = list(PLANNING_FIELDS)  # exactly what inspection_update may change
        widgets = {
            "planned_from": DATE,
            "planned_to": DATE,
            "content": forms.Textarea(attrs={"rows": 3}),
            "team": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"subject_unit": _("A cell or a sub-committee; or choose a member below.")}

    def __init__(self, *args: Any, committee: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit_menu(field_of(self, "subject_unit", forms.ModelChoiceField), subject_units(committee))
        self.set_picker_units([committee])
        field_of(self, "document", forms.ModelChoiceField).queryset = committee_documents(committee)
        field_of(self, "study_topic", forms.ModelChoiceField).queryset = StudyTopic.objects.all()

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if bool(data.get("subject_unit")) == bool(data.get("subject_person")):
            self.add_error(
                "subject_unit", _("Choose either a unit or a member as the subject, not both.")
            )
        return data


class CarryOutForm(VersionedForm, forms.ModelForm):
    """Dates and the team's report of an item under way."""

    class Meta:
        model = Inspection
        fields = ["started_on", "ended_on", "team", "team_report", "team_report_file"]
        widgets = {
            "started_on": DATE,
            "ended_on": DATE,
            "team_report": forms.Textarea(attrs={"rows": 6}),
            "team": forms.Textarea(attrs={"rows": 3}),
        }


class StartForm(forms.Form):
    started_on = forms.DateField(label=capfirst(_("start date")), widget=DATE)


class ConcludeForm(forms.Form):
    conclusion_number = forms.CharField(
        label=capfirst(_("conclusion number")),
        max_length=60,
        required=False,
        help_text=_("e.g. 12-TB/ĐU"),
    )
    concluded_on = forms.DateField(label=capfirst(_("conclusion date")), widget=DATE)
    ended_on = forms.DateField(label=capfirst(_("end date")), widget=DATE, required=False)
    conclusion = forms.CharField(
        label=capfirst(_("conclusion")), widget=forms.Textarea(attrs={"rows": 6})
    )
    conclusion_file = forms.FileField(label=capfirst(_("conclusion file")), required=False)


class FindingForm(forms.ModelForm):
    class Meta:
        model = Finding
        fields = ["kind", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class RemediationForm(VersionedForm, PickerFormMixin, forms.ModelForm):
    # A member on the roll today of the responsible unit (or of the committee).
    responsible_person = PersonPickerField(
        unit_field="responsible_unit", required=False, label=capfirst(_("responsible person"))
    )

    class Meta:
        model = Remediation
        fields = ["finding", "content", "responsible_unit", "responsible_person", "deadline"]
        widgets = {"deadline": DATE, "content": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "responsible_unit": _("Blank: the subject of the inspection is responsible."),
        }

    def __init__(self, *args: Any, inspection: Inspection, committee: Unit, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field_of(self, "finding", forms.ModelChoiceField).queryset = inspection.findings.filter(
            kind=Finding.Kind.SHORTCOMING
        )
        unit_menu(
            field_of(self, "responsible_unit", forms.ModelChoiceField),
            Unit.objects.filter(path__startswith=committee.path),
        )
        self.set_picker_units([committee])


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class SubmitForm(forms.Form):
    prefix = "submit"
    text = forms.CharField(
        label=capfirst(_("what was done")), widget=forms.Textarea(attrs={"rows": 5})
    )
    # A declared field, not BaseForm.files (the metaclass moves it into base_fields).
    files = MultipleFileField(  # type: ignore[assignment]
        label=capfirst(_("evidence files")), required=False
    )


class VerifyForm(forms.Form):
    prefix = "verify"
    completed_on = forms.DateField(
        label=capfirst(_("completion date")),
        widget=DATE,
        help_text=_("The date you verified the task as done."),
    )
    note = forms.CharField(
        label=capfirst(_("inspector's note")),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReturnForm(forms.Form):
    prefix = "return"
    note = forms.CharField(
        label=capfirst(_("what is missing")), widget=forms.Textarea(attrs={"rows": 3})
    )
