"""Forms of the meetings app; the rules themselves are checked in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.concurrency import VersionedForm
from core.forms import field_of, label_choices, ticked
from documents.models import StudyTopic
from organisation.models import Person, Unit
from organisation.pickers import PersonPickerField, PickerFormMixin, unit_menu

from . import selectors
from .models import Attendance, FocusArea, Meeting, MeetingRules, Minutes, TopicDeadline


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


class MeetingForm(VersionedForm, PickerFormMixin, forms.ModelForm):
    # Chair and secretary are searched among the unit's roll on the meeting's date.
    chair = PersonPickerField(
        unit_field="unit", date_field="date", required=False, label=_("Chair")
    )
    secretary = PersonPickerField(
        unit_field="unit", date_field="date", required=False, label=_("Secretary")
    )
    topics = ticked(_("Study topics"), StudyTopic.objects.all())

    class Meta:
        model = Meeting
        fields = [
            "kind",
            "unit",
            "date",
            "held",
            "start_time",
            "end_time",
            "place",
            "chair",
            "secretary",
            "topics",
            "agenda",
            "content",
            "materials",
            "focus_area",
            "combined",
        ]
        widgets = {
            "date": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "agenda": forms.Textarea(attrs={"rows": 3}),
            "content": forms.Textarea(attrs={"rows": 3}),
            "materials": forms.Textarea(attrs={"rows": 3}),
        }
        # "place" alone is "địa danh" (a unit's place name) in the organisation catalogue.
        labels = {
            "content": _("Summary of the content"),
            "place": pgettext_lazy("meeting", "Place"),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = selectors.units_for_recording(user)
        unit_menu(field_of(self, "unit", forms.ModelChoiceField), units)
        self.set_picker_units(units)
        committees = selectors.committees_for(user, "change")
        field_of(self, "focus_area", forms.ModelChoiceField).queryset = FocusArea.objects.filter(
            committee__in=committees
        )
        self.fields["held"].help_text = _("Leave unticked for a planned meeting.")
        if units.count() == 1 and not self.instance.pk:
            self.fields["unit"].initial = units.first()


class MarkForm(forms.Form):
    status = forms.ChoiceField(choices=Attendance.Status.choices)
    reason = forms.CharField(max_length=255, required=False)


class AddPersonForm(forms.Form):
    """Non-member staff of the unit on the day, ticked together and added in one submit."""

    people = ticked(_("Staff members"), Person.objects.none(), required=True)

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "people", forms.ModelChoiceField).queryset = selectors.staff_to_add(meeting)
        label_choices(
            field_of(self, "people", forms.ModelChoiceField), lambda p: f"{p.full_name} ({p.code})"
        )


class GuestForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    organisation = forms.CharField(label=_("Organisation"), max_length=255, required=False)


MINUTES_FILE_TYPES = ["pdf", "doc", "docx", "odt", "jpg", "jpeg", "png"]


class MinutesForm(VersionedForm, forms.ModelForm):
    file = forms.FileField(
        label=_("Uploaded file"),
        required=False,
        validators=[FileExtensionValidator(MINUTES_FILE_TYPES)],
        help_text=_("A scan or a Word file of minutes written on paper (PDF, Word or a photo)."),
    )

    class Meta:
        model = Minutes
        fields = ["reason", "number", "proceedings", "discussion", "conclusion", "closing", "file"]
        widgets = {
            "proceedings": forms.Textarea(attrs={"rows": 8}),
            "discussion": forms.Textarea(attrs={"rows": 5}),
            "conclusion": forms.Textarea(attrs={"rows": 5}),
            "closing": forms.Textarea(attrs={"rows": 2}),
        }


class CommitteeSettingForm(VersionedForm, forms.ModelForm):
    """A setting of a committee: the committee is one of those the user may change."""

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "committee", forms.ModelChoiceField).queryset = selectors.committees_for(
            user, "change"
        )


class MeetingRulesForm(CommitteeSettingForm):
    class Meta:
        model = MeetingRules
        fields = [
            "committee",
            "effective_from",
            "source",
            "min_minutes",
            "min_minutes_combined",
            "thematic_per_quarter",
            "absence_months",
            "quorum_percent",
            "attendance_indicator_percent",
        ]
        widgets = {"effective_from": DateInput()}


class FocusAreaForm(CommitteeSettingForm):
    class Meta:
        model = FocusArea
        fields = ["committee", "kind", "name"]


class TopicDeadlineForm(CommitteeSettingForm):
    class Meta:
        model = TopicDeadline
        fields = ["committee", "topic", "deadline"]
        widgets = {"deadline": DateInput()}


class FilterForm(forms.Form):
    """The filters of the meeting list (GET)."""

    year = forms.IntegerField(label=_("year"), required=False, min_value=1990, max_value=2100)
    kind = forms.ChoiceField(
        label=_("kind"), required=False, choices=[("", _("All kinds")), *Meeting.Kind.choices]
    )
    unit = forms.ModelChoiceField(
        label=_("unit"), required=False, queryset=Unit.objects.none(), empty_label=_("All units")
    )
    topic = forms.ModelChoiceField(
        label=_("study topic"),
        required=False,
        queryset=StudyTopic.objects.all(),
        empty_label=_("All topics"),
    )
    held = forms.ChoiceField(
        label=_("status"),
        required=False,
        choices=[("", _("Held and planned")), ("held", _("Held")), ("planned", _("Planned"))],
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit_menu(field_of(self, "unit", forms.ModelChoiceField), selectors.units_for_filter(user))
        label_choices(
            field_of(self, "topic", forms.ModelChoiceField), lambda topic: str(topic.code)
        )
