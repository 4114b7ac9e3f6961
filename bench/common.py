"""What the load benchmarks share: the province databases, production settings, gunicorn.

Every benchmark that serves pages runs the production settings (`config.settings.base`,
DEBUG off, a random key), so that it measures what a province would run.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432"
# The databases the crawl, the load test and the soak use; built by bench/province_build.py.
# "big" is the province of issue 18 (500,000 members, ~640,000 people, ~50 minutes to build).
SIZES = {"small": 10_000, "big": 500_000}
# One key for this run: sessions made here must be read by the gunicorn it starts.
KEY = os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50)


def database_url(size: str) -> str:
    return f"{SERVER}/dangbo_bench_{size}"


def production_env(database: str, **extra: str) -> dict[str, str]:
    """The environment of a production process on `database` (media in a temporary folder)."""
    media = Path(tempfile.gettempdir()) / "dangbo-bench-media"
    return {
        **os.environ,
        "DATABASE_URL": database,
        "DJANGO_SETTINGS_MODULE": os.environ.get("BENCH_SETTINGS", "config.settings.base"),
        "DEBUG": "0",
        "SECRET_KEY": KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "MEDIA_DIR": str(media),
        "LOG_LEVEL": "ERROR",
        **extra,
    }


def setup_django(database: str) -> None:
    os.environ.update(production_env(database))
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    import django

    django.setup()


def bench_account(username: str, role: str, unit: Any, person: Any = None) -> Any:
    """The benchmark's account `username` with `role` on `unit`, made once by the system
    through accounts.services; it has no password (`session_cookie` signs it in)."""
    from accounts import services
    from accounts.models import User
    from core.actors import SYSTEM

    found = User.objects.filter(username=username).first()
    if found is not None:
        return found
    return services.account_create(
        SYSTEM, username=username, password=None, person=person, roles=[(role, unit)]
    )


def session_cookie(user: Any) -> str:
    """A signed-in session of `user`, as the cookie header a client sends."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def _psql(database: str, sql: str) -> str:
    return subprocess.run(
        ["psql", "-Atq", database, "-c", sql], capture_output=True, text=True, check=False
    ).stdout.strip()


def _ensure_database(name: str) -> None:
    exists = f"SELECT 1 FROM pg_database WHERE datname = '{name}'"
    if _psql(f"{SERVER}/postgres", exists) != "1":
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)


def ensure_demo(name: str = "dangbo_bench_soak") -> None:
    """A database with the demo committee (it round-trips through the workbook)."""
    _ensure_database(name)
    if _psql(f"{SERVER}/{name}", "SELECT count(*) FROM organisation_unit") not in ("", "0"):
        return
    env = production_env(f"{SERVER}/{name}")
    for command in (["migrate", "-v0"], ["load_demo"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)


def ensure_province(size: str, members: int | None = None) -> None:
    """Create and build `dangbo_bench_<size>` unless it already holds the province."""
    url = database_url(size)
    _ensure_database(f"dangbo_bench_{size}")
    if _psql(url, "SELECT count(*) FROM organisation_unit WHERE code = 'PV'") == "1":
        return
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "province_build.py"),
            "--members",
            str(members or SIZES[size]),
            "--database",
            url,
        ],
        check=True,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(
    env: dict[str, str], workers: int = 3, threads: int = 4, port: int | None = None
) -> tuple[subprocess.Popen, int]:
    """gunicorn on 127.0.0.1 with `env`; returns once it accepts connections."""
    port = port or free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(threads),
        "--keep-alive",
        "5",
        "--pythonpath",
        f"{ROOT},{ROOT / 'bench'}",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server, port
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()


def load_average() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]
