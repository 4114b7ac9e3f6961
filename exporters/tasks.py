"""Background printouts: the worker renders the file, reports progress and keeps the file."""

from django.utils import translation
from django_tasks import task

from .models import PrintJob
from .print_jobs import print_job_render


@task()
def print_run(job_id: int, attempt: int = 1) -> None:
    job = PrintJob.objects.select_related("created_by").get(pk=job_id)
    with translation.override("vi"):
        print_job_render(job, attempt)
