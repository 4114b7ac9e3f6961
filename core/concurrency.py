"""Optimistic concurrency for edit forms: a save from a stale form is refused, not merged.

The version that travels with a form is a digest of the record's stored values (every column
and many-to-many link), taken when the form is shown. It needs no column and no writer's
cooperation: an import, another form or the admin that changes the record changes the digest.

A form that edits a record mixes in `VersionedForm`. Validating it compares the digest in the
form with the record's digest now; the view then runs the service inside `form.unchanged()`,
which checks again under a row lock in the service's transaction, so two saves in the same
instant cannot both pass. A refused form lists each field as the user sent it beside its
current value, and carries the current version, so saving again is a deliberate overwrite.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypedDict, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.forms.models import model_to_dict
from django.http import QueryDict
from django.utils import formats
from django.utils.translation import gettext_lazy as _

STALE_MESSAGE = _(
    "Someone else saved this record after you opened the form, so your changes were not "
    "saved. Compare your values with the current ones below; save again to replace the "
    "current values with yours, or reload the page to start from the current ones."
)


def version_of(record: models.Model) -> str:
    """Digest of the record's stored values, read from the database (not from `record`,
    whose attributes a bound ModelForm has already overwritten)."""
    stored = type(record)._default_manager.filter(pk=record.pk)
    return _digest(stored.values().first(), record)


def _digest(values: dict[str, Any] | None, record: models.Model) -> str:
    if values is None:
        return "gone"
    parts = [f"{key}={values[key]!r}" for key in sorted(values)]
    for field in record._meta.many_to_many:
        linked = getattr(type(record), field.name).through._default_manager
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        ids = sorted(linked.filter(**{source: record.pk}).values_list(target, flat=True))
        parts.append(f"{field.name}={ids!r}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:20]


def stored(record: Any) -> Any:
    """The record as stored, for a service to compare with: a bound ModelForm has already
    written the user's values onto the instance it was given."""
    return type(record)._default_manager.get(pk=record.pk)


def _locked_version(record: models.Model) -> str:
    stored = type(record)._default_manager.select_for_update().filter(pk=record.pk)
    return _digest(stored.values().first(), record)


def _shown(field: forms.Field, value: Any) -> str:
    """A value as the user reads it: choice labels, dd/mm/yyyy dates, names of records."""
    if value in (None, "", [], ()):
        return "—"
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(field, forms.ModelMultipleChoiceField) or isinstance(value, models.QuerySet):
        chosen = value if isinstance(value, models.QuerySet) else field.clean(value)
        return ", ".join(str(item) for item in chosen) or "—"
    if isinstance(field, forms.ModelChoiceField):
        if isinstance(value, models.Model):
            return str(value)
        assert field.queryset is not None  # a choice field of a built form has its queryset
        found = field.queryset.filter(pk=value).first()
        return str(found) if found is not None else "—"
    choices = dict(getattr(field, "choices", None) or ())
    if choices:
        if isinstance(value, list | tuple):
            return ", ".join(str(choices.get(item, item)) for item in value)
        return str(choices.get(value, choices.get(str(value), value)))
    if isinstance(value, datetime.date):
        return formats.date_format(value, "d/m/Y")
    if hasattr(value, "name") and hasattr(value, "url"):
        return value.name or "—"
    return str(value)


class Conflict(TypedDict):
    """One field of a refused form: what the user sent beside what is stored now."""

    label: str
    mine: str
    current: str
    differs: bool


if TYPE_CHECKING:
    # For the type checker the mixin is a form: it uses the form's fields, data and errors.
    # At run time it stays a plain mixin, so the form class it is mixed into comes next.
    _FormMixin = forms.BaseForm
else:
    _FormMixin = object


class VersionedForm(_FormMixin):
    """Mixin (first base) for a form that edits one stored record.

    ModelForms track their instance; plain forms are given `record=` and say in
    `values_of(record)` what each of their fields holds for it.
    """

    def __init__(self, *args: Any, record: models.Model | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        self.record = record if record is not None else instance
        if self.record is not None and self.record.pk is None:
            self.record = None
        self.conflict: list[Conflict] = []
        if self.record is not None:
            initial = None if self.is_bound else version_of(self.record)
            self.fields["version"] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=initial
            )

    def values_of(self, record: models.Model) -> dict[str, Any]:
        """What each field of this form holds for `record`: a ModelForm's columns, else the
        record's attributes of the fields' names (override where they differ)."""
        names = [name for name in self.fields if name != "version"]
        if hasattr(self, "instance"):
            return model_to_dict(record, fields=names)
        values = {name: getattr(record, name, None) for name in names}
        return {
            name: list(value.all()) if isinstance(value, models.Manager) else value
            for name, value in values.items()
        }

    def full_clean(self) -> None:
        super().full_clean()
        if self.is_bound and self.record is not None and hasattr(self, "cleaned_data"):
            self.cleaned_data.pop("version", None)  # the services never see it
            current = version_of(self.record)
            if self._stale(current):
                self.add_error(None, STALE_MESSAGE)

    def _stale(self, current: str) -> bool:
        sent = self.data.get(self.add_prefix("version"))
        if not sent or sent == current:
            return False
        self._record_conflict(current)
        return True

    def _record_conflict(self, current: str) -> None:
        """Keep the field-by-field comparison and let the next save carry `current`."""
        assert self.record is not None  # only a form with a record can be stale
        fresh = type(self.record)._default_manager.filter(pk=self.record.pk).first()
        stored = self.values_of(fresh) if fresh is not None else {}
        self.conflict = []
        for name, field in self.fields.items():
            if name == "version" or isinstance(field.widget, forms.HiddenInput):
                continue
            bound = self[name]
            mine = bound.data
            theirs = stored.get(name)
            try:
                differs = field.has_changed(theirs, mine)
            except ValidationError:
                differs = True
            self.conflict.append(
                {
                    "label": str(field.label or name),
                    "mine": _shown(field, self._mine(name, mine)),
                    "current": _shown(field, theirs),
                    "differs": differs,
                }
            )
        # A bound form's data is the request's QueryDict or a dict; both copy to a mutable one.
        data = cast("QueryDict | dict[str, Any]", self.data).copy()
        data[self.add_prefix("version")] = current
        self.data = data

    def _mine(self, name: str, raw: Any) -> Any:
        cleaned = getattr(self, "cleaned_data", {})
        return cleaned[name] if name in cleaned else raw

    @contextmanager
    def unchanged(self) -> Iterator[None]:
        """Run the service's write in one transaction with the record locked, refusing it
        when the record changed since the form was shown (raises ValidationError)."""
        with transaction.atomic():
            if self.record is not None:
                current = _locked_version(self.record)
                if self._stale(current):
                    raise ValidationError(STALE_MESSAGE, code="stale")
            yield


def unchanged(form: Any) -> Any:
    """`form.unchanged()` for a versioned form; a plain transaction for any other."""
    return form.unchanged() if isinstance(form, VersionedForm) else transaction.atomic()
