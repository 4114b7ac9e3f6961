"""50 signed-in cell secretaries against gunicorn on PostgreSQL, with bad requests mixed in.

    .venv/bin/python bench/load_test.py [--size small|big] [--users 50] [--seconds 60]

Each simulated user is the secretary of one cell of the province (a session made for him in
the database, as signing in would) and loops over his cell's page, one of its meetings, that
meeting's attendance page and the home page, waiting `--think` seconds (uniformly ±50%)
between requests, as a person reading a page does. One request in `--bad` is a wrong one:
another cell's meeting (404), a meeting that does not exist (404), a page the role may not
open (403), a form posted without its CSRF token (403), a page without a session (302 to the
sign-in page). The goals (issue 18): p95 < 200 ms for each good page, zero errors, each bad
request answered with its 4xx (or the sign-in redirect), and no 5xx at all.
"""

from __future__ import annotations

import argparse
import http.client
import random
import statistics
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    bench_account,
    database_url,
    ensure_province,
    load_average,
    percentile,
    production_env,
    session_cookie,
    setup_django,
    start_gunicorn,
    stop,
)

GOOD = ("cell", "meeting", "attendance", "home")


def prepare(users: int) -> list[dict]:
    """A secretary with a session for each of `users` cells; returns their cookies and URLs."""
    from django.db.models import Exists, OuterRef
    from django.urls import reverse

    from core.roles import Role
    from meetings.models import Attendance, Meeting
    from organisation.models import Person, Unit

    # EXISTS per cell, in pk order: the first cells with marked attendance, without joining
    # the province's 40 million attendance rows to the meetings first.
    held = Attendance.objects.filter(meeting__unit=OuterRef("pk"))
    cells = list(Unit.objects.filter(Exists(held), kind="cell").order_by("pk")[:users])
    plans = []
    for number, cell in enumerate(cells):
        # Not one of the first few members: bench/page_crawl.py signs in as those.
        members = Person.objects.filter(unit=cell, party_status="full", user__isnull=True)
        user = bench_account(
            f"load-secretary-{number}",
            Role.SECRETARY,
            cell,
            person=members.order_by("pk")[10:11].first(),
        )
        meetings = list(
            Meeting.objects.filter(unit=cell, attendance__isnull=False)
            .distinct()
            .order_by("-date")
            .values_list("pk", flat=True)[:12]
        )
        other = Meeting.objects.exclude(unit=cell).order_by("pk").values_list("pk", flat=True)[0]
        plans.append(
            {
                "cookie": session_cookie(user),
                "cell": reverse("organisation:unit", kwargs={"pk": cell.pk}),
                "meeting": [reverse("meetings:detail", kwargs={"pk": pk}) for pk in meetings],
                "attendance": [
                    reverse("meetings:attendance", kwargs={"pk": pk}) for pk in meetings
                ],
                "home": reverse("core:home"),
                "bad": [
                    (
                        "other cell's meeting",
                        "GET",
                        reverse("meetings:detail", kwargs={"pk": other}),
                        True,
                        {404},
                    ),
                    (
                        "no such meeting",
                        "GET",
                        reverse("meetings:detail", kwargs={"pk": 10**9}),
                        True,
                        {404},
                    ),
                    ("not allowed", "GET", reverse("core:audit"), True, {403}),
                    (
                        "post without CSRF",
                        "POST",
                        reverse("meetings:attendance_everyone", kwargs={"pk": meetings[0]}),
                        True,
                        {403},
                    ),
                    ("no session", "GET", reverse("core:home"), False, {302}),
                ],
            }
        )
    return plans


def user_loop(plan: dict, port: int, stop_at: float, args, record) -> None:
    rng = random.Random(plan["cookie"])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    time.sleep(rng.uniform(0, args.think))  # users arrive spread over one think time
    while time.monotonic() < stop_at:
        if rng.random() < args.bad:
            label, method, url, signed, expected = rng.choice(plan["bad"])
        else:
            label = rng.choice(GOOD)
            url = plan[label] if isinstance(plan[label], str) else rng.choice(plan[label])
            method, signed, expected = "GET", True, {200}
        headers = {"Cookie": plan["cookie"]} if signed else {}
        body = "x=1" if method == "POST" else None
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            connection.request(method, url, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            status = 0
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        record(label, status, status in expected, (time.perf_counter() - started) * 1000)
        time.sleep(rng.uniform(args.think * 0.5, args.think * 1.5))
    connection.close()


def run(plans: list[dict], port: int, args) -> dict:
    latencies: dict[str, list[float]] = defaultdict(list)
    statuses: dict[str, Counter] = defaultdict(Counter)
    wrong: Counter = Counter()
    lock = threading.Lock()

    def record(label: str, status: int, right: bool, millis: float) -> None:
        with lock:
            latencies[label].append(millis)
            statuses[label][status] += 1
            if not right:
                wrong[label] += 1

    stop_at = time.monotonic() + args.seconds
    threads = [
        threading.Thread(target=user_loop, args=(plan, port, stop_at, args, record))
        for plan in plans
    ]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "elapsed": time.monotonic() - began,
        "latencies": latencies,
        "statuses": statuses,
        "wrong": wrong,
    }


def report(result: dict, args) -> tuple[str, bool]:
    lines = [
        "| request | count | statuses | median ms | p95 ms | max ms | wrong status |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    met = True
    total = 0
    for label, values in sorted(result["latencies"].items(), key=lambda item: item[0] not in GOOD):
        total += len(values)
        p95 = percentile(values, 0.95)
        statuses = ", ".join(
            f"{code}×{count}" for code, count in sorted(result["statuses"][label].items())
        )
        lines.append(
            f"| {label} | {len(values)} | {statuses} | {statistics.median(values):.0f} | "
            f"{p95:.0f} | {max(values):.0f} | {result['wrong'][label]} |"
        )
        if (label in GOOD and p95 >= 200) or result["wrong"][label]:
            met = False
        if any(code >= 500 or code == 0 for code in result["statuses"][label]):
            met = False
    lines += [
        "",
        f"{args.users} users, think time {args.think} s ±50%, {args.bad:.0%} bad requests, "
        f"{args.seconds} s, {total / result['elapsed']:.1f} requests/s, gunicorn "
        f"{args.workers} workers × {args.threads} threads, database dangbo_bench_{args.size}; "
        f"load average after: {load_average()} (2 CPUs shared with other work). "
        f"Goals {'met' if met else 'NOT met'}.",
    ]
    return "\n".join(lines), met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="big")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--think", type=float, default=2.0)
    parser.add_argument("--bad", type=float, default=0.15)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    ensure_province(args.size)
    database = database_url(args.size)
    setup_django(database)
    plans = prepare(args.users)
    from django.db import connection

    connection.close()
    server, port = start_gunicorn(production_env(database), args.workers, args.threads)
    try:
        for plan in plans[:4]:  # warm every worker's templates and connections
            for url in (plan["cell"], plan["meeting"][0], plan["attendance"][0], plan["home"]):
                warm = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                warm.request("GET", url, headers={"Cookie": plan["cookie"]})
                warm.getresponse().read()
                warm.close()
        result = run(plans, port, args)
    finally:
        stop(server)
    table, met = report(result, args)
    print(table)
    if not met:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
