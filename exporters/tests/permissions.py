"""Every URL of the printouts × every role (tests/test_permission_matrix.py): a printout's
page and file are its creator's alone (the office's decision list here)."""

from django.core.files.base import ContentFile

from core.testing import Case
from exporters.models import PrintJob


def office_printout(tree, users):
    """A finished decision list printed by the office."""
    job, created = PrintJob.objects.get_or_create(
        printout="ratings.decisions",
        params={"committee": tree.committee.pk, "year": 2019},
        defaults={
            "fmt": "pdf",
            "created_by": users["office"],
            "status": PrintJob.Status.DONE,
            "progress": 100,
            "filename": "quyet-dinh.pdf",
            "content_type": "application/pdf",
        },
    )
    if created:
        job.file.save("quyet-dinh.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    return job


def job_pk(tree, users):
    return {"pk": PrintJob.objects.get(printout="ratings.decisions").pk}


def _case(**options):
    return Case(
        expect={"office": 200}, default=404, setup=office_printout, kwargs=job_pk, **options
    )


MATRIX = {
    "exporters:job": _case(),
    "exporters:job_status": _case(),
    "exporters:job_download": _case(),
    # Only a failed printout runs again; the office is sent back to the page with a message.
    "exporters:job_retry": Case(
        expect={"office": 302}, default=404, method="post", setup=office_printout, kwargs=job_pk
    ),
}
