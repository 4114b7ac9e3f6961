"""Writes on export jobs: create, progress with a heartbeat, finish, fail, and recovery.

Each run of a job has an `attempt` number; a worker writes only while its attempt is the
job's current one, so a worker thought dead that wakes up after a retry cannot overwrite the
new run. A job whose worker died (`core.jobs.is_dead`) is marked failed when its page is
looked at, with a message, and the user starts it again with `export_job_retry`.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import jobs
from core.actors import acting, recorded
from core.policy import ADD, CHANGE

from .models import ExportJob, Review
from .policies import export_jobs


@transaction.atomic
def export_job_create(*, review: Review, exporter: str, user: Any) -> ExportJob:
    """Record an export to run in the background; the caller enqueues it."""
    export_jobs.check(acting(user), ADD, ExportJob(review=review))
    from exporters import registry

    try:
        registry.get(exporter)
    except KeyError:
        raise ValidationError(_("This format does not exist.")) from None
    job = ExportJob(
        review=review,
        exporter=exporter,
        created_by=recorded(user),
    )
    job.full_clean()
    job.save()
    return job


EXPORTS = jobs.JobRecords(
    ExportJob,
    dead=gettext_lazy(
        "The worker running this export stopped (no sign of life since %(time)s). Start it again."
    ),
    lost=gettext_lazy("No worker took this export up. Start it again."),
)


def export_job_start(*, job: ExportJob, attempt: int) -> bool:
    """The worker takes the job up; False when this attempt was superseded or is over."""
    return EXPORTS.start(job, attempt)


def export_job_beat(*, job: ExportJob, attempt: int) -> None:
    EXPORTS.beat(job, attempt)


def export_job_progress(*, job: ExportJob, percent: int, step: str, attempt: int = 1) -> None:
    """Progress of a running export; written at once so the polling page sees it."""
    EXPORTS.progress(job, percent, step, attempt)


def export_job_finish(
    *, job: ExportJob, filename: str, content_type: str, data: bytes, attempt: int = 1
) -> ExportJob | None:
    return EXPORTS.finish(
        job, filename=filename, content_type=content_type, data=data, attempt=attempt
    )


def export_job_fail(*, job: ExportJob, error: str, attempt: int = 1) -> None:
    EXPORTS.fail(job, error, attempt)


def export_job_check(*, job: ExportJob) -> ExportJob:
    """Mark the job failed when its worker died or no worker took it up; the job, fresh."""
    return EXPORTS.check(job)


def export_job_retry(*, job: ExportJob, user: Any) -> ExportJob:
    """Start a failed export again, as a new attempt; the caller enqueues it."""
    export_jobs.check(acting(user), CHANGE, job)
    changes = {"created_by": user} if recorded(user) is not None else {}
    refused = _("Only a failed export can be started again.")
    return EXPORTS.retry(job, refused=refused, **changes)
