"""Forms of the rating round. Validation that needs the rules lives in the services."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedForm

from .models import SCORE_VALIDATORS, CapCondition, Level, RuleSet


def _score_field(label: str) -> forms.DecimalField:
    """An optional score or percentage between 0 and 100, with two decimals."""
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=5,
        decimal_places=2,
        validators=SCORE_VALIDATORS,
    )


LEVEL_CHOICES = [("", "—"), *Level.choices]


def attach_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's errors next to their field, or above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for item in errors:
                form.add_error(target, item)
    else:
        for message in error.messages:
            form.add_error(None, message)


class SelfAssessmentForm(VersionedForm, forms.Form):
    self_text = forms.CharField(
        label=_("Self-assessment"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What you did this year against your pledge and personal plan."),
    )
    self_score = _score_field(_("Self-assessed score"))
    all_tasks_done = forms.BooleanField(label=_("All tasks done"), required=False)
    all_tasks_on_time = forms.BooleanField(label=_("All tasks done on time"), required=False)
    beyond_target_percent = _score_field(_("Share of tasks beyond target (%)"))
    self_level = forms.ChoiceField(label=_("Proposed level"), choices=LEVEL_CHOICES, required=False)

    def __init__(self, *args, scored: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if scored:
            self.fields["self_score"].required = True
            self.fields["self_level"].help_text = _(
                "Blank: the level that follows from the score and the task conditions."
            )
        else:
            for name in (
                "self_score",
                "all_tasks_done",
                "all_tasks_on_time",
                "beyond_target_percent",
            ):
                del self.fields[name]
            self.fields["self_level"].required = True


class DecisionForm(VersionedForm, forms.Form):
    level = forms.ChoiceField(label=_("Decided level"), choices=LEVEL_CHOICES)
    score = _score_field(_("Score"))
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, scored: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not scored:
            del self.fields["score"]


class ComplaintForm(forms.Form):
    text = forms.CharField(label=_("Complaint"), widget=forms.Textarea(attrs={"rows": 5}))


class CapConditionForm(forms.ModelForm):
    person_code = forms.CharField(label=_("Person code"), max_length=40)

    class Meta:
        model = CapCondition
        fields = ["year", "kind", "source", "self_fixed", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    field_order = ["person_code", "year", "kind", "source", "self_fixed", "note"]


class RuleSetForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = RuleSet
        fields = [
            "code",
            "name",
            "first_year",
            "last_year",
            "documents",
            "scored",
            "excellent_min_score",
            "good_min_score",
            "complete_min_score",
            "excellent_beyond_target_percent",
            "quota_percent",
            "quota_base",
            "self_assessment_required",
            "self_fixed_exempt",
            "note",
        ]
        widgets = {
            "documents": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
