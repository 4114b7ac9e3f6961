"""Forms for the unit tree over time: found, correct, rename, move, dissolve or merge.

They check what a form can see; the services (`organisation.services.units`) check the
history and write.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.forms import field_of

from .forms import CapitalisedLabels, date_field, not_future
from .models import Person, Unit


class UnitFoundForm(CapitalisedLabels, forms.Form):
    """A new unit under `parent`, from its founding date."""

    code = forms.CharField(label=_("code"), max_length=40)
    name = forms.CharField(label=_("name"), max_length=255)
    kind = forms.ChoiceField(
        label=_("kind"),
        choices=[(Unit.Kind.CELL, Unit.Kind.CELL.label)]
        + [(Unit.Kind.SUB_COMMITTEE, Unit.Kind.SUB_COMMITTEE.label)],
    )
    parent = forms.ModelChoiceField(label=_("parent unit"), queryset=Unit.objects.none())
    founded_on = date_field(
        _("date founded"), help_text=_("Leave blank when the unit exists since before the records.")
    )

    def __init__(self, *args: Any, parents: QuerySet[Unit] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if parents is not None:
            field_of(self, "parent", forms.ModelChoiceField).queryset = parents
        self.capitalise_labels()

    def clean_founded_on(self) -> Any:
        return not_future(self, "founded_on")


class UnitEditForm(CapitalisedLabels, forms.ModelForm):
    """Correct a unit's particulars (a typo, a wrong founding date); not a rename."""

    founded_on = date_field(
        _("date founded"), help_text=_("Leave blank when the unit exists since before the records.")
    )

    class Meta:
        model = Unit
        fields = ["code", "name", "superior_body", "place", "founded_on"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].help_text = _(
            "Only to correct a mistake: a unit that changes its name is renamed on a date."
        )
        self.capitalise_labels()

    def clean_founded_on(self) -> Any:
        return not_future(self, "founded_on")


class UnitRenameForm(CapitalisedLabels, forms.Form):
    name = forms.CharField(label=_("new name"), max_length=255)
    on = date_field(_("date of the new name"), required=True)

    def clean_on(self) -> Any:
        return not_future(self, "on")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.capitalise_labels()


class UnitMoveForm(CapitalisedLabels, forms.Form):
    parent = forms.ModelChoiceField(label=_("new parent unit"), queryset=Unit.objects.none())

    def __init__(self, *args: Any, parents: QuerySet[Unit] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if parents is not None:
            field_of(self, "parent", forms.ModelChoiceField).queryset = parents
        self.capitalise_labels()


class UnitDissolveForm(CapitalisedLabels, forms.Form):
    """Dissolve or merge a unit on a date; its members go to the receiving unit unless a
    member's own field names another."""

    on = date_field(
        _("date dissolved"),
        required=True,
        help_text=_("The unit exists until the day before; its members move on this day."),
    )
    successor = forms.ModelChoiceField(
        label=_("receiving unit"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("Where the unit is merged: its members go there unless chosen below."),
    )

    def __init__(
        self,
        *args: Any,
        targets: QuerySet[Unit] | None = None,
        members: Sequence[Person] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        targets = targets if targets is not None else Unit.objects.none()
        field_of(self, "successor", forms.ModelChoiceField).queryset = targets
        self.members = list(members)
        for person in self.members:
            self.fields[self.member_field(person)] = forms.ModelChoiceField(
                label=person.full_name,
                queryset=targets,
                required=False,
                empty_label=_("— the receiving unit —"),
            )
        self.capitalise_labels()

    @staticmethod
    def member_field(person: Person) -> str:
        return f"member_{person.pk}"

    def clean_on(self) -> Any:
        return not_future(self, "on")

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not data.get("successor"):
            missing = [p for p in self.members if not data.get(self.member_field(p))]
            if missing:
                self.add_error(
                    "successor",
                    _("Choose the receiving unit, or a unit for each member listed below."),
                )
        return data

    def destinations(self) -> dict[int, Unit]:
        """Person id → the unit chosen for him (members left to the receiving unit omitted)."""
        data = self.cleaned_data
        return {
            person.pk: data[self.member_field(person)]
            for person in self.members
            if data.get(self.member_field(person))
        }
