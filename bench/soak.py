"""A bounded soak against gunicorn on PostgreSQL (issue 15): nothing lost, no 5xx, no growth.

    .venv/bin/python bench/soak.py [--minutes 10] [--size small]

For `--minutes`, on 127.0.0.1, with a background worker (`manage.py db_worker`) beside
gunicorn:
- 10 cell secretaries read their cell, meeting, attendance and home pages and mark attendance
  (a form posted with its CSRF token, as the page's buttons do);
- the committee office exports the committee's workbook, downloads it and imports it again
  (check, then confirm), one after the other;
- readers of the news site post comments (each from its own address behind one proxy, so the
  limit per address does not refuse them).
Afterwards every acknowledged write is looked for in the database: the last acknowledged mark
of each (meeting, person), every comment answered with the redirect, every import confirmed.
The resident memory of gunicorn's processes is sampled every 15 s.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from client import Browser, multipart, rss  # noqa: E402
from common import (  # noqa: E402
    ROOT,
    bench_account,
    database_url,
    ensure_demo,
    ensure_province,
    load_average,
    percentile,
    production_env,
    session_cookie,
    setup_django,
    start_gunicorn,
    stop,
)
from load_test import prepare  # noqa: E402

TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_STAMP = re.compile(rb'name="token" value="([^"]+)"')


def secretary(
    plan: dict, browser: Browser, stop_at: float, marks: dict, lock, people: dict
) -> None:
    rng = random.Random(plan["cookie"])
    meeting_pk = int(plan["meeting"][0].strip("/").split("/")[-1])
    while time.monotonic() < stop_at:
        for url in (plan["cell"], rng.choice(plan["meeting"]), plan["home"]):
            browser.request("GET", url)
            time.sleep(rng.uniform(0.5, 1.5))
        browser.request("GET", plan["attendance"][0])
        person = rng.choice(people[meeting_pk])
        status = rng.choice(("present", "absent"))
        code, _, response = browser.post_form(
            f"/sinh-hoat/{meeting_pk}/diem-danh/{person}/", {"status": status}
        )
        # A refusal also redirects, with its reason in the messages cookie: not acknowledged.
        refused = "messages=" in (response.getheader("Set-Cookie") or "") if response else True
        browser.cookies.pop("messages", None)
        if code == 302 and refused:
            with lock:
                marks["refused"] = marks.get("refused", 0) + 1
        elif code == 302:
            with lock:
                marks[(meeting_pk, person)] = status
        time.sleep(rng.uniform(0.5, 1.5))


def wait_job(pk: int, deadline: float) -> str:
    from django.db import close_old_connections

    from workbook.models import WorkbookJob

    while time.monotonic() < deadline:
        close_old_connections()
        status = WorkbookJob.objects.filter(pk=pk).values_list("status", flat=True).first()
        if status in ("done", "failed"):
            return status
        time.sleep(1)
    return "timeout"


def office(browser: Browser, stop_at: float, committee: str, log: dict) -> None:
    """Export, download, import the same workbook (check, confirm), again and again."""
    while time.monotonic() < stop_at:
        browser.request("GET", "/so-lieu/")
        code, _, response = browser.post_form("/so-lieu/xuat/", {"committee": committee})
        if code != 302:
            log["export refused"] += 1
            time.sleep(5)
            continue
        job = int(response.getheader("Location").strip("/").split("/")[-1])
        if wait_job(job, time.monotonic() + 300) != "done":
            log["export failed"] += 1
            continue
        code, content, _ = browser.request("GET", f"/so-lieu/viec/{job}/tai-ve/")
        log["exports"] += code == 200
        token = browser.cookies.get("csrftoken", "")
        body, kind = multipart("file", "soak.xlsx", content, {"csrfmiddlewaretoken": token})
        code, _, response = browser.request(
            "POST",
            "/so-lieu/tai-len/",
            body,
            {"Content-Type": kind, "Referer": "http://127.0.0.1/"},
        )
        if code != 302:
            log["upload refused"] += 1
            continue
        check = int(response.getheader("Location").strip("/").split("/")[-1])
        if wait_job(check, time.monotonic() + 300) != "done":
            log["check failed"] += 1
            continue
        code, _, _ = browser.post_form(f"/so-lieu/viec/{check}/xac-nhan/", {})
        if code == 302:
            log["imports acknowledged"] += 1
            if wait_job(check, time.monotonic() + 300) == "done":
                log["imports done"] += 1


def commenter(
    port: int,
    stats: Counter,
    latencies: list,
    stop_at: float,
    slug: str,
    sent: list,
    min_age: float,
) -> None:
    number = 0
    while time.monotonic() < stop_at:
        number += 1
        browser = Browser(port, stats, latencies)
        code, html, _ = browser.request("GET", f"/tin-tuc/bai-viet/{slug}/")
        stamp = FORM_STAMP.search(html)
        if not stamp:
            time.sleep(1)
            continue
        time.sleep(min_age + 0.5)
        body = f"Ý kiến thử tải số {number} lúc {time.time():.0f}"
        fields = {
            "name": "Bạn đọc",
            "email": "ban.doc@example.org",
            "website": "",
            "body": body,
            "parent": "",
            "token": stamp.group(1).decode(),
            "homepage": "",
        }
        address = f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
        code, _, _ = browser.post_form(
            f"/tin-tuc/bai-viet/{slug}/binh-luan/", fields, {"X-Forwarded-For": address}
        )
        if code == 302:
            sent.append(body)


def prepare_news() -> tuple[str, str]:
    from core.actors import SYSTEM
    from news import services
    from news.models import Article

    found = Article.objects.filter(title="Bài viết của đợt chạy bền").first()
    if found is None:
        found = services.article_create(
            user=SYSTEM,
            title="Bài viết của đợt chạy bền",
            lead="Thử tải.",
            body="Nội dung.",
            author="Ban biên tập",
            source="",
        )
        services.article_publish(article=found, user=SYSTEM)
    from organisation.models import Unit

    return found.slug, Unit.objects.filter(parent=None).order_by("pk").values_list(
        "code", flat=True
    )[0]


def office_session(committee: str) -> str:
    from core.roles import Role
    from organisation.models import Unit

    user = bench_account("soak-office", Role.OFFICE, Unit.objects.get(code=committee))
    return session_cookie(user)


def verify(marks: dict, comments: list, log: Counter, since) -> dict:
    from django.db import close_old_connections

    from meetings.models import Attendance
    from news.models import Comment

    close_old_connections()
    refused = marks.pop("refused", 0)
    stored = {
        (meeting, person): status
        for meeting, person, status in Attendance.objects.filter(
            meeting_id__in={m for m, _ in marks}, person_id__in={p for _, p in marks}
        ).values_list("meeting_id", "person_id", "status")
    }
    changed = [key for key, status in marks.items() if stored.get(key) != status]
    # The office's import of an earlier export may write an older status back: that is a
    # later acknowledged write, not a loss, when the mark is in the history before it.
    history = Attendance.history.model.objects.filter(history_date__gte=since)
    kept = {
        (meeting, person, status)
        for meeting, person, status in history.filter(
            meeting_id__in={m for m, _ in changed}, person_id__in={p for _, p in changed}
        ).values_list("meeting_id", "person_id", "status")
    }
    lost_marks = [key for key in changed if (*key, marks[key]) not in kept]
    found = set(Comment.objects.filter(body__in=comments).values_list("body", flat=True))
    return {
        "marks acknowledged": len(marks),
        "marks refused with a message": refused,
        "marks replaced by a later import": len(changed) - len(lost_marks),
        "marks lost": len(lost_marks),
        "comments acknowledged": len(comments),
        "comments lost": len(set(comments) - found),
        "imports confirmed": log["imports acknowledged"],
        "imports not done": log["imports acknowledged"] - log["imports done"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--size", default="soak", help="dangbo_bench_<size>; soak: the demo")
    parser.add_argument("--secretaries", type=int, default=10)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    if args.size == "soak":
        ensure_demo()
    else:
        ensure_province(args.size)
    database = database_url(args.size)
    setup_django(database)
    from django.conf import settings
    from django.db import connection

    from meetings.models import Attendance

    plans = prepare(args.secretaries)
    people = {}
    for plan in plans:
        meeting = int(plan["meeting"][0].strip("/").split("/")[-1])
        people[meeting] = list(
            Attendance.objects.filter(meeting_id=meeting).values_list("person_id", flat=True)[:10]
        )
    slug, committee = prepare_news()
    office_cookie = office_session(committee)
    min_age = float(getattr(settings, "NEWS_COMMENT_MIN_SECONDS", 3))
    connection.close()
    env = production_env(database, PROXY_COUNT="1")
    server, port = start_gunicorn(env, args.workers, args.threads)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "-v0"], cwd=ROOT, env=env
    )
    stats: Counter = Counter()
    latencies: list[float] = []
    marks: dict = {}
    comments: list[str] = []
    log: Counter = Counter()
    memory: list[tuple[float, int]] = []
    lock = threading.Lock()
    from django.utils import timezone

    since = timezone.now()
    began = time.monotonic()
    stop_at = began + args.minutes * 60
    threads = [
        threading.Thread(
            target=secretary,
            args=(
                plan,
                Browser(port, stats, latencies, plan["cookie"]),
                stop_at,
                marks,
                lock,
                people,
            ),
        )
        for plan in plans
    ]
    threads.append(
        threading.Thread(
            target=office,
            args=(Browser(port, stats, latencies, office_cookie), stop_at, committee, log),
        )
    )
    threads.append(
        threading.Thread(
            target=commenter, args=(port, stats, latencies, stop_at, slug, comments, min_age)
        )
    )
    try:
        for thread in threads:
            thread.start()
        while time.monotonic() < stop_at:
            memory.append((time.monotonic() - began, rss(server)))
            time.sleep(15)
        for thread in threads:
            thread.join(timeout=400)
        memory.append((time.monotonic() - began, rss(server)))
    finally:
        stop(server)
        stop(worker)
    result = verify(marks, comments, log, since)
    errors = sum(
        count
        for code, count in stats.items()
        if code == "connection error" or (isinstance(code, int) and code >= 500)
    )
    settled = [mb for at, mb in memory if at >= 60] or [memory[-1][1]]
    print(
        f"{args.minutes:g} min, {sum(stats.values())} requests, "
        f"statuses {dict(sorted(stats.items(), key=str))}"
    )
    print(f"5xx and connection errors: {errors}")
    print(
        f"p50 {percentile(latencies, 0.5):.0f} ms, p95 {percentile(latencies, 0.95):.0f} ms, "
        f"max {max(latencies):.0f} ms"
    )
    print(f"workbook: {dict(log)}")
    print(f"verified: {result}")
    print("memory (s: MB): " + ", ".join(f"{at:.0f}: {mb}" for at, mb in memory))
    print(
        f"memory after the first minute: {settled[0]} MB → {settled[-1]} MB (max {max(settled)} MB)"
    )
    print(f"load average after: {load_average()}")
    lost = result["marks lost"] + result["comments lost"] + result["imports not done"]
    if errors or lost:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
