"""Person pickers: search as you type among the people of a unit on a date, checked on save.

A picker replaces a drop-down of every person. The form field names where the unit and the
date come from (other fields of the same form, or fixed units given by the view); the search
box asks `organisation:person_picker` with htmx, which answers radio buttons (check boxes for
several people) of the matches. The chosen value is posted as the field's ordinary value, so
the form works the same with or without the search, and `PickerFormMixin.clean` refuses
anyone who is not on the roll of the unit on the date, with a message naming both.

"On the roll" is `organisation.selectors.roll_on` (members) or `people_on` (members and
staff): the one definition, re-pointed when membership history changes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.search import search

from . import selectors
from .models import Person, Unit
from .policies import units as unit_policy

ROLL, PEOPLE = "roll", "people"  # party members only; members and non-member staff
MAX_RESULTS = 20


def candidates(units: Iterable[Unit], on: dt.date, scope: str) -> QuerySet[Person]:
    """Who may be picked: on the roll (or among the people) of any of `units` on `on`."""
    query = Q(pk__in=[])
    for unit in units:
        pool = selectors.roll_on(unit, on) if scope == ROLL else selectors.people_on(unit, on)
        query |= Q(pk__in=pool.values("pk"))
    return Person.objects.filter(query)


def matches(units: list[Unit], on: dt.date, scope: str, text: str) -> list[Person]:
    """The first matches of `text` (name or code, without diacritics) among the candidates."""
    if not text.strip() or not units:
        return []
    found = search(candidates(units, on, scope), text)
    return list(found.select_related("unit").order_by("sort_key", "code")[:MAX_RESULTS])


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return forms.DateField().clean(value) if value else None
    except forms.ValidationError:
        return None


class PersonPicker(forms.Widget):
    """A search box and the chosen person(s) as radio buttons (check boxes when `multiple`)."""

    template_name = "organisation/widgets/person_picker.html"

    def __init__(self, *, multiple: bool = False, attrs: dict | None = None) -> None:
        super().__init__(attrs)
        self.multiple = multiple
        self.config: dict[str, Any] = {}  # set by PersonPickerField

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        if self.multiple:
            return [value for value in data.getlist(name) if value]
        return data.get(name) or None

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return False

    def format_value(self, value: Any) -> list[str]:
        if value in (None, "", []):
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [str(getattr(item, "pk", item)) for item in values]

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        chosen = [pk for pk in context["widget"]["value"] if str(pk).isdigit()]
        people = Person.objects.filter(pk__in=chosen).select_related("unit").order_by("sort_key")
        include = [f"[name='{name}']"] + [
            f"[name='{self.config[key]}']"
            for key in ("unit_field", "date_field")
            if self.config.get(key)
        ]
        vals = {
            "field": name,
            "scope": self.config.get("scope", ROLL),
            "multiple": "1" if self.multiple else "",
            "unit_field": self.config.get("unit_field") or "",
            "date_field": self.config.get("date_field") or "",
            "units": ",".join(str(pk) for pk in self.config.get("units", ())),
            "required": "1" if self.is_required else "",
        }
        context["picker"] = {
            "url": reverse("organisation:person_picker"),
            "vals": json.dumps(vals),
            "include": ", ".join(include),
            "people": people,
            "multiple": self.multiple,
            "required": self.is_required,
            "name": name,
        }
        return context


if TYPE_CHECKING:  # the mixins below are only ever mixed into these Django classes
    _FieldBase = forms.ModelChoiceField
    _FormBase = forms.BaseForm
else:
    _FieldBase = _FormBase = object


class _PickerField(_FieldBase):
    """What a single and a multiple picker field share: where the unit and the date come from."""

    widget_multiple = False

    def __init__(
        self,
        *,
        unit_field: str | None = None,
        date_field: str | None = None,
        scope: str = ROLL,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("queryset", Person.objects.all())
        kwargs["widget"] = PersonPicker(multiple=self.widget_multiple)
        super().__init__(**kwargs)
        self.picker: dict[str, Any] = {
            "unit_field": unit_field,
            "date_field": date_field,
            "scope": scope,
        }
        self.widget.config = dict(self.picker)

    def __deepcopy__(self, memo: dict) -> Any:
        # Widget.__deepcopy__ is shallow: give each form its own config (units set per view).
        result = super().__deepcopy__(memo)
        result.widget.config = dict(self.widget.config)
        return result


class PersonPickerField(_PickerField, forms.ModelChoiceField):
    """One person picked by searching among the people of `unit_field` on `date_field`."""


class PeoplePickerField(_PickerField, forms.ModelMultipleChoiceField):
    """Several people, picked like `PersonPickerField`."""

    widget_multiple = True


class PickerFormMixin(_FormBase):
    """Refuses a picked person outside the roll of the form's unit on the form's date.

    `picker_units` (set by the view) are the units used when a picker has no unit field, or
    when that field is left blank.
    """

    picker_units: list[Unit] = []

    def set_picker_units(self, units: Iterable[Unit]) -> None:
        self.picker_units = list(units)
        for field in self._picker_fields():
            field.widget.config["units"] = [unit.pk for unit in self.picker_units]

    def _picker_fields(self) -> list[forms.Field]:
        return [f for f in self.fields.values() if isinstance(f.widget, PersonPicker)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        for name, field in self.fields.items():
            if not isinstance(field, _PickerField) or not data.get(name):
                continue
            unit_field, date_field = field.picker["unit_field"], field.picker["date_field"]
            unit = data.get(unit_field) if unit_field else None
            units = [unit] if unit else self.picker_units
            on = parse_date(data.get(date_field)) if date_field else None
            on = on or timezone.localdate()
            picked = data[name] if field.widget.multiple else [data[name]]
            allowed = set(
                candidates(units, on, field.picker["scope"])
                .filter(pk__in=[p.pk for p in picked])
                .values_list("pk", flat=True)
            )
            for person in picked:
                if person.pk not in allowed:
                    self.add_error(name, outside_message(person, units, on, field.picker["scope"]))
        return data


def outside_message(person: Person, units: list[Unit], on: dt.date, scope: str) -> str:
    where = ", ".join(unit.name for unit in units) or _("your units")
    values = {"name": person.full_name, "units": where, "date": date_format(on, "d/m/Y")}
    if scope == ROLL:
        return _("%(name)s is not on the party roll of %(units)s on %(date)s.") % values
    return _("%(name)s does not belong to %(units)s on %(date)s.") % values


def results_context(user: Any, params: Any) -> dict[str, Any]:
    """What the picker's search answers: the chosen people kept, then the matches.

    Units are limited to the user's scope, so the search never shows anyone he may not see.
    """
    name = params.get("field", "")
    if not name.isidentifier():
        return {"name": "", "people": [], "found": [], "multiple": False, "required": True}
    scope = PEOPLE if params.get("scope") == PEOPLE else ROLL
    in_scope = unit_policy.queryset_for(user)
    unit_field = params.get("unit_field", "")
    unit_pk = params.get(unit_field, "") if unit_field else ""
    if unit_pk:
        units = list(in_scope.filter(pk=unit_pk)) if unit_pk.isdigit() else []
    else:
        pks = [int(pk) for pk in params.get("units", "").split(",") if pk.isdigit()]
        units = list(in_scope.filter(pk__in=pks))
    date_field = params.get("date_field", "")
    on = (parse_date(params.get(date_field)) if date_field else None) or timezone.localdate()
    chosen = [pk for pk in params.getlist(name) if pk.isdigit()]
    people = list(
        candidates(units, on, scope).filter(pk__in=chosen).select_related("unit") if units else []
    )
    text = params.get(f"{name}__q", "")
    found = [p for p in matches(units, on, scope, text) if str(p.pk) not in chosen]
    message = ""
    if not units:
        message = _("Choose the unit first.")
    elif text.strip() and not found:
        where = ", ".join(unit.name for unit in units)
        message = _("Nobody of %(units)s on %(date)s matches “%(text)s”.") % {
            "units": where,
            "date": date_format(on, "d/m/Y"),
            "text": text,
        }
    return {
        "name": name,
        "people": people,
        "found": found,
        "message": message,
        "multiple": bool(params.get("multiple")),
        "required": bool(params.get("required")),
    }


def scope_roots(user: Any) -> list[Unit]:
    """The units on which the user holds a role that sees records (roots for a superuser)."""
    paths = unit_policy.scope_paths(user)
    if paths is None:
        return list(Unit.objects.filter(parent__isnull=True))
    return list(Unit.objects.filter(path__in=paths))


def unit_label(unit: Unit) -> str:
    """A unit in a menu: indented by its depth in the tree, with its code."""
    return f"{NBSP * 3 * unit.depth}{unit.name} ({unit.code})"


NBSP = "\u00a0"


def unit_menu(field: forms.ModelChoiceField, units: QuerySet[Unit]) -> None:
    """Make a unit select follow the tree (ordered by path) and show codes."""
    field.queryset = units.order_by("path")
    field.label_from_instance = unit_label  # type: ignore[method-assign,assignment]  # as Django documents
