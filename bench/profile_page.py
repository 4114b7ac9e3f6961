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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import database_url, setup_django  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--role", default="secretary")
    parser.add_argument("--size", default="small")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    setup_django(database_url(args.size))
    from django.db import transaction
    from django.test import Client
    from page_crawl import province_tree

    with transaction.atomic():
        _, users = province_tree()
        client = Client()
        client.force_login(users[args.role], backend="django.contrib.auth.backends.ModelBackend")
        client.get(args.url)
        profile = cProfile.Profile()
        started, cpu = time.perf_counter(), time.process_time()
        for _ in range(args.repeat):
            client.get(args.url)
        cpu = (time.process_time() - cpu) / args.repeat * 1000
        started = time.perf_counter()
        profile.enable()
        for _ in range(args.repeat):
            client.get(args.url)
        profile.disable()
        elapsed = (time.perf_counter() - started) / args.repeat * 1000
        transaction.set_rollback(True)
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).sort_stats("cumulative")
    stats.print_stats(args.top)
    sql = sum(
        value[3] for key, value in stats.stats.items() if key[2] == "execute" and "utils" in key[0]
    )
    print(out.getvalue())
    print(
        f"{elapsed:.1f} ms per request under the profiler, of which SQL "
        f"{sql / args.repeat * 1000:.1f} ms; without the profiler {cpu:.1f} ms of this "
        "process's CPU per request"
    )


if __name__ == "__main__":
    main()
