"""What the inspections views share: guards, the form page, POST actions and downloads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core import files
from core.concurrency import unchanged
from core.forms import form_errors

PRINT_FORMATS = {"docx", "pdf"}


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def visible_for(request: HttpRequest, policy: Any, pk: int, action: str | None = None) -> Any:
    """The object `pk` the user sees (else 404) and, given `action`, may act on (else 403)."""
    obj = policy.get_visible_or_404(request.user, pk=pk)
    if action is not None:
        require(policy.can(request.user, action, obj))
    return obj


def int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def form_page(
    request: HttpRequest,
    form: Form,
    *,
    title: str,
    back: str,
    save: Callable[[Form], Any],
    success: Callable[[Any], str],
    done_message: str,
    context: dict | None = None,
) -> HttpResponse:
    """GET shows the form; a valid POST calls the service and redirects; errors stay put."""
    if request.method == "POST" and form.is_valid():
        try:
            with unchanged(form):
                result = save(form)
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, done_message)
            return redirect(success(result))
    return render(
        request,
        "inspections/form.html",
        {"form": form, "title": title, "back": back, **(context or {})},
    )


def edit_page(
    request: HttpRequest, form: Form, *, title: str, back: str, save: Callable[[Form], Any]
) -> HttpResponse:
    """A form that changes an existing object: back to `back` with “Saved.”."""
    return form_page(
        request,
        form,
        title=title,
        back=back,
        save=save,
        success=lambda result: back,
        done_message=_("Saved."),
    )


def post_action(
    request: HttpRequest, action: Callable[[], Any], done_message: str, back: str
) -> HttpResponse:
    try:
        action()
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done_message)
    return redirect(back)


def delete_action(
    request: HttpRequest,
    delete: Callable[[], Any],
    *,
    done_message: str,
    refused_back: str,
    back: str,
) -> HttpResponse:
    """Delete through the service; a refusal goes back to the object with the reason."""
    try:
        delete()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(refused_back)
    messages.success(request, done_message)
    return redirect(back)


def download(request: HttpRequest, field: Any, title: str) -> HttpResponse:
    """A stored file of a record the caller has already checked the user may see."""
    return files.serve(request, field, title=title, kinds=files.OFFICE)


def document_response(document: Any, fmt: str, filename: str) -> HttpResponse:
    from exporters.party import render_docx, render_pdf
    from exporters.registry import DOCX, PDF

    if fmt not in PRINT_FORMATS:
        raise Http404
    content = render_docx(document) if fmt == "docx" else render_pdf(document)
    response = HttpResponse(content, content_type=DOCX if fmt == "docx" else PDF)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
