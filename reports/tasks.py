"""Background exports: the worker renders the file, reports progress and keeps the file."""

from django.utils import translation
from django_tasks import task

from exporters import registry

from .models import ExportJob
from .services import export_job_fail, export_job_finish, export_job_progress


@task()
def export_run(job_id: int) -> None:
    """Render one export job; failures are kept on the job for the page to show."""
    job = ExportJob.objects.select_related("review").get(pk=job_id)
    try:
        with translation.override("vi"):
            export_job_progress(job=job, percent=5, step="Bắt đầu")

            def progress(percent: int, step: str) -> None:
                export_job_progress(job=job, percent=percent, step=step)

            filename, content_type, data = registry.get(job.exporter).render(
                {"review": job.review, "progress": progress}
            )
            export_job_progress(job=job, percent=95, step="Lưu tệp")
            export_job_finish(job=job, filename=filename, content_type=content_type, data=data)
    except Exception as error:  # the job page shows what went wrong
        export_job_fail(job=job, error=f"{type(error).__name__}: {error}")
        raise
