"""Workbook jobs survive their worker (as report exports do), and each committed import
leaves one entry on the audit trail."""

import datetime as dt
import subprocess
import sys

from django.urls import reverse
from django.utils import timezone

from core import jobs
from workbook import jobs as workbook_jobs
from workbook.models import WorkbookImport, WorkbookJob
from workbook.testing import make_workbook

from .test_web_and_commands import PERSON, UNITS, job_page, upload


def _checked_upload(client):
    content = make_workbook({"Đơn vị": UNITS, "Nhân sự": [PERSON]}).getvalue()
    return job_page(client, upload(client, content)).context["job"]


def _running(job, **fields):
    WorkbookJob.objects.filter(pk=job.pk).update(
        status=WorkbookJob.Status.RUNNING, progress=40, result={}, **fields
    )
    return job


def test_a_job_without_heartbeat_for_too_long_is_failed_and_runs_again(client_as, tree, settings):
    settings.JOB_STALE_SECONDS = 60
    client = client_as("office")
    job = _checked_upload(client)
    last = timezone.now() - dt.timedelta(seconds=61)
    _running(job, worker="another-host:4242", heartbeat_at=last)
    page = client.get(reverse("workbook:job", args=[job.pk])).content.decode()
    assert "Chạy lại" in page and timezone.localtime(last).strftime("%H:%M:%S %d/%m/%Y") in page
    assert 'hx-trigger="every 1s"' not in page  # the page stops polling a dead job
    job.refresh_from_db()
    assert job.status == WorkbookJob.Status.FAILED and job.progress == 40

    response = client.post(reverse("workbook:retry", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()  # tests run tasks at once: the second attempt ran to the end
    assert (job.status, job.attempt, job.progress, job.error) == ("done", 2, 100, "")
    assert job.result["ok"] and job.worker == jobs.worker_id()
    # The retried check can be confirmed: the import runs as the same attempt.
    client.post(reverse("workbook:confirm", args=[job.pk]))
    job.refresh_from_db()
    assert (job.kind, job.status, job.result["applied"]) == ("import", "done", True)


def test_a_recent_heartbeat_keeps_the_job_running(client_as, tree, settings):
    settings.JOB_STALE_SECONDS = 60
    client = client_as("office")
    job = _running(
        _checked_upload(client),
        worker="another-host:4242",
        heartbeat_at=timezone.now() - dt.timedelta(seconds=30),
    )
    html = client.get(reverse("workbook:job_status", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in html and "Chạy lại" not in html
    job.refresh_from_db()
    assert job.status == WorkbookJob.Status.RUNNING


def test_a_job_whose_worker_process_is_gone_is_failed_at_once(client_as, tree):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    client = client_as("office")
    worker = f"{jobs.worker_id().rpartition(':')[0]}:{gone.pid}"
    job = _running(_checked_upload(client), worker=worker, heartbeat_at=timezone.now())
    html = client.get(reverse("workbook:job_status", args=[job.pk])).content.decode()
    assert "Chạy lại" in html
    assert WorkbookJob.objects.get(pk=job.pk).status == WorkbookJob.Status.FAILED


def test_a_late_worker_of_an_earlier_attempt_cannot_overwrite_the_retry(client_as, tree):
    job = _running(
        _checked_upload(client_as("office")), worker="another-host:1", heartbeat_at=timezone.now()
    )
    workbook_jobs.job_fail(job=job, error="stopped", attempt=1)
    job = workbook_jobs.job_retry(job=WorkbookJob.objects.get(pk=job.pk))
    workbook_jobs.job_progress(job=job, percent=90, step="old worker", attempt=1)
    assert not workbook_jobs.job_start(job=job, attempt=1)
    job.refresh_from_db()
    assert (job.status, job.progress, job.attempt) == ("pending", 0, 2)


def test_a_committed_import_leaves_one_entry_on_the_audit_trail(client_as, tree, users):
    client = client_as("office")
    job = _checked_upload(client)
    assert not WorkbookImport.objects.exists()  # the check (a rolled back run) leaves none
    client.post(reverse("workbook:confirm", args=[job.pk]))
    record = WorkbookImport.objects.get()
    assert record.file_name == "so-lieu.xlsx" and record.unit == tree.committee
    assert "Đơn vị: thêm mới 1, thay đổi 0, không đổi 1." in record.summary, record.summary
    assert "Nhân sự: thêm mới 1, thay đổi 0, không đổi 0." in record.summary
    trail = client.get(reverse("core:audit"), {"model": "workbook.workbookimport"})
    items = list(trail.context["page_obj"])
    assert len(items) == 1 and items[0].who == users["office"]
    html = trail.content.decode()
    assert "so-lieu.xlsx" in html and "Nhân sự: thêm mới 1" in html
