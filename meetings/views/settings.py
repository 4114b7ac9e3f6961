"""The committee's settings: meeting rules, codes of conduct / focus areas, study deadlines.

The three kinds of setting are listed, created and changed the same way; `Setting` says what
differs (form, service, policy, list page and the service's keyword for the edited object).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.concurrency import stored
from core.editing import simple_form_page
from core.listing import Column, matching, render_listing
from core.policy import CHANGE, VIEW, permission_required_for

from .. import policies, selectors, services
from ..forms import FocusAreaForm, MeetingRulesForm, TopicDeadlineForm

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

RULES_COLUMNS = [
    Column("from", gettext_lazy("In force from"), ("effective_from",), "effective_from"),
    Column(
        "committee",
        gettext_lazy("Committee"),
        ("committee__code", "-effective_from"),
        "committee.name",
    ),
    Column("source", gettext_lazy("Source"), (), "source"),
    Column("minutes", gettext_lazy("Minimum length"), (), "min_minutes", css="num"),
    Column("together", gettext_lazy("Together"), (), "min_minutes_combined", css="num"),
    Column("thematic", gettext_lazy("Thematic per quarter"), (), "thematic_per_quarter", css="num"),
    Column("absence", gettext_lazy("Absence months"), (), "absence_months", css="num"),
]
FOCUS_COLUMNS = [
    Column("name", gettext_lazy("Name"), ("name",), "name"),
    Column("kind", gettext_lazy("Kind"), ("kind", "name"), "get_kind_display"),
    Column("committee", gettext_lazy("Committee"), ("committee__code", "name"), "committee.name"),
]
DEADLINE_COLUMNS = [
    Column(
        "topic",
        gettext_lazy("Study topic"),
        ("topic__code",),
        lambda d: f"{d.topic.code} — {d.topic.title}",
    ),
    Column("deadline", gettext_lazy("Deadline"), ("deadline",), "deadline"),
    Column(
        "committee", gettext_lazy("Committee"), ("committee__code", "deadline"), "committee.name"
    ),
]


@dataclass(frozen=True)
class Setting:
    form_class: type
    save: Callable[..., Any]
    policy: Any
    target: str  # URL name of the list page
    key: str  # the service's keyword for the object being changed
    new_title: StrOrPromise  # the form's title when adding one
    edit_title: StrOrPromise  # and when changing one


RULES = Setting(
    MeetingRulesForm,
    services.meeting_rules_save,
    policies.rules,
    "meetings:rules",
    "rules",
    gettext_lazy("New meeting rules"),
    gettext_lazy("Meeting rules"),
)
FOCUS_AREAS = Setting(
    FocusAreaForm,
    services.focus_area_save,
    policies.focus_areas,
    "meetings:focus_areas",
    "focus_area",
    gettext_lazy("New code of conduct or focus area"),
    gettext_lazy("Code of conduct or focus area"),
)
DEADLINES = Setting(
    TopicDeadlineForm,
    services.topic_deadline_save,
    policies.deadlines,
    "meetings:deadlines",
    "topic_deadline",
    gettext_lazy("New study deadline"),
    gettext_lazy("Study deadline"),
)


def _settings_list(
    request: HttpRequest,
    template: str,
    items: Any,
    columns: list[Column],
    text_of: Callable[[Any], str],
    filename: str,
    **extra: Any,
) -> HttpResponse:
    """A settings list: short, so searched in Python (`matching`), sorted and exported."""
    items = matching(items, request.GET.get("q"), text_of)
    context = {"can_change": policies.focus_areas.can(request.user, CHANGE), **extra}
    return render_listing(request, template, items, columns, context, filename=filename)


def _settings_form(
    request: HttpRequest, setting: Setting, *, instance: Any, title: str
) -> HttpResponse:
    form = setting.form_class(request.POST or None, instance=instance, user=request.user)

    def save(data: dict[str, Any]) -> None:
        values = {name: data[name] for name in form.Meta.fields}
        existing = stored(instance) if instance and instance.pk else None
        setting.save(user=request.user, **{setting.key: existing}, **values)

    return simple_form_page(
        request,
        form,
        title=title,
        back=reverse(setting.target),
        save=save,
        message=_("Saved."),
        context={"form_class": "card"},
    )


# The urls give each setting's pages their `setting` (RULES, FOCUS_AREAS, DEADLINES).


@permission_required_for(policies.focus_areas, CHANGE)
def setting_create(request: HttpRequest, setting: Setting) -> HttpResponse:
    return _settings_form(request, setting, instance=None, title=str(setting.new_title))


@permission_required_for(policies.focus_areas, CHANGE)
def setting_edit(request: HttpRequest, pk: int, setting: Setting) -> HttpResponse:
    item = setting.policy.get_for(request.user, CHANGE, pk=pk)
    return _settings_form(request, setting, instance=item, title=str(setting.edit_title))


# Meeting rules


@permission_required_for(policies.focus_areas, VIEW)
def rules_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    committees = list(selectors.committees_for(request.user))
    in_force = selectors.rules_in_force(committees[0] if committees else None, today)
    return _settings_list(
        request,
        "meetings/rules_list.html",
        selectors.rules_visible(request.user),
        RULES_COLUMNS,
        lambda item: f"{item.source} {item.committee.name if item.committee else ''}",
        "quy-dinh-sinh-hoat",
        in_force=in_force,
    )


# Codes of conduct and focus areas


@permission_required_for(policies.focus_areas, VIEW)
def focus_list(request: HttpRequest) -> HttpResponse:
    return _settings_list(
        request,
        "meetings/focus_list.html",
        selectors.focus_areas_visible(request.user),
        FOCUS_COLUMNS,
        lambda item: f"{item.name} {item.committee.name}",
        "chuan-muc-trong-tam",
    )


# Study deadlines


@permission_required_for(policies.focus_areas, VIEW)
def deadline_list(request: HttpRequest) -> HttpResponse:
    return _settings_list(
        request,
        "meetings/deadline_list.html",
        selectors.deadlines_visible(request.user),
        DEADLINE_COLUMNS,
        lambda item: f"{item.topic.code} {item.topic.title} {item.committee.name}",
        "han-hoc-tap",
    )


@require_POST
@permission_required_for(policies.focus_areas, CHANGE)
def deadline_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = policies.deadlines.get_visible_or_404(request.user, pk=pk)
    services.topic_deadline_delete(user=request.user, topic_deadline=item)
    messages.success(request, _("The deadline was deleted."))
    return redirect(reverse("meetings:deadlines"))
