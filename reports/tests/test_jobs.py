"""Exports survive their worker: a job whose worker died is shown failed and can be re-run."""

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from core import jobs
from core.actors import SYSTEM
from reports import services
from reports.models import ExportJob


def _running(review, **fields):
    job = services.export_job_create(user=SYSTEM, review=review, exporter="review_json")
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.RUNNING, progress=70, **fields
    )
    return job


def test_a_job_without_heartbeat_for_too_long_is_shown_failed_and_runs_again(
    client_as, review, settings
):
    settings.JOB_STALE_SECONDS = 60
    last = timezone.now() - dt.timedelta(seconds=61)
    job = _running(review, worker="another-host:4242", heartbeat_at=last)
    client = client_as("office")
    page = client.get(reverse("reports:job", kwargs={"pk": job.pk})).content.decode()
    assert "Lỗi" in page and "Chạy lại" in page
    assert timezone.localtime(last).strftime("%H:%M:%S %d/%m/%Y") in page
    assert 'hx-trigger="every 1s"' not in page  # the page stops polling a dead job
    job.refresh_from_db()
    assert job.status == ExportJob.Status.FAILED and job.progress == 70

    response = client.post(reverse("reports:job_retry", kwargs={"pk": job.pk}))
    assert response.status_code == 302
    job.refresh_from_db()  # tests run tasks at once: the second attempt ran to the end
    assert (job.status, job.attempt, job.progress, job.error) == ("done", 2, 100, "")
    download = client.get(reverse("reports:job_download", kwargs={"pk": job.pk}))
    assert json.loads(b"".join(download.streaming_content))["report"]["id"] == review.pk


def test_a_recent_heartbeat_keeps_the_job_running(client_as, review, settings):
    settings.JOB_STALE_SECONDS = 60
    job = _running(
        review,
        worker="another-host:4242",
        heartbeat_at=timezone.now() - dt.timedelta(seconds=30),
    )
    page = client_as("office").get(reverse("reports:job_status", kwargs={"pk": job.pk}))
    assert 'hx-trigger="every 1s"' in page.content.decode()
    assert "Chạy lại" not in page.content.decode()
    job.refresh_from_db()
    assert job.status == ExportJob.Status.RUNNING


def test_a_job_whose_worker_process_is_gone_is_failed_at_once(client_as, review):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    worker = f"{jobs.worker_id().rpartition(':')[0]}:{gone.pid}"
    job = _running(review, worker=worker, heartbeat_at=timezone.now())
    page = client_as("office").get(reverse("reports:job_status", kwargs={"pk": job.pk}))
    assert "Lỗi" in page.content.decode() and "Chạy lại" in page.content.decode()


def test_a_late_worker_of_an_earlier_attempt_cannot_overwrite_the_retry(review):
    job = _running(review, worker="another-host:1", heartbeat_at=timezone.now())
    services.export_job_fail(job=job, error="stopped", attempt=1)
    job = services.export_job_retry(user=SYSTEM, job=ExportJob.objects.get(pk=job.pk))
    services.export_job_progress(job=job, percent=90, step="old worker", attempt=1)
    services.export_job_finish(
        job=job, filename="x.json", content_type="application/json", data=b"{}", attempt=1
    )
    job.refresh_from_db()
    assert (job.status, job.progress, job.attempt) == ("pending", 0, 2)


def test_only_who_may_export_sees_the_button(client_as, review, settings):
    settings.JOB_STALE_SECONDS = 1
    job = _running(
        review, worker="another-host:1", heartbeat_at=timezone.now() - dt.timedelta(seconds=5)
    )
    page = client_as("inspection").get(reverse("reports:job", kwargs={"pk": job.pk}))
    assert "Chạy lại" in page.content.decode()  # the commission may export
    assert (
        client_as("secretary").get(reverse("reports:job", kwargs={"pk": job.pk})).status_code == 404
    )


WORKER = """
import os, sys, time
import django
django.setup()
from exporters import registry
from reports.tasks import export_run

class Slow(registry.Exporter):
    identifier = "review_json"
    def render(self, params):
        params["progress"](70, "slow step")
        while True:
            time.sleep(0.05)

registry.register(Slow)
export_run.call(int(sys.argv[1]))
"""


@pytest.mark.django_db(transaction=True)
def test_killing_a_real_worker_mid_job(client_as, review, settings):
    """A worker process runs the real task; it is killed with SIGKILL while rendering."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3") and "memory" in str(db["NAME"]):
        pytest.skip("the worker process cannot open an in-memory SQLite database")
    job = services.export_job_create(user=SYSTEM, review=review, exporter="review_json")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    if db["ENGINE"].endswith("postgresql"):
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        )
    else:
        env["DATABASE_URL"] = f"sqlite:///{db['NAME']}"
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(job.pk)], cwd=Path(settings.BASE_DIR), env=env
    )
    try:
        deadline = time.monotonic() + 120
        while ExportJob.objects.get(pk=job.pk).step != "slow step":
            assert worker.poll() is None and time.monotonic() < deadline, "worker did not start"
            time.sleep(0.1)
        job.refresh_from_db()
        assert job.status == ExportJob.Status.RUNNING and job.worker.endswith(f":{worker.pid}")
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    page = client_as("office").get(reverse("reports:job", kwargs={"pk": job.pk})).content.decode()
    assert "Lỗi" in page and "Chạy lại" in page
    client_as("office").post(reverse("reports:job_retry", kwargs={"pk": job.pk}))
    job.refresh_from_db()
    assert job.status == ExportJob.Status.DONE and job.attempt == 2
