"""Profile one page as one role on a province database: where a request's time goes.

    .venv/bin/python bench/profile_page.py / --role secretary --size small

Runs the page once to warm it, then `--repeat` times under cProfile, and prints the 25
functions with the most cumulative time and the share spent in SQL (the cursor's execute).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import database_url, setup_django  # noqa: E402


def _timed(found: list, execute, sql, params, many, context):  # type: ignore[no-untyped-def]
    """A database execute wrapper: note each query's time (the request resets its own log)."""
    started = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        found.append((time.perf_counter() - started, sql % tuple(params or ()) if params else sql))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--role", default="secretary")
    parser.add_argument("--size", default="small")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="cumulative", help="pstats order: cumulative, tottime")
    parser.add_argument("--sql-chars", type=int, default=300, help="characters of SQL to print")
    parser.add_argument(
        "--queries", action="store_true", help="also list the warm request's queries, slowest first"
    )
    args = parser.parse_args()
    setup_django(database_url(args.size))
    from django.db import connection, transaction
    from django.test import Client
    from page_crawl import province_tree

    with transaction.atomic():
        _, users = province_tree()
        client = Client()
        client.force_login(users[args.role], backend="django.contrib.auth.backends.ModelBackend")
        queries: list[tuple[float, str]] = []
        with connection.execute_wrapper(partial(_timed, queries)):
            client.get(args.url)
        profile = cProfile.Profile()
        started, cpu = time.perf_counter(), time.process_time()
        for _ in range(args.repeat):
            client.get(args.url)
        cpu = (time.process_time() - cpu) / args.repeat * 1000
        wall = (time.perf_counter() - started) / args.repeat * 1000
        started = time.perf_counter()
        profile.enable()
        for _ in range(args.repeat):
            client.get(args.url)
        profile.disable()
        elapsed = (time.perf_counter() - started) / args.repeat * 1000
        transaction.set_rollback(True)
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).sort_stats(args.sort)
    stats.print_stats(args.top)
    sql = sum(
        value[3] for key, value in stats.stats.items() if key[2] == "execute" and "utils" in key[0]
    )
    print(out.getvalue())
    if args.queries:
        for took, sql_text in sorted(queries, reverse=True):
            print(f"{took * 1000:8.1f} ms  {sql_text[: args.sql_chars]}")
    print(
        f"{elapsed:.1f} ms per request under the profiler, of which SQL "
        f"{sql / args.repeat * 1000:.1f} ms; without the profiler {cpu:.1f} ms of this "
        f"process's CPU and {wall:.1f} ms wall time per request, {len(queries)} queries"
    )


if __name__ == "__main__":
    main()
