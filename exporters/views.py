"""A printout's page: its progress while the worker renders it, then its file to download.

The page is its creator's alone, and only while the printout still allows him
(`exporters.policies`): the permission is asked at the start and at each download."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.jobs import retry_job, serve_result
from core.policy import CHANGE, VIEW

from . import print_jobs as services
from . import printouts, selectors
from .models import PrintJob
from .policies import print_jobs
from .tasks import print_run


def _job(request: HttpRequest, pk: int, action: str = VIEW) -> PrintJob:
    return print_jobs.get_for(request.user, action, pk=pk)


def _page(template: str) -> Callable[[HttpRequest, int], HttpResponse]:
    """The job's page, or the part of it that polls its status: the job as it stands (a job
    whose worker died is marked failed), where Back goes, and the user's other recent jobs."""

    @login_required
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        job = services.print_job_check(job=_job(request, pk))
        context = {
            "job": job,
            "back": printouts.get(job.printout).back(job.params),
            "recent": selectors.recent_print_jobs(request.user, exclude=job.pk),
        }
        return render(request, template, context)

    return view


@login_required
def job_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    found = _job(request, pk)
    return serve_result(request, found, title=str(found))


@login_required
@require_POST
def job_retry(request: HttpRequest, pk: int) -> HttpResponse:
    """Run a failed printout again (e.g. after its worker died)."""
    found = _job(request, pk, CHANGE)
    return retry_job(
        request,
        lambda: services.print_job_retry(job=found, user=request.user),
        print_run,
        to=reverse("exporters:job", args=[pk]),
    )


def start(request: HttpRequest, printout: str, params: printouts.Params, fmt: str) -> HttpResponse:
    """What a printout's view does once it has found its records: record the job (the
    permission is asked there), enqueue it and show its page."""
    if fmt not in printouts.FORMATS:
        raise Http404
    found = services.print_job_create(printout=printout, params=params, fmt=fmt, user=request.user)
    print_run.enqueue(found.pk)
    return redirect("exporters:job", pk=found.pk)


job = _page("exporters/print_job.html")
job_status = _page("exporters/print_job_status.html")
