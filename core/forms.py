"""Forms every app shares: putting a service's refusal on a form, the audit page's filter."""

from __future__ import annotations

from typing import Any

from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core import audit


def form_errors(form: forms.BaseForm, error: ValidationError, default: str | None = None) -> None:
    """Put a service's refusal on the form: each message next to the field it names, the
    rest next to `default` (or above the form). One place, so every page shows it alike."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else default, errors)
    else:
        form.add_error(default, error)


class AuditFilterForm(forms.Form):
    model = forms.ChoiceField(label=_("Record"), required=False)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None, required=False)
    person = forms.CharField(
        label=_("Person code"), required=False, max_length=40, help_text=_("E.g. NS00012")
    )
    user = forms.ModelChoiceField(label=_("Changed by"), queryset=None, required=False)
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, reader: Any, **kwargs: Any) -> None:
        """`reader`: the user reading the trail; every choice and lookup stays in his scope."""
        super().__init__(*args, **kwargs)
        from core.policy import role_paths, subtree_q
        from core.roles import SEES_EVERYTHING

        self.scope = (
            None if getattr(reader, "is_superuser", False) else role_paths(reader, SEES_EVERYTHING)
        )
        self.fields["model"].choices = [("", _("All records"))] + [
            (entry.key, entry.name.capitalize()) for entry in audit.registered()
        ]
        units = apps.get_model("organisation", "Unit").objects.order_by("path")
        users = get_user_model().objects.order_by("username")
        if self.scope is not None:
            units = units.filter(subtree_q(self.scope, "path"))
            users = users.filter(
                subtree_q(self.scope, "role_assignments__unit__path") | Q(pk=reader.pk)
            ).distinct()
        self.fields["unit"].queryset = units
        self.fields["user"].queryset = users
        # The tree's order, indented, with codes (as organisation.pickers.unit_label).
        self.fields["unit"].label_from_instance = lambda unit: (
            f"{chr(0xA0) * 3 * unit.depth}{unit.name} ({unit.code})"
        )

    def clean_person(self) -> Any:
        """A code outside the reader's scope answers like a code that does not exist."""
        code = (self.cleaned_data.get("person") or "").strip()
        if not code:
            return None
        people = apps.get_model("organisation", "Person").objects.filter(code=code)
        if self.scope is not None:
            from core.policy import subtree_q

            people = people.filter(subtree_q(self.scope, "unit__path"))
        person = people.first()
        if person is None:
            raise forms.ValidationError(_("No person has this code."))
        return person

    def filters(self) -> audit.AuditFilters:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return audit.AuditFilters(
            model=data.get("model") or None,
            unit=data.get("unit"),
            person=data.get("person"),
            user=data.get("user"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            scope=self.scope,
        )
