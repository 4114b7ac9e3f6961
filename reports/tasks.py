"""Background exports: the worker renders the file, reports progress and keeps the file."""

from collections.abc import Callable

from django.utils import translation
from django_tasks import task

from exporters import registry

from . import figure_jobs
from .job_services import EXPORTS
from .models import ExportJob


@task()
def export_run(job_id: int, attempt: int = 1) -> None:
    """Render one attempt of an export job; failures are kept on the job for the page to
    show. A heartbeat thread tells the page the worker is alive while a step runs long."""
    job = ExportJob.objects.select_related("review").get(pk=job_id)

    def render(progress: Callable[[int, str], None]) -> None:
        progress(5, "Bắt đầu")
        filename, content_type, data = registry.get(job.exporter).render(
            {"review": job.review, "progress": progress}
        )
        progress(95, "Lưu tệp")
        EXPORTS.finish(
            job, filename=filename, content_type=content_type, data=data, attempt=attempt
        )

    with translation.override("vi"):
        EXPORTS.run(job, attempt, render)


@task()
def figures_run(figures_id: int, key: str) -> None:
    """Compute a draft report's figures and charts once for this version of its records."""
    with translation.override("vi"):
        figure_jobs.compute_and_store(figures_id, key)
