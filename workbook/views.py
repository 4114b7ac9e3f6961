"""Upload → preview (what will be created, changed, and every error) → confirm; downloads."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.policy import has_role
from core.roles import SEES_EVERYTHING, Role

from . import services
from .forms import UploadForm
from .registry import handlers
from .selectors import export_committee

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SESSION_KEY = "workbook_uploads"


def _upload_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "workbook-uploads"


def _forget_old_uploads(folder: Path, max_age: float = 24 * 3600) -> None:
    """Uploads that were never confirmed are removed after a day."""
    limit = time.time() - max_age
    for path in folder.glob("*.xlsx"):
        if path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)


def _require_office(request: HttpRequest) -> None:
    if not has_role(request.user, Role.OFFICE):
        raise PermissionDenied


def _stored(request: HttpRequest, token: str) -> Path:
    """The uploaded file of this session; another session's token does not exist."""
    if token not in request.session.get(SESSION_KEY, []):
        raise Http404
    path = _upload_dir() / f"{token}.xlsx"
    if not path.exists():
        raise Http404
    return path


@login_required
def index(request: HttpRequest) -> HttpResponse:
    _require_office(request)
    form = UploadForm()
    return render(
        request, "workbook/index.html", {"form": form, "sheets": [h.sheet for h in handlers()]}
    )


@login_required
@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    _require_office(request)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(
            request,
            "workbook/index.html",
            {"form": form, "sheets": [h.sheet for h in handlers()]},
            status=400,
        )
    token = uuid.uuid4().hex
    folder = _upload_dir()
    folder.mkdir(parents=True, exist_ok=True)
    _forget_old_uploads(folder)
    with open(folder / f"{token}.xlsx", "wb") as target:
        for chunk in form.cleaned_data["file"].chunks():
            target.write(chunk)
    request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, [])[-4:], token]
    request.session[f"{SESSION_KEY}:{token}"] = form.cleaned_data["file"].name
    return redirect("workbook:preview", token=token)


@login_required
def preview(request: HttpRequest, token: str) -> HttpResponse:
    _require_office(request)
    path = _stored(request, token)
    result, _ctx = services.workbook_check(str(path), user=request.user)
    return render(
        request,
        "workbook/preview.html",
        {
            "result": result,
            "token": token,
            "name": request.session.get(f"{SESSION_KEY}:{token}", ""),
            "plans": [(sheet, result.plans.get(sheet)) for sheet in result.sheets],
        },
    )


@login_required
@require_POST
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    _require_office(request)
    path = _stored(request, token)
    result = services.workbook_import(str(path), user=request.user)
    if not result.applied:
        messages.error(request, _("Nothing was imported: the workbook has errors."))
        return redirect("workbook:preview", token=token)
    path.unlink(missing_ok=True)
    request.session[SESSION_KEY] = [t for t in request.session.get(SESSION_KEY, []) if t != token]
    created = sum(len(plan.created) for plan in result.plans.values())
    updated = sum(len(plan.updated) for plan in result.plans.values())
    messages.success(
        request,
        _("The workbook was imported: %(created)s created, %(updated)s changed.")
        % {"created": created, "updated": updated},
    )
    return redirect("workbook:index")


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def export(request: HttpRequest) -> HttpResponse:
    if not has_role(request.user, *SEES_EVERYTHING):
        raise PermissionDenied
    committee = export_committee(request.user, request.GET.get("committee"))
    content = services.workbook_export(committee)
    stamp = timezone.localdate().strftime("%Y%m%d")
    return _xlsx(content, f"{committee.code}-{stamp}.xlsx")


@login_required
def template(request: HttpRequest) -> HttpResponse:
    if not has_role(request.user, *SEES_EVERYTHING):
        raise PermissionDenied
    return _xlsx(services.workbook_export(None, template=True), "mau-nhap-lieu.xlsx")
