"""Forms every app shares: putting a service's refusal on a form, the audit page's filter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core import audit

FieldT = TypeVar("FieldT", bound=forms.Field)


def ticked(
    label: Any, queryset: Any, *, required: bool = False, **kwargs: Any
) -> forms.ModelMultipleChoiceField[Any]:
    """A choice of several records shown as a list of checkboxes (optional unless
    `required`)."""
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=queryset,
        required=required,
        widget=forms.CheckboxSelectMultiple,
        **kwargs,
    )


def field_of(form: forms.BaseForm, name: str, kind: type[FieldT]) -> FieldT:
    """The form's field `name` as the `kind` of field it is, to set what only that kind has
    (a choice field's `queryset`, `choices`, `label_from_instance`) in a type-checked way."""
    found = form.fields[name]
    if not isinstance(found, kind):
        raise TypeError(f"{type(form).__name__}.{name} is a {type(found).__name__}")
    return found


def label_choices(field: forms.ModelChoiceField[Any], label: Callable[[Any], str]) -> None:
    """Show each option of the choice field as `label(record)` rather than `str(record)`."""
    # Django's documented way is to override label_from_instance; per form, an instance
    # attribute does it without a field class for each label.
    field.label_from_instance = label  # type: ignore[method-assign, assignment]


def form_errors(form: forms.BaseForm, error: ValidationError, default: str | None = None) -> None:
    """Put a service's refusal on the form: each message next to the field it names, the
    rest next to `default` (or above the form). One place, so every page shows it alike."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else default, errors)
    else:
        form.add_error(default, error)


class _UnitChoiceField(forms.ModelChoiceField[Any]):
    def label_from_instance(self, obj: Any) -> str:
        """The tree's order, indented, with codes (as organisation.pickers.unit_label)."""
        return f"{chr(0xA0) * 3 * obj.depth}{obj.name} ({obj.code})"


class AuditFilterForm(forms.Form):
    model = forms.ChoiceField(label=_("Record"), required=False)
    unit = _UnitChoiceField(label=_("Unit"), queryset=None, required=False)
    person = forms.CharField(
        label=_("Person code"), required=False, max_length=40, help_text=_("E.g. NS00012")
    )
    user: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Changed by"), queryset=None, required=False
    )
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
        field_of(self, "model", forms.ChoiceField).choices = [("", _("All records"))] + [
            (entry.key, entry.name.capitalize()) for entry in audit.registered()
        ]
        units = apps.get_model("organisation", "Unit").objects.order_by("path")
        users = get_user_model().objects.order_by("username")
        if self.scope is not None:
            units = units.filter(subtree_q(self.scope, "path"))
            users = users.filter(
                subtree_q(self.scope, "role_assignments__unit__path") | Q(pk=reader.pk)
            ).distinct()
        field_of(self, "unit", forms.ModelChoiceField).queryset = units
        field_of(self, "user", forms.ModelChoiceField).queryset = users

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
