"""The writers of WorkbookJob: create, report progress with a heartbeat, finish, fail,
recover; and the job's run.

As for report exports (reports.job_services), each run has an `attempt` number and a worker
writes only while its attempt is the job's current one; a job whose worker died
(`core.jobs.is_dead`) is marked failed when its page is looked at, and `job_retry` runs it
again.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import jobs

from .models import WorkbookJob
from .registry import SheetPlan
from .services import ImportResult, workbook_export, workbook_import

SHOWN = 200  # labels kept per sheet for the preview; the counts are always complete
ACTIVE = (WorkbookJob.Status.PENDING, WorkbookJob.Status.RUNNING)
# What a finished run writes (its worker and attempt stay as job_start wrote them).
FINISHED_FIELDS = (
    *("status", "progress", "step", "finished_at", "heartbeat_at"),
    *("result", "file", "filename", "upload"),
)


@transaction.atomic
def job_upload(*, user: Any, upload: Any) -> WorkbookJob:
    """Keep an uploaded workbook and record its check, to run in the background."""
    _forget_old_uploads()
    job = WorkbookJob(kind=WorkbookJob.Kind.CHECK, created_by=user, upload_name=upload.name)
    job.upload.save(f"{uuid.uuid4().hex}.xlsx", upload, save=False)  # never the user's name
    job.full_clean()
    job.save()
    return job


def _forget_old_uploads(max_age: dt.timedelta = dt.timedelta(days=1)) -> None:
    """Uploads that were never confirmed are removed after a day."""
    for job in WorkbookJob.objects.exclude(upload="").filter(
        created_at__lt=timezone.now() - max_age
    ):
        job.upload.delete(save=False)
        WorkbookJob.objects.filter(pk=job.pk).update(upload="")


@transaction.atomic
def job_confirm(*, job: WorkbookJob) -> WorkbookJob:
    """A checked upload without errors is imported, in the background too."""
    job.kind = WorkbookJob.Kind.IMPORT
    job.status, job.progress, job.step = WorkbookJob.Status.PENDING, 0, ""
    job.worker, job.heartbeat_at = "", timezone.now()  # the wait for a worker counts from now
    job.save(update_fields=["kind", "status", "progress", "step", "worker", "heartbeat_at"])
    return job


@transaction.atomic
def job_export(*, user: Any, committee: Any) -> WorkbookJob:
    job = WorkbookJob(kind=WorkbookJob.Kind.EXPORT, created_by=user, committee=committee)
    job.full_clean()
    job.save()
    return job


def _current(job: WorkbookJob, attempt: int) -> Any:
    return WorkbookJob.objects.filter(pk=job.pk, attempt=attempt)


def job_start(*, job: WorkbookJob, attempt: int = 1) -> bool:
    """The worker takes the job up; False when this attempt was superseded or is over."""
    return bool(
        _current(job, attempt)
        .filter(status__in=ACTIVE)
        .update(
            status=WorkbookJob.Status.RUNNING, worker=jobs.worker_id(), heartbeat_at=timezone.now()
        )
    )


def job_beat(*, job: WorkbookJob, attempt: int = 1) -> None:
    """The running worker is alive (called by its heartbeat thread)."""
    _current(job, attempt).filter(status=WorkbookJob.Status.RUNNING).update(
        heartbeat_at=timezone.now()
    )


def job_progress(*, job: WorkbookJob, percent: int, step: str, attempt: int = 1) -> None:
    """Written at once (outside any import transaction) so the polling page sees it."""
    _current(job, attempt).filter(status=WorkbookJob.Status.RUNNING).update(
        progress=percent, step=str(step)[:120], heartbeat_at=timezone.now()
    )


def job_fail(*, job: WorkbookJob, error: str, attempt: int = 1) -> None:
    _current(job, attempt).filter(status__in=ACTIVE).update(
        status=WorkbookJob.Status.FAILED, error=error[:2000], finished_at=timezone.now()
    )


def job_check(*, job: WorkbookJob) -> WorkbookJob:
    """Mark the job failed when its worker died or no worker took it up; the job, fresh."""
    now = timezone.now()
    since = job.heartbeat_at or job.created_at
    if job.status == WorkbookJob.Status.RUNNING and jobs.is_dead(
        worker=job.worker, heartbeat_at=since, now=now
    ):
        message = _(
            "The worker running this job stopped (no sign of life since %(time)s). Start it again."
        ) % {"time": timezone.localtime(since).strftime("%H:%M:%S %d/%m/%Y")}
        job_fail(job=job, error=message, attempt=job.attempt)
    elif job.status == WorkbookJob.Status.PENDING:
        if (now - since).total_seconds() > jobs.start_seconds():
            message = _("No worker took this job up. Start it again.")
            job_fail(job=job, error=message, attempt=job.attempt)
    job.refresh_from_db()
    return job


@transaction.atomic
def job_retry(*, job: WorkbookJob) -> WorkbookJob:
    """Run a failed job again, as a new attempt; the caller enqueues it with job.attempt."""
    job = WorkbookJob.objects.select_for_update().get(pk=job.pk)
    if job.status != WorkbookJob.Status.FAILED:
        raise ValidationError(_("Only a failed job can be started again."))
    if job.kind != WorkbookJob.Kind.EXPORT and not job.upload:
        raise ValidationError(_("The uploaded file is no longer kept; upload it again."))
    job.attempt += 1
    job.status, job.progress, job.step, job.error = WorkbookJob.Status.PENDING, 0, "", ""
    job.worker, job.heartbeat_at, job.finished_at = "", timezone.now(), None
    job.save()
    return job


def summary(result: ImportResult) -> dict[str, Any]:
    """What the preview shows, as JSON: every error, and per sheet the counts and labels."""
    created, updated, unchanged = result.counts
    return {
        "ok": result.ok,
        "applied": result.applied,
        "created": created,
        "updated": updated,
        "unchanged": unchanged,
        "errors": [
            [error.sheet, error.row, error.column, error.message, str(error)]
            for error in result.errors
        ],
        "sheets": [_sheet(sheet, result.plans.get(sheet)) for sheet in result.sheets],
    }


def _sheet(sheet: str, plan: SheetPlan | None) -> dict[str, Any]:
    plan = plan or SheetPlan()
    return {
        "sheet": sheet,
        "created": len(plan.created),
        "updated": len(plan.updated),
        "unchanged": plan.unchanged,
        "created_labels": plan.created[:SHOWN],
        "updated_labels": plan.updated[:SHOWN],
    }


def job_run(*, job: WorkbookJob, attempt: int = 1) -> None:
    """Do the job's work and keep its outcome on it (unless a newer attempt took over)."""

    def progress(percent: int, step: str) -> None:
        job_progress(job=job, percent=percent, step=step, attempt=attempt)

    progress(2, _("Starting"))
    if job.kind == WorkbookJob.Kind.EXPORT:
        committee = job.committee
        if committee is None:  # job_export always names one
            raise ValueError("an export job without a committee")
        content = workbook_export(committee, progress=progress)
        stamp = timezone.localdate().strftime("%Y%m%d")
        job.filename = f"{committee.code}-{stamp}.xlsx"
        job.file.save(job.filename, ContentFile(content), save=False)
    else:
        with job.upload.open("rb") as source:
            result = workbook_import(
                source,
                user=job.created_by,
                dry_run=job.kind == WorkbookJob.Kind.CHECK,
                progress=progress,
                name=job.upload_name,
            )
        job.result = summary(result)
        if result.applied:
            job.upload.delete(save=False)
    with transaction.atomic():
        running = _current(job, attempt).filter(status=WorkbookJob.Status.RUNNING)
        if not running.select_for_update().exists():
            return
        job.status, job.progress, job.step = WorkbookJob.Status.DONE, 100, _("Done")
        job.finished_at, job.heartbeat_at = timezone.now(), timezone.now()
        job.save(update_fields=[*FINISHED_FIELDS])
