"""Writes on export jobs: create, progress with a heartbeat, finish, fail, and recovery.

Each run of a job has an `attempt` number; a worker writes only while its attempt is the
job's current one, so a worker thought dead that wakes up after a retry cannot overwrite the
new run. A job whose worker died (`core.jobs.is_dead`) is marked failed when its page is
looked at, with a message, and the user starts it again with `export_job_retry`.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import jobs
from core.actors import acting, recorded
from core.policy import ADD, CHANGE

from .models import ExportJob, Review
from .policies import export_jobs

ACTIVE = (ExportJob.Status.PENDING, ExportJob.Status.RUNNING)


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


def _current(job: ExportJob, attempt: int) -> Any:
    return ExportJob.objects.filter(pk=job.pk, attempt=attempt)


def export_job_start(*, job: ExportJob, attempt: int) -> bool:
    """The worker takes the job up; False when this attempt was superseded or is over."""
    return bool(
        _current(job, attempt)
        .filter(status__in=ACTIVE)
        .update(
            status=ExportJob.Status.RUNNING,
            worker=jobs.worker_id(),
            heartbeat_at=timezone.now(),
        )
    )


def export_job_beat(*, job: ExportJob, attempt: int) -> None:
    """The running worker is alive (called by its heartbeat thread)."""
    _current(job, attempt).filter(status=ExportJob.Status.RUNNING).update(
        heartbeat_at=timezone.now()
    )


def export_job_progress(*, job: ExportJob, percent: int, step: str, attempt: int = 1) -> None:
    """Progress of a running export; written at once so the polling page sees it."""
    _current(job, attempt).filter(status=ExportJob.Status.RUNNING).update(
        progress=percent, step=step[:120], heartbeat_at=timezone.now()
    )


@transaction.atomic
def export_job_finish(
    *, job: ExportJob, filename: str, content_type: str, data: bytes, attempt: int = 1
) -> ExportJob | None:
    job = _current(job, attempt).select_for_update().filter(status=ExportJob.Status.RUNNING).first()
    if job is None:
        return None
    job.file.save(filename, ContentFile(data), save=False)
    job.filename = filename
    job.content_type = content_type
    job.status = ExportJob.Status.DONE
    job.progress = 100
    job.step = _("Done")
    job.finished_at = timezone.now()
    job.save()
    return job


def export_job_fail(*, job: ExportJob, error: str, attempt: int = 1) -> None:
    _current(job, attempt).filter(status__in=ACTIVE).update(
        status=ExportJob.Status.FAILED, error=error[:2000], finished_at=timezone.now()
    )


def export_job_check(*, job: ExportJob) -> ExportJob:
    """Mark the job failed when its worker died or no worker took it up; the job, fresh."""
    now = timezone.now()
    if job.status == ExportJob.Status.RUNNING and jobs.is_dead(
        worker=job.worker, heartbeat_at=job.heartbeat_at or job.created_at, now=now
    ):
        message = _(
            "The worker running this export stopped (no sign of life since %(time)s). "
            "Start it again."
        ) % {
            "time": timezone.localtime(job.heartbeat_at or job.created_at).strftime(
                "%H:%M:%S %d/%m/%Y"
            )
        }
        export_job_fail(job=job, error=message, attempt=job.attempt)
    elif job.status == ExportJob.Status.PENDING:
        waited = (now - (job.heartbeat_at or job.created_at)).total_seconds()
        if waited > jobs.start_seconds():
            message = _("No worker took this export up. Start it again.")
            export_job_fail(job=job, error=message, attempt=job.attempt)
    job.refresh_from_db()
    return job


@transaction.atomic
def export_job_retry(*, job: ExportJob, user: Any) -> ExportJob:
    """Start a failed export again, as a new attempt; the caller enqueues it."""
    export_jobs.check(acting(user), CHANGE, job)
    job = ExportJob.objects.select_for_update().get(pk=job.pk)
    if job.status != ExportJob.Status.FAILED:
        raise ValidationError(_("Only a failed export can be started again."))
    job.attempt += 1
    job.status = ExportJob.Status.PENDING
    job.progress = 0
    job.step = ""
    job.error = ""
    job.worker = ""
    job.heartbeat_at = timezone.now()  # the wait for a worker counts from now
    job.finished_at = None
    if recorded(user) is not None:
        job.created_by = user
    job.save()
    return job
