"""Thin views: the bell's list, marking read, the user's choices, the calendar and its feed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.editing import form_page
from core.http import AuthenticatedRequest
from core.pagination import paginate

from . import calendar, selectors, services


@login_required
def reminder_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reminders/list.html",
        {"page_obj": paginate(request, selectors.reminders_of(request.user))},
    )


@login_required
@require_POST
def reminder_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark the reminder read and go to the page that does the task."""
    reminder = selectors.reminder_of(request.user, pk)
    if reminder is None:
        raise Http404
    services.mark_read(user=request.user, pk=pk)
    target = reminder.url
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("reminders:list")
    return redirect(target)


def _own_action(
    service: Callable[..., Any], message: Any, to: str
) -> Callable[[HttpRequest], HttpResponse]:
    """A POST button on the user's own reminders: `service(user=)`, say `message`, go to `to`."""

    @login_required
    @require_POST
    def view(request: HttpRequest) -> HttpResponse:
        service(user=request.user)
        messages.success(request, str(message))
        return redirect(to)

    return view


reminder_read_all = _own_action(
    services.mark_read, gettext_lazy("Every reminder is marked as read."), "reminders:list"
)


class PreferencesForm(forms.Form):
    email_digest = forms.BooleanField(
        label=gettext_lazy("Send me a daily e-mail digest of my reminders"), required=False
    )


@login_required
def preferences(request: AuthenticatedRequest) -> HttpResponse:
    current = services.preferences_for(request.user)
    form = PreferencesForm(request.POST or None, initial={"email_digest": current.email_digest})
    feed = request.build_absolute_uri(reverse("reminders:feed", args=[current.calendar_token]))
    return form_page(
        request,
        form,
        "reminders/preferences.html",
        {"feed": feed, "has_email": bool(request.user.email)},
        save=lambda data: services.preferences_save(
            user=request.user, email_digest=data["email_digest"]
        ),
        message=_("Saved."),
        to=reverse("reminders:preferences"),
    )


feed_renew = _own_action(
    services.calendar_token_renew,
    gettext_lazy("The calendar has a new address; the old one no longer works."),
    "reminders:preferences",
)


def _month(text: str | None, today: dt.date) -> dt.date:
    try:
        year, month = (int(part) for part in (text or "").split("-"))
        return dt.date(year, month, 1)
    except ValueError:
        return today.replace(day=1)


@login_required
def calendar_page(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    first = _month(request.GET.get("thang"), today)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    days: dict[dt.date, list] = {}
    for event in calendar.events(request.user, first, following - dt.timedelta(days=1)):
        days.setdefault(event.date, []).append(event)
    return render(
        request,
        "reminders/calendar.html",
        {
            "first": first,
            "days": sorted(days.items()),
            "previous": f"{previous:%Y-%m}",
            "following": f"{following:%Y-%m}",
            "today": today,
        },
    )


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private iCalendar feed: the token stands for the user (no session)."""
    user = selectors.user_for_token(token)
    if user is None:
        raise Http404
    response = HttpResponse(
        calendar.ical(user, settings.SITE_URL), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="dangbo.ics"'
    return response
