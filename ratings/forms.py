"""Forms of the rating round. Validation that needs the rules lives in the services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedForm

from .models import SCORE_VALIDATORS, CapCondition, Complaint, Level, RuleSet

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _score_field(label: StrOrPromise) -> forms.DecimalField:
    """An optional score or percentage between 0 and 100, with two decimals."""
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=5,
        decimal_places=2,
        validators=SCORE_VALIDATORS,
    )


LEVEL_CHOICES = [("", "—"), *Level.choices]


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
    shortcomings_fixed = forms.BooleanField(
        label=_("Every shortcoming found in the year fixed"), required=False
    )
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
                "shortcomings_fixed",
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


class ReconsiderationForm(forms.Form):
    text = forms.CharField(
        label=_("What is to be reconsidered"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("E.g. the discipline found after the decision, with its decision number."),
    )


class AnswerForm(forms.Form):
    """The competent level's answer: keep the decision, or change it by a new decision."""

    outcome = forms.ChoiceField(
        label=_("Answer"), choices=Complaint.Outcome.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}))
    level = forms.ChoiceField(label=_("New level"), choices=LEVEL_CHOICES, required=False)
    number = forms.CharField(label=_("Decision number"), max_length=40, required=False)
    date = forms.DateField(
        label=_("Decision date"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


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
            "good_needs_on_time",
            "excellent_needs_shortcomings_fixed",
            "decision_follows_score",
            "job_rating_caps",
            "unit_after_members",
            "unit_excellent_no_disciplined",
            "review_start_month",
            "review_end_month",
            "level_names",
            "unit_level_names",
            "citations",
            "note",
        ]
        widgets = {
            "documents": forms.Textarea(attrs={"rows": 3}),
            "level_names": forms.Textarea(attrs={"rows": 4}),
            "unit_level_names": forms.Textarea(attrs={"rows": 4}),
            "citations": forms.Textarea(attrs={"rows": 6}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_citations(self):
        """An empty box means no citations (the rule set's name is then cited)."""
        return self.cleaned_data.get("citations") or {}
