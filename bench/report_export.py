"""Benchmark of the review report's exports and stored figures at 100 and 1,000 cells.

    .venv/bin/python bench/report_export.py \
        --database postgres://postgres@127.0.0.1:5432/dangbo_report_export [--cells 100 1000]

For each size it builds a synthetic province on PostgreSQL (bench/province_build.py: 25
members per cell, 2021–2025), then, each in a fresh process so that the peak memory is the
export's own: the figures computed live, the figures with every closed year read from its
snapshot (after one run that stored them), and the Word and PDF exports of the province's
report (the same code as the page's buttons). Prints a Markdown table for
docs/performance.md: wall and CPU seconds, peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

START, END = "2021-01-01", "2025-12-31"
TODAY = "2026-06-30"  # every year of the period is closed


def build(database: str, cells: int) -> None:
    from province_build import build as build_province
    from province_build import setup

    setup(database)
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    build_province(cells * 25)


def measure(database: str, what: str) -> dict[str, float]:
    """One measurement, in this (fresh) process."""
    import datetime as dt

    from province_build import setup

    setup(database)
    from organisation.models import Unit
    from reports import snapshots
    from reports.figures import compute
    from reports.models import Review

    committee = Unit.objects.get(code="PV")
    start, end = dt.date.fromisoformat(START), dt.date.fromisoformat(END)
    today = dt.date.fromisoformat(TODAY)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    wall, cpu = time.perf_counter(), time.process_time()
    size = 0
    if what == "live":
        compute(committee, start, end, today=today)
    elif what == "stored":
        snapshots.figures_for(committee, start, end, today=today)
    else:
        from exporters import registry

        review = Review(
            committee=committee, period_from=start, period_to=end, number_symbol="-BC/ĐU"
        )
        _name, _type, data = registry.get(f"review_{what}").render({"review": review})
        size = len(data)
    return {
        "wall": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "before_mb": base,
        "bytes": size,
    }


def child(database: str, what: str) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--database", database, "--measure", what],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database", default="postgres://postgres@127.0.0.1:5432/dangbo_report_export"
    )
    parser.add_argument("--cells", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--reuse", action="store_true", help="keep the database as it is")
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.database, args.measure)))
        return
    print("| cells | what | wall s | CPU s | peak MB | file |")
    print("|---:|---|---:|---:|---:|---:|")
    for cells in args.cells:
        if not args.reuse:
            build(args.database, cells)
        child(args.database, "stored")  # stores the closed years' snapshots
        for what in ("live", "stored", "docx", "pdf"):
            result = child(args.database, what)
            size = f"{result['bytes'] / 1024:.0f} kB" if result["bytes"] else ""
            print(
                f"| {cells:,} | {what} | {result['wall']:.2f} | {result['cpu']:.2f} "
                f"| {result['peak_mb']:.0f} | {size} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
