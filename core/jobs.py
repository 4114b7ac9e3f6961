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
from django.db import close_old_connections, connection
from django.utils import timezone

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
    return (now - heartbeat_at).total_seconds() > stale_seconds()


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
