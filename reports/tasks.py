"""Background exports: the worker renders the file, reports progress and keeps the file."""

from django.utils import translation
from django_tasks import task

from core.jobs import Heartbeat
from exporters import registry

from . import figure_jobs
from .job_services import (
    export_job_beat,
    export_job_fail,
    export_job_finish,
    export_job_progress,
    export_job_start,
)
from .models import ExportJob


@task()
def export_run(job_id: int, attempt: int = 1) -> None:
    """Render one attempt of an export job; failures are kept on the job for the page to
    show. A heartbeat thread tells the page the worker is alive while a step runs long."""
    job = ExportJob.objects.select_related("review").get(pk=job_id)
    if not export_job_start(job=job, attempt=attempt):
        return  # superseded by a retry, or already over
    try:
        with (
            translation.override("vi"),
            Heartbeat(lambda: export_job_beat(job=job, attempt=attempt)),
        ):
            export_job_progress(job=job, percent=5, step="Bắt đầu", attempt=attempt)

            def progress(percent: int, step: str) -> None:
                export_job_progress(job=job, percent=percent, step=step, attempt=attempt)

            filename, content_type, data = registry.get(job.exporter).render(
                {"review": job.review, "progress": progress}
            )
            export_job_progress(job=job, percent=95, step="Lưu tệp", attempt=attempt)
            export_job_finish(
                job=job, filename=filename, content_type=content_type, data=data, attempt=attempt
            )
    except Exception as error:  # the job page shows what went wrong
        export_job_fail(job=job, error=f"{type(error).__name__}: {error}", attempt=attempt)
        raise


@task()
def figures_run(figures_id: int, key: str) -> None:
    """Compute a draft report's figures and charts once for this version of its records."""
    with translation.override("vi"):
        figure_jobs.compute_and_store(figures_id, key)
