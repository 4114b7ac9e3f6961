"""Minutes of a meeting: versions, writing, approval (which locks) and the printed copies."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import files
from core.concurrency import unchanged
from core.forms import form_errors
from core.policy import CHANGE, VIEW, permission_required_for
from exporters.party import render_docx, render_pdf
from exporters.registry import DOCX, PDF
from organisation.models import Unit

from .. import documents, policies, selectors, services
from ..forms import MinutesForm
from ..models import Minutes
from ..quorum import meeting_quorum
from .common import (
    flash_outcome,
    meeting_for_change,
)


def _minutes_version(request: HttpRequest, pk: int, version: int) -> Minutes:
    return selectors.minutes_version(request.user, pk, version)


@permission_required_for(policies.meetings, VIEW)
def minutes(request: HttpRequest, pk: int, version: int | None = None) -> HttpResponse:
    meeting = selectors.meeting_detail(request.user, pk)
    versions = selectors.minutes_versions(meeting)
    if version is None:
        shown = versions[0] if versions else None
    else:
        shown = next((item for item in versions if item.version == version), None)
        if shown is None:
            raise Http404
    return render(
        request,
        "meetings/minutes.html",
        {
            "meeting": meeting,
            "versions": versions,
            "shown": shown,
            "latest": versions[0] if versions else None,
            "can_change": policies.meetings.can(request.user, CHANGE, meeting),
            "quorum": meeting_quorum(meeting) if meeting.unit.kind == Unit.Kind.CELL else None,
        },
    )


@permission_required_for(policies.meetings, CHANGE)
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for_change(request, pk)
    current = services.minutes_current(meeting)
    initial = services.minutes_template(meeting) if current is None else None
    form = MinutesForm(
        request.POST or None,
        request.FILES or None,
        instance=Minutes(
            **{name: getattr(current, name) for name in services.MINUTES_PARTS},
            file=current.file,
        )
        if current
        else None,
        initial=initial,
        record=current,
    )
    correcting = bool(current and current.is_locked)
    if correcting:
        form.fields["reason"].required = True
    else:
        del form.fields["reason"]
    if request.method == "POST" and form.is_valid():
        parts = {name: form.cleaned_data[name] for name in services.MINUTES_PARTS}
        upload = request.FILES.get("file")
        try:
            with unchanged(form):
                saved = services.minutes_save(
                    user=request.user,
                    meeting=meeting,
                    file=upload,
                    reason=form.cleaned_data.get("reason", ""),
                    **parts,
                )
        except ValidationError as error:
            form_errors(form, error)
        else:
            if current and current.is_locked:
                messages.info(
                    request,
                    _("The approved minutes are kept; your changes are version %(version)s.")
                    % {"version": saved.version},
                )
            else:
                messages.success(request, _("The minutes were saved."))
            return redirect("meetings:minutes", pk=pk)
    return render(
        request,
        "meetings/minutes_form.html",
        {"form": form, "meeting": meeting, "current": current},
    )


@require_POST
@permission_required_for(policies.meetings, CHANGE)
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for_change(request, pk)
    current = services.minutes_current(meeting)
    if current is None:
        raise Http404
    flash_outcome(
        request,
        lambda: services.minutes_approve(user=request.user, minutes=current),
        _("The minutes were approved and are now locked."),
    )
    return redirect("meetings:minutes", pk=pk)


def _printed(request: HttpRequest, pk: int, version: int, fmt: str) -> HttpResponse:
    """The minutes of version `version` as a Word or PDF attachment (always in Vietnamese)."""
    item = _minutes_version(request, pk, version)
    render_document, content_type = (render_docx, DOCX) if fmt == "docx" else (render_pdf, PDF)
    with translation.override("vi"):
        content = render_document(documents.minutes_document(item))
    response = HttpResponse(content, content_type=content_type)
    filename = documents.minutes_filename(item, fmt)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@permission_required_for(policies.meetings, VIEW)
def minutes_docx(request: HttpRequest, pk: int, version: int) -> HttpResponse:
    return _printed(request, pk, version, "docx")


@permission_required_for(policies.meetings, VIEW)
def minutes_pdf(request: HttpRequest, pk: int, version: int) -> HttpResponse:
    return _printed(request, pk, version, "pdf")


@permission_required_for(policies.meetings, VIEW)
def minutes_file(request: HttpRequest, pk: int, version: int) -> HttpResponseBase:
    item = _minutes_version(request, pk, version)
    if not item.file:
        raise Http404
    return files.serve(request, item.file, title=f"bien-ban-{item}", kinds=files.PAPERS)
