"""What the inspections views share: guards, deleting, downloads and printing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect

from core import files

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
