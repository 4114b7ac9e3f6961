"""The committee's settings: meeting rules, codes of conduct / focus areas, study deadlines.

The three kinds of setting are listed, created and changed the same way; `Setting` says what
differs (form, service, policy, list page and the service's keyword for the edited object).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.concurrency import stored, unchanged
from core.forms import form_errors
from core.pagination import paginate
from core.policy import CHANGE, has_role
from core.roles import Role

from .. import policies, selectors, services
from ..forms import FocusAreaForm, MeetingRulesForm, TopicDeadlineForm
from .common import OVERSIGHT_ROLES, roles_required


@dataclass(frozen=True)
class Setting:
    form_class: type
    save: Callable[..., Any]
    policy: Any
    target: str  # URL name of the list page
    key: str  # the service's keyword for the object being changed


RULES = Setting(
    MeetingRulesForm, services.meeting_rules_save, policies.rules, "meetings:rules", "rules"
)
FOCUS_AREAS = Setting(
    FocusAreaForm,
    services.focus_area_save,
    policies.focus_areas,
    "meetings:focus_areas",
    "focus_area",
)
DEADLINES = Setting(
    TopicDeadlineForm,
    services.topic_deadline_save,
    policies.deadlines,
    "meetings:deadlines",
    "topic_deadline",
)


def _settings_list(request: HttpRequest, template: str, items: Any, **extra: Any) -> HttpResponse:
    return render(
        request,
        template,
        {"items": items, "can_change": has_role(request.user, Role.OFFICE), **extra},
    )


def _settings_form(
    request: HttpRequest, setting: Setting, *, instance: Any, title: str
) -> HttpResponse:
    form = setting.form_class(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            existing = stored(instance) if instance and instance.pk else None
            with unchanged(form):
                setting.save(user=request.user, **{setting.key: existing}, **values)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(setting.target)
    return render(
        request,
        "meetings/settings_form.html",
        {"form": form, "title": title, "back": setting.target},
    )


def _settings_create(request: HttpRequest, setting: Setting, title: str) -> HttpResponse:
    return _settings_form(request, setting, instance=None, title=title)


def _settings_edit(request: HttpRequest, setting: Setting, pk: int, title: str) -> HttpResponse:
    item = setting.policy.get_for(request.user, CHANGE, pk=pk)
    return _settings_form(request, setting, instance=item, title=title)


# Meeting rules


@roles_required(*OVERSIGHT_ROLES)
def rules_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    committees = list(selectors.committees_for(request.user))
    in_force = selectors.rules_in_force(committees[0] if committees else None, today)
    return _settings_list(
        request,
        "meetings/rules_list.html",
        paginate(request, selectors.rules_visible(request.user)),
        in_force=in_force,
    )


@roles_required(Role.OFFICE)
def rules_create(request: HttpRequest) -> HttpResponse:
    return _settings_create(request, RULES, _("New meeting rules"))


@roles_required(Role.OFFICE)
def rules_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _settings_edit(request, RULES, pk, _("Meeting rules"))


# Codes of conduct and focus areas


@roles_required(*OVERSIGHT_ROLES)
def focus_list(request: HttpRequest) -> HttpResponse:
    return _settings_list(
        request,
        "meetings/focus_list.html",
        paginate(request, selectors.focus_areas_visible(request.user)),
    )


@roles_required(Role.OFFICE)
def focus_create(request: HttpRequest) -> HttpResponse:
    return _settings_create(request, FOCUS_AREAS, _("New code of conduct or focus area"))


@roles_required(Role.OFFICE)
def focus_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _settings_edit(request, FOCUS_AREAS, pk, _("Code of conduct or focus area"))


# Study deadlines


@roles_required(*OVERSIGHT_ROLES)
def deadline_list(request: HttpRequest) -> HttpResponse:
    return _settings_list(
        request,
        "meetings/deadline_list.html",
        paginate(request, selectors.deadlines_visible(request.user)),
    )


@roles_required(Role.OFFICE)
def deadline_create(request: HttpRequest) -> HttpResponse:
    return _settings_create(request, DEADLINES, _("New study deadline"))


@roles_required(Role.OFFICE)
def deadline_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _settings_edit(request, DEADLINES, pk, _("Study deadline"))


@require_POST
@roles_required(Role.OFFICE)
def deadline_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = policies.deadlines.get_visible_or_404(request.user, pk=pk)
    services.topic_deadline_delete(user=request.user, topic_deadline=item)
    messages.success(request, _("The deadline was deleted."))
    return redirect(reverse("meetings:deadlines"))
