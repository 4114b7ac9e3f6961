"""The writers of WorkbookJob: create, report progress, finish, fail; and the job's run."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import WorkbookJob
from .registry import SheetPlan
from .services import ImportResult, workbook_export, workbook_import

SHOWN = 200  # labels kept per sheet for the preview; the counts are always complete


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
    job.save(update_fields=["kind", "status", "progress", "step"])
    return job


@transaction.atomic
def job_export(*, user: Any, committee: Any) -> WorkbookJob:
    job = WorkbookJob(kind=WorkbookJob.Kind.EXPORT, created_by=user, committee=committee)
    job.full_clean()
    job.save()
    return job


def job_progress(*, job: WorkbookJob, percent: int, step: str) -> None:
    """Written at once (outside any import transaction) so the polling page sees it."""
    WorkbookJob.objects.filter(pk=job.pk).update(
        progress=percent, step=str(step)[:120], status=WorkbookJob.Status.RUNNING
    )


def job_fail(*, job: WorkbookJob, error: str) -> None:
    WorkbookJob.objects.filter(pk=job.pk).update(
        status=WorkbookJob.Status.FAILED, error=error[:2000], finished_at=timezone.now()
    )


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


def job_run(*, job: WorkbookJob) -> None:
    """Do the job's work and keep its outcome on it."""

    def progress(percent: int, step: str) -> None:
        job_progress(job=job, percent=percent, step=step)

    progress(2, _("Starting"))
    if job.kind == WorkbookJob.Kind.EXPORT:
        content = workbook_export(job.committee, progress=progress)
        stamp = timezone.localdate().strftime("%Y%m%d")
        job.filename = f"{job.committee.code}-{stamp}.xlsx"
        job.file.save(job.filename, ContentFile(content), save=False)
    else:
        with job.upload.open("rb") as source:
            result = workbook_import(
                source,
                user=job.created_by,
                dry_run=job.kind == WorkbookJob.Kind.CHECK,
                progress=progress,
            )
        job.result = summary(result)
        if result.applied:
            job.upload.delete(save=False)
    job.status, job.progress, job.step = WorkbookJob.Status.DONE, 100, _("Done")
    job.finished_at = timezone.now()
    job.save()
