"""Long printouts run in the background: progress on their page, the file kept, and the
permission asked when the job starts and again at each download."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from pypdf import PdfReader

from exporters import print_jobs
from exporters.models import PrintJob
from exporters.tasks import print_run
from ratings.models import Level, Rating


@pytest.fixture
def decided(tree):
    for person in tree.members_a:
        Rating.objects.create(
            person=person, year=2019, level=Level.GOOD, cell=tree.cell_a, committee=tree.committee
        )


def _decisions(tree, user, fmt="pdf"):
    params = {"committee": tree.committee.pk, "year": 2019}
    return print_jobs.print_job_create(
        printout="ratings.decisions", params=params, fmt=fmt, user=user
    )


def test_a_running_printout_shows_its_progress_and_keeps_polling(tree, users, client_as):
    job = _decisions(tree, users["office"])
    PrintJob.objects.filter(pk=job.pk).update(
        status=PrintJob.Status.RUNNING, progress=40, step="Dàn trang"
    )
    page = client_as("office").get(reverse("exporters:job", kwargs={"pk": job.pk}))
    body = page.content.decode()
    assert 'value="40"' in body and "Dàn trang" in body and "Đang chạy" in body
    assert 'hx-trigger="every 1s"' in body and "Tải về" not in body


def test_the_job_renders_a_pdf_that_opens_and_the_page_offers_it(tree, users, client_as, decided):
    job = _decisions(tree, users["office"])
    print_run.call(job.pk)  # the worker's part, run here
    job.refresh_from_db()
    assert (job.status, job.progress) == ("done", 100)
    assert job.filename == f"quyet-dinh-xep-loai-{tree.committee.code}-2019.pdf"
    client = client_as("office")
    page = client.get(reverse("exporters:job", kwargs={"pk": job.pk})).content.decode()
    assert "hx-trigger" not in page and job.filename in page
    download = client.get(reverse("exporters:job_download", kwargs={"pk": job.pk}))
    pdf = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    text = "".join(p.extract_text() for p in pdf.pages)
    assert "DANH SÁCH" in text and tree.members_a[0].full_name in text


def test_permission_is_asked_at_the_start_and_at_the_download(tree, users, client_as, decided):
    with pytest.raises(PermissionDenied):  # a secretary does not print the committee's list
        _decisions(tree, users["secretary"])
    url = reverse("ratings:decision_print", kwargs={"year": 2019, "fmt": "pdf"})
    assert client_as("secretary").post(url).status_code == 403
    assert not PrintJob.objects.exists()

    response = client_as("office").post(url.replace("pdf", "docx"))
    job = PrintJob.objects.get()
    assert response["Location"] == reverse("exporters:job", kwargs={"pk": job.pk})
    download = reverse("exporters:job_download", kwargs={"pk": job.pk})
    assert client_as("office").get(download).status_code == 200
    assert client_as("inspection").get(download).status_code == 404  # another's printout
    users["office"].role_assignments.all().delete()  # the office loses its role
    assert client_as("office").get(download).status_code == 403
