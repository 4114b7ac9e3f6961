"""Forms of the plan and its parts; the models' clean() gives the messages next to fields."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import field_of, label_choices
from meetings.models import FocusArea
from organisation.models import Unit

from . import catalogue, selectors
from .models import BreakthroughArea, Plan, PlanItem, Target

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["year", "number_symbol", "issued_on", "title", "purpose"]
        widgets = {"issued_on": DATE, "purpose": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "issued_on", forms.DateField).input_formats = DATE_FORMATS
        if not self.instance.pk:
            self.fields["year"].initial = timezone.localdate().year
        else:
            self.fields["year"].disabled = True


class ItemForm(forms.ModelForm):
    class Meta:
        model = PlanItem
        fields = ["content", "deadline", "responsible_units", "responsible_text", "done_on"]
        widgets = {
            "deadline": DATE,
            "done_on": DATE,
            "content": forms.Textarea(attrs={"rows": 3}),
            "responsible_units": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("deadline", "done_on"):
            field_of(self, name, forms.DateField).input_formats = DATE_FORMATS
        field_of(self, "responsible_units", forms.ModelChoiceField).queryset = Unit.objects.filter(
            path__startswith=plan.committee.path
        ).order_by("path")
        label_choices(
            field_of(self, "responsible_units", forms.ModelChoiceField),
            lambda unit: f"{unit.code} — {unit.name}",
        )


class TargetForm(forms.ModelForm):
    figure = forms.ChoiceField(
        label=_("Report figure"),
        choices=catalogue.choices,
        error_messages={
            "invalid_choice": _(
                "There is no figure “%(value)s”; choose one of the figures the report computes."
            )
        },
    )

    class Meta:
        model = Target
        fields = ["figure", "comparison", "value", "due", "note"]
        widgets = {"due": DATE}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "due", forms.DateField).input_formats = DATE_FORMATS


class AreaForm(forms.ModelForm):
    class Meta:
        model = BreakthroughArea
        fields = ["focus_area", "actions", "activities", "inspections"]
        widgets = {
            "actions": forms.Textarea(attrs={"rows": 4}),
            "activities": forms.CheckboxSelectMultiple,
            "inspections": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "focus_area", forms.ModelChoiceField).queryset = FocusArea.objects.filter(
            committee=plan.committee
        )
        activities, inspections = selectors.tag_choices(plan)
        field_of(self, "activities", forms.ModelChoiceField).queryset = activities
        field_of(self, "inspections", forms.ModelChoiceField).queryset = inspections


PARTS = {
    "muc": (ItemForm, "items", _("task")),
    "chi-tieu": (TargetForm, "targets", _("target")),
    "dot-pha": (AreaForm, "areas", _("breakthrough area")),
}
