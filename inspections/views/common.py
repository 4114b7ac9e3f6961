"""What the inspections views share: guards, deleting, downloads and printing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import files
from core.editing import simple_form_page
from core.policy import DELETE

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


def delete_action(
    request: HttpRequest,
    delete: Callable[[], Any],
    *,
    message: str,
    refused_back: str,
    back: str,
) -> HttpResponse:
    """Delete through the service; a refusal goes back to the object with the reason."""
    try:
        delete()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(refused_back)
    messages.success(request, message)
    return redirect(back)


def delete_view(
    policy: Any, delete: Callable[..., Any], name: str, message: Any, back: Callable[[Any], str]
) -> Callable[[HttpRequest, int], HttpResponse]:
    """The POST view that deletes the record `pk` of `policy` through `delete(user=, <name>=)`:
    404 unless seen, 403 unless deletable; done, it says `message` and goes to `back(record)`,
    refused, back to the record's page `inspections:<name>_detail` with the reason."""

    @login_required
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        record = visible_for(request, policy, pk, DELETE)
        return delete_action(
            request,
            lambda: delete(user=request.user, **{name: record}),
            message=str(message),
            refused_back=reverse(f"inspections:{name}_detail", args=[pk]),
            back=back(record),
        )

    return view


def service_form_page(
    request: HttpRequest,
    form: Any,
    call: Callable[..., Any],
    *,
    title: str,
    back: str,
    message: str,
    to: Any = None,
    **record: Any,
) -> HttpResponse:
    """`simple_form_page` that saves through `call(user=, **record, **data)`: a record made
    under its parent (`plan=plan`) or a change of the record (`inspection=inspection`)."""
    return simple_form_page(
        request,
        form,
        title=title,
        back=back,
        save=lambda data: call(user=request.user, **record, **data),
        message=message,
        to=to,
    )


def change_page(
    request: HttpRequest, form: Any, name: str, record: Any, title: str
) -> HttpResponse:
    """The page that changes `record` through `services.<name>_update` and goes back to the
    record's page `inspections:<name>_detail`."""
    from .. import services

    return service_form_page(
        request,
        form,
        getattr(services, f"{name}_update"),
        title=title,
        back=reverse(f"inspections:{name}_detail", args=[record.pk]),
        message=_("Saved."),
        **{name: record},
    )


def download(request: HttpRequest, field: Any, title: str) -> HttpResponseBase:
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
