"""Signs of life of background jobs, so that a job whose worker died is not "running" for ever.

A job record stores which worker runs it (`host:pid`) and when that worker last beat. While a
job runs, `Heartbeat` beats from a thread of the worker process every JOB_HEARTBEAT_SECONDS:
if the process dies, the beats stop. The page showing a job asks `is_dead`: the worker's
process is gone (same host), or no beat for JOB_STALE_SECONDS.
"""

from __future__ import annotations

import datetime
import logging
import os
import socket
import threading
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import close_old_connections, connection, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext

from core import files

logger = logging.getLogger(__name__)


def heartbeat_seconds() -> float:
    return float(getattr(settings, "JOB_HEARTBEAT_SECONDS", 10))


def stale_seconds() -> float:
    return float(getattr(settings, "JOB_STALE_SECONDS", 60))


def start_seconds() -> float:
    """How long a job may wait for a worker before it is called lost."""
    return float(getattr(settings, "JOB_START_SECONDS", 900))


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:120]


def process_gone(worker: str) -> bool:
    """True when `worker` ran on this host and its process no longer exists."""
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def is_dead(*, worker: str, heartbeat_at: datetime.datetime | None, now: Any = None) -> bool:
    now = now or timezone.now()
    if worker and process_gone(worker):
        return True
    if heartbeat_at is None:
        return False
    return bool((now - heartbeat_at).total_seconds() > stale_seconds())


class Heartbeat:
    """Context manager: calls `beat()` every JOB_HEARTBEAT_SECONDS from a daemon thread until
    the body ends. The thread uses its own database connection and closes it."""

    def __init__(self, beat: Callable[[], Any]) -> None:
        self.beat = beat
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True, name="job-heartbeat")

    def _run(self) -> None:
        while not self.stop.wait(heartbeat_seconds()):
            try:
                close_old_connections()
                self.beat()
            except Exception:  # a missed beat is not the job's failure  # noqa: BLE001
                logger.warning("job heartbeat missed", exc_info=True)
        connection.close()

    def __enter__(self) -> Heartbeat:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop.set()
        self.thread.join(timeout=heartbeat_seconds() + 5)


class JobRecords:
    """The writes every background job record shares: take up, beat, progress, fail, finish,
    check for a dead worker, reset for a retry.

    A job model has the fields `status` (pending/running/done/failed), `progress`, `step`,
    `error`, `finished_at`, `attempt`, `worker`, `heartbeat_at` and `created_at`, and for a
    produced file `file`, `filename`, `content_type`. Each run has an `attempt` number and a
    worker writes only while its attempt is the job's current one, so a worker thought dead
    that wakes up after a retry cannot overwrite the new run. Progress is an UPDATE of its own
    (outside any transaction of the job) so the polling page sees it at once.
    """

    def __init__(self, model: Any, *, dead: Any, lost: Any) -> None:
        self.model = model
        self.dead = dead  # message with %(time)s: the worker stopped beating
        self.lost = lost  # message: no worker took the job up
        self.active = (model.Status.PENDING, model.Status.RUNNING)

    def current(self, job: Any, attempt: int) -> Any:
        return self.model.objects.filter(pk=job.pk, attempt=attempt)

    def start(self, job: Any, attempt: int = 1) -> bool:
        """The worker takes the job up; False when this attempt was superseded or is over."""
        return bool(
            self.current(job, attempt)
            .filter(status__in=self.active)
            .update(
                status=self.model.Status.RUNNING, worker=worker_id(), heartbeat_at=timezone.now()
            )
        )

    def beat(self, job: Any, attempt: int = 1) -> None:
        """The running worker is alive (called by its heartbeat thread)."""
        self.current(job, attempt).filter(status=self.model.Status.RUNNING).update(
            heartbeat_at=timezone.now()
        )

    def progress(self, job: Any, percent: int, step: str, attempt: int = 1) -> None:
        self.current(job, attempt).filter(status=self.model.Status.RUNNING).update(
            progress=percent, step=str(step)[:120], heartbeat_at=timezone.now()
        )

    def fail(self, job: Any, error: str, attempt: int = 1) -> None:
        self.current(job, attempt).filter(status__in=self.active).update(
            status=self.model.Status.FAILED, error=error[:2000], finished_at=timezone.now()
        )

    def finish(
        self, job: Any, *, filename: str, content_type: str, data: bytes, attempt: int = 1
    ) -> Any:
        """Keep the produced file and mark the job done; None when this attempt is over."""
        with transaction.atomic():
            found = (
                self.current(job, attempt)
                .select_for_update()
                .filter(status=self.model.Status.RUNNING)
                .first()
            )
            if found is None:
                return None
            found.file.save(filename, ContentFile(data), save=False)
            found.filename, found.content_type = filename, content_type
            found.status, found.progress = self.model.Status.DONE, 100
            found.step = gettext("Done")
            found.finished_at = timezone.now()
            found.save()
            return found

    def check(self, job: Any) -> Any:
        """Mark the job failed when its worker died or no worker took it up; the job, fresh."""
        now = timezone.now()
        since = job.heartbeat_at or job.created_at
        if job.status == self.model.Status.RUNNING and is_dead(
            worker=job.worker, heartbeat_at=since, now=now
        ):
            time = timezone.localtime(since).strftime("%H:%M:%S %d/%m/%Y")
            self.fail(job, str(self.dead) % {"time": time}, attempt=job.attempt)
        elif job.status == self.model.Status.PENDING:
            if (now - since).total_seconds() > start_seconds():
                self.fail(job, str(self.lost), attempt=job.attempt)
        job.refresh_from_db()
        return job

    def restart(self, job: Any) -> Any:
        """A failed job as a new attempt, pending again; the caller saves and enqueues it."""
        job.attempt += 1
        job.status, job.progress, job.step, job.error = self.model.Status.PENDING, 0, "", ""
        job.worker, job.finished_at = "", None
        job.heartbeat_at = timezone.now()  # the wait for a worker counts from now
        return job

    def retry(self, job: Any, *, refused: Any, **changes: Any) -> Any:
        """Start a failed job again as a new attempt (with `changes`), saved; the caller
        enqueues it. Any other job is refused with the message `refused`."""
        with transaction.atomic():
            job = self.model.objects.select_for_update().get(pk=job.pk)
            if job.status != self.model.Status.FAILED:
                raise ValidationError(str(refused))
            self.restart(job)
            for name, value in changes.items():
                setattr(job, name, value)
            job.save()
            return job

    def run(
        self, job: Any, attempt: int, body: Callable[[Callable[[int, str], None]], Any]
    ) -> None:
        """Run `body(progress)` as this attempt of the job, with a heartbeat; a failure is
        kept on the job for its page to show, and raised for the task's log."""
        if not self.start(job, attempt):
            return  # superseded by a retry, or already over
        try:
            with Heartbeat(lambda: self.beat(job, attempt)):

                def progress(percent: int, step: str) -> None:
                    self.progress(job, percent, step, attempt)

                body(progress)
        except Exception as error:  # the job page shows what went wrong
            self.fail(job, f"{type(error).__name__}: {error}", attempt)
            raise


# The views of a job's page (exporters' printouts, reports' exports)


def retry_job(
    request: HttpRequest, retry: Callable[[], Any], task: Any, *, to: str
) -> HttpResponse:
    """A failed job's Retry button: `retry()` (the service, which may refuse) returns the job
    to run again, handed to the worker's `task` with its new attempt; back to its page `to`."""
    try:
        job = retry()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        task.enqueue(job.pk, job.attempt)
    return redirect(to)


def serve_result(request: HttpRequest, job: Any, *, title: str) -> HttpResponseBase:
    """A finished job's file; 404 while it is not done or has no file."""
    if job.status != job.Status.DONE or not job.file:
        raise Http404
    return files.serve(request, job.file, title=title, filename=job.filename or None)
