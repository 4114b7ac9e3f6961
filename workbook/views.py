"""Upload → background check → preview → confirm → background import; exports in the
background too. The request only stores the file and enqueues: a large or hostile workbook
never holds a web worker."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.policy import EXPORT, IMPORT, permission_required_for

from . import jobs, selectors, services
from .forms import UploadForm
from .models import WorkbookJob
from .policies import jobs as job_policy
from .registry import handlers
from .scope import may_import
from .tasks import workbook_run

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _index(request: HttpRequest, form: UploadForm, status: int = 200) -> HttpResponse:
    sheets = [handler.sheet for handler in handlers() if may_import(request.user, handler)]
    return render(
        request,
        "workbook/index.html",
        {
            "form": form,
            "sheets": sheets,
            "can_export": job_policy.can(request.user, EXPORT),
            "jobs": selectors.recent_jobs(request.user),
        },
        status=status,
    )


@permission_required_for(job_policy, IMPORT)
def index(request: HttpRequest) -> HttpResponse:
    return _index(request, UploadForm())


@login_required
@require_POST
@permission_required_for(job_policy, IMPORT)
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _index(request, form, status=400)
    job = jobs.job_upload(user=request.user, upload=form.cleaned_data["file"])
    workbook_run.enqueue(job.pk)
    return redirect("workbook:job", pk=job.pk)


def _job(request: HttpRequest, pk: int) -> WorkbookJob:
    """A job is its creator's alone; anyone else's does not exist. A job whose worker died is
    shown failed (core.jobs), with a button to run it again."""
    job = selectors.job_of(request.user, pk)
    if job is None:
        raise Http404
    return jobs.job_check(job=job)


@login_required
def job(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "workbook/job.html", {"job": _job(request, pk)})


@login_required
def job_status(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "workbook/job_status.html", {"job": _job(request, pk)})


@login_required
@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    found = _job(request, pk)
    checked = found.kind == WorkbookJob.Kind.CHECK and found.status == WorkbookJob.Status.DONE
    if not checked or not found.result.get("ok"):
        raise Http404
    jobs.job_confirm(job=found)
    workbook_run.enqueue(found.pk, found.attempt)
    return redirect("workbook:job", pk=found.pk)


@login_required
@require_POST
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    """Run a failed job again (its worker died, or no worker took it up)."""
    found = _job(request, pk)
    try:
        found = jobs.job_retry(job=found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        workbook_run.enqueue(found.pk, found.attempt)
    return redirect("workbook:job", pk=found.pk)


@login_required
@require_POST
@permission_required_for(job_policy, EXPORT)
def export(request: HttpRequest) -> HttpResponse:
    committee = selectors.export_committee(request.user, request.POST.get("committee"))
    found = jobs.job_export(user=request.user, committee=committee)
    workbook_run.enqueue(found.pk)
    return redirect("workbook:job", pk=found.pk)


@login_required
def download(request: HttpRequest, pk: int) -> FileResponse:
    found = _job(request, pk)
    if found.status != WorkbookJob.Status.DONE or not found.file:
        raise Http404
    return FileResponse(
        found.file.open("rb"), as_attachment=True, filename=found.filename, content_type=XLSX
    )


@permission_required_for(job_policy, EXPORT)
def template(request: HttpRequest) -> HttpResponse:
    """The empty template has no data: it is small and is written in the request."""
    response = HttpResponse(services.workbook_export(None, template=True), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-lieu.xlsx"'
    return response
