"""Writes on print jobs: create (the permission is checked here), run, retry."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import jobs
from core.actors import acting, recorded
from core.policy import CHANGE

from . import printouts
from .models import PrintJob
from .policies import print_jobs
from .registry import rendered

PRINTS = jobs.JobRecords(
    PrintJob,
    dead=gettext_lazy(
        "The worker printing this stopped (no sign of life since %(time)s). Start it again."
    ),
    lost=gettext_lazy("No worker took this printout up. Start it again."),
)


@transaction.atomic
def print_job_create(*, printout: str, params: printouts.Params, fmt: str, user: Any) -> PrintJob:
    """Record a printout to render in the background; the caller enqueues `print_run`."""
    found = printouts.get(printout)
    if fmt not in printouts.FORMATS:
        raise ValidationError(_("This format does not exist."))
    if not found.allowed(acting(user), params):
        raise PermissionDenied
    job = PrintJob(
        printout=printout,
        params=params,
        fmt=fmt,
        title=found.title(params)[:255],
        created_by=recorded(user),
    )
    job.full_clean()
    job.save()
    return job


def print_job_render(job: PrintJob, attempt: int) -> None:
    """The worker's part: build the document, render it, keep the file (with progress)."""
    printout = printouts.get(job.printout)

    def body(progress: Any) -> None:
        progress(10, _("Reading the records"))
        document = printout.build(job.params)
        progress(40, _("Laying out the pages") if job.fmt == "pdf" else _("Writing the file"))
        filename, content_type, data = rendered(document, job.fmt, printout.stem(job.params))
        progress(95, _("Saving the file"))
        PRINTS.finish(job, filename=filename, content_type=content_type, data=data, attempt=attempt)

    PRINTS.run(job, attempt, body)


def print_job_retry(*, job: PrintJob, user: Any) -> PrintJob:
    """Start a failed printout again, as a new attempt; the caller enqueues it."""
    print_jobs.check(acting(user), CHANGE, job)
    return PRINTS.retry(job, refused=_("Only a failed printout can be started again."))


def print_job_check(*, job: PrintJob) -> PrintJob:
    """The job, marked failed if its worker died or none took it up."""
    return PRINTS.check(job)
