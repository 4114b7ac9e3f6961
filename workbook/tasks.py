"""The background task: checks, imports and exports run here, never in the request.

A heartbeat thread tells the job page that the worker is alive while a long step runs (as for
report exports, core.jobs); a job whose worker died is shown failed and can be run again.
"""

from django.utils import translation
from django_tasks import task

from core.jobs import Heartbeat

from .jobs import job_beat, job_fail, job_run, job_start
from .models import WorkbookJob


@task()
def workbook_run(job_id: int, attempt: int = 1) -> None:
    job = WorkbookJob.objects.select_related("created_by", "committee").get(pk=job_id)
    if not job_start(job=job, attempt=attempt):
        return  # superseded by a new attempt, or already over
    try:
        with translation.override("vi"), Heartbeat(lambda: job_beat(job=job, attempt=attempt)):
            job_run(job=job, attempt=attempt)
    except Exception as error:  # the job page shows what went wrong
        job_fail(job=job, error=f"{type(error).__name__}: {error}", attempt=attempt)
        raise
