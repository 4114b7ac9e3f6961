"""Load benchmark of the public article page, with and without the page cache.

    .venv/bin/python bench/news_load.py [--seconds 10] [--connections 16] [--workers 3]

Builds a throw-away SQLite database with 200 published articles (photos, threaded approved
comments), starts gunicorn on 127.0.0.1 on a free port, loads one article page for a fixed
time with `wrk` when it is installed (Debian: apt-get install wrk) or with a small threaded
Python client otherwise, then stops gunicorn and prints a Markdown table for the news
section of docs/performance.md. Every run is bounded: each measurement lasts
`--seconds`, and the server is killed in a `finally`.
"""

import argparse
import datetime as dt
import http.client
import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from core.actors import SYSTEM

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
from common import start_gunicorn, stop  # noqa: E402


def prepare_database(workdir: Path, articles: int) -> str:
    """Migrate a fresh SQLite database and fill it; returns the article page's path."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_news_settings"
    import django

    django.setup()
    import random

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from news import services
    from news.demo import demo_photo
    from news.models import Article, Comment

    call_command("migrate", verbosity=0)
    rng = random.Random(7)
    services.category_default(user=SYSTEM)
    photo = demo_photo(rng)
    now = timezone.now()
    target = None
    for number in range(articles):
        article = services.article_create(
            user=SYSTEM,
            title=f"Bài viết thử tải số {number}: học tập và làm theo",
            lead="Bài viết dùng để đo tải trang tin.",
            body="\n\n".join(f"Đoạn văn thứ {n} của bài viết thử tải." for n in range(12)),
            author="Ban biên tập",
            source="Theo Văn phòng Đảng ủy",
        )
        if number % 20 == 0:
            services.image_add(
                user=SYSTEM,
                article=article,
                upload=SimpleUploadedFile("a.png", photo, content_type="image/png"),
                caption="Ảnh minh họa",
                position=2,
            )
        services.article_publish(
            article=article, user=SYSTEM, at=now - dt.timedelta(hours=articles - number)
        )
        target = article
    for number in range(20):
        top = services.comment_submit(
            article=target, name=f"Bạn đọc {number}", email=f"b{number}@example.org", body="Hay."
        )
        Comment.objects.filter(pk=top.pk).update(status=Comment.Status.APPROVED)
        reply = services.comment_submit(
            article=target, name="Ban đọc khác", email="k@example.org", body="Đồng ý.", parent=top
        )
        Comment.objects.filter(pk=reply.pk).update(status=Comment.Status.APPROVED)
    connection.close()
    assert Article.objects.public().count() == articles
    return target.get_absolute_url()


def warm_up(port: int, path: str, count: int = 50) -> None:
    for _ in range(count):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"warm-up: {path} answered {response.status}")
        connection.close()


def run_wrk(port: int, path: str, seconds: int, connections: int) -> dict:
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "5s",
            "--latency",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    ).stdout

    def find(pattern: str, default: str = "0") -> str:
        match = re.search(pattern, output)
        return match.group(1) if match else default

    def millis(text: str) -> float:
        match = re.match(r"([\d.]+)(\w+)", text)
        if not match:  # wrk prints "-nan" when a run saw no latency at all
            return 0.0
        number, unit = match.groups()
        return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]

    if os.environ.get("BENCH_VERBOSE"):
        print(output)
    errors = int(find(r"Non-2xx or 3xx responses: (\d+)"))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket_errors:
        errors += sum(int(value) for value in socket_errors.groups())
    return {
        "client": "wrk",
        "requests": int(find(r"(\d+) requests in")),
        "rps": float(find(r"Requests/sec:\s+([\d.]+)")),
        "p50": millis(find(r"(?m)^\s+50%\s+(\S+)", "0ms")),
        "p90": millis(find(r"(?m)^\s+90%\s+(\S+)", "0ms")),
        "p99": millis(find(r"(?m)^\s+99%\s+(\S+)", "0ms")),
        "errors": errors,
    }


def run_python_client(port: int, path: str, seconds: int, connections: int) -> dict:
    """Fallback when wrk is absent: keep-alive connections in threads, one per connection."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        mine: list[float] = []
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    errors[0] += 1
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException):
                with lock:
                    errors[0] += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                continue
            mine.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    latencies.sort()

    def pct(value: float) -> float:
        return latencies[min(len(latencies) - 1, int(len(latencies) * value))] if latencies else 0

    return {
        "client": "python",
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) if latencies else 0,
        "p90": pct(0.90),
        "p99": pct(0.99),
        "errors": errors[0],
    }


def measure(args, paths: dict[str, str], env: dict, cache: str) -> dict:
    """Each path in turn against one server: the hello view and the article share the run."""
    server, port = start_gunicorn({**env, "NEWS_BENCH_CACHE": cache}, args.workers, 2)
    results = {}
    try:
        for label, path in paths.items():
            warm_up(port, path)
            if shutil.which("wrk") and not args.python_client:
                results[label] = run_wrk(port, path, args.seconds, args.connections)
            else:
                results[label] = run_python_client(port, path, args.seconds, args.connections)
    finally:
        stop(server)
    return results


def report(results: dict, args, path: str) -> str:
    lines = [
        "| page | client | requests | requests/s | p50 ms | p90 ms | p99 ms | errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, result in results.items():
        lines.append(
            f"| {label} | {result['client']} | {result['requests']} | {result['rps']:.0f} | "
            f"{result['p50']:.1f} | {result['p90']:.1f} | {result['p99']:.1f} | "
            f"{result['errors']} |"
        )
    ratio = results["cached"]["rps"] / results["hello view"]["rps"]
    lines += ["", f"Cached article / hello view: {ratio:.2f}× the throughput (goal ≥ 0.5×)."]
    cpu = os.cpu_count()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines += [
        "",
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {platform.python_implementation()} "
        f"{platform.python_version()}, {cpu} CPU, gunicorn {args.workers} gthread workers × 2 "
        f"threads, {args.connections} connections, {args.seconds} s per measurement, "
        f"SQLite, {args.articles} published articles, page `{path}` (photo, 20 comments with "
        f"replies, related articles). Load average when done: {load} (other work shares the "
        "machine).",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--python-client", action="store_true", help="do not use wrk")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="news-bench-"))
    try:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
            "MEDIA_DIR": str(workdir / "media"),
            "DJANGO_SETTINGS_MODULE": "bench_news_settings",
            "SECRET_KEY": secrets.token_urlsafe(50),  # production settings need a real key
        }
        os.environ.update(env)
        path = prepare_database(workdir, args.articles)
        results = measure(args, {"hello view": "/hello/", "cached": path}, env, "on")
        results.update(measure(args, {"without cache": path}, env, "off"))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    table = report(results, args, path)
    print(table)


if __name__ == "__main__":
    main()
