"""The background task: checks, imports and exports run here, never in the request."""

from django.utils import translation
from django_tasks import task

from .jobs import job_fail, job_run
from .models import WorkbookJob


@task()
def workbook_run(job_id: int) -> None:
    job = WorkbookJob.objects.select_related("created_by", "committee").get(pk=job_id)
    try:
        with translation.override("vi"):
            job_run(job=job)
    except Exception as error:  # the job page shows what went wrong
        job_fail(job=job, error=f"{type(error).__name__}: {error}")
        raise
