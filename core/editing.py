"""The one way a view saves a form: call the service, put a refusal on the form, or say so and
redirect.

Every create/edit page does the same five steps after it has found its object through the
policy (404/403 come from there) and bound its form:

    form = CommendationForm(request.POST or None, record=commendation, ...)
    return form_page(
        request, form, "activities/commendation_form.html", {"commendation": commendation},
        save=lambda data: services.commendation_save(by=user, commendation=commendation, **data),
        message=_("The commendation has been saved."),
        to=lambda saved: reverse("activities:commendation_detail", args=[saved.pk]),
    )

A GET, an invalid form or a refused save renders the page again with what was typed; a save
runs inside `core.concurrency.unchanged`, so a form that edits a record refuses a stale write.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core.concurrency import unchanged
from core.forms import form_errors

T = TypeVar("T")

#: The page of one form: `title`, the form, Save and Cancel back to `back`.
FORM_PAGE = "core/form_page.html"

#: A fixed message, or one that names the saved record.
Message = str | Callable[[Any], str]
#: A URL (or anything `redirect` takes), or a function of the saved record that returns one.
Target = str | Callable[[Any], str]


def save_form(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[dict[str, Any]], T],
    *,
    message: Message,
    to: Target,
    error_field: str | None = None,
) -> HttpResponse | None:
    """On a POST of a valid form, run `save(form.cleaned_data)` and redirect to `to` with
    `message`; a `ValidationError` from the service goes on the form (next to the field it
    names, else next to `error_field` or above the form). None when the page is to be shown
    (again)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        with unchanged(form):
            result = save(form.cleaned_data)
    except ValidationError as error:
        form_errors(form, error, default=error_field)
        return None
    messages.success(request, message if isinstance(message, str) else message(result))
    return redirect(to if isinstance(to, str) else to(result))


def form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    template: str,
    context: Mapping[str, Any] | None = None,
    *,
    save: Callable[[dict[str, Any]], Any],
    message: Message,
    to: Target,
    error_field: str | None = None,
    status: int | None = None,
) -> HttpResponse:
    """`save_form`, else the page `template` with the form and `context` (answered with
    `status`, where a POST-only view says 400 for a form it shows again)."""
    done = save_form(request, form, save, message=message, to=to, error_field=error_field)
    if done is not None:
        return done
    return render(request, template, {"form": form, **(context or {})}, status=status)


def simple_form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    *,
    title: str,
    back: str,
    save: Callable[[dict[str, Any]], Any],
    message: Message,
    to: Target | None = None,
    context: Mapping[str, Any] | None = None,
) -> HttpResponse:
    """`form_page` on FORM_PAGE: `title`, Cancel back to `back`; a save goes to `to`, by
    default back where Cancel goes."""
    return form_page(
        request,
        form,
        FORM_PAGE,
        {"title": title, "back": back, **(context or {})},
        save=save,
        message=message,
        to=back if to is None else to,
    )


def act(request: HttpRequest, action: Callable[[], Any], *, message: str, to: str) -> HttpResponse:
    """A POST button (delete, confirm, close…): run the service, say so, go to `to`; a refusal
    is shown as an error message on the page it goes back to."""
    try:
        action()
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, message)
    return redirect(to)
