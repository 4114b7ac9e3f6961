"""Benchmark of the review report: figures, HTML, DOCX and PDF, for the demo committee and for
a committee ten times its size (generated here).

    .venv/bin/python bench/report.py [--database sqlite:////tmp/bench.sqlite3] [--runs 3]

Runs on a fresh database of its own (SQLite in a temporary file unless --database says
otherwise): migrates, loads the demo, generates the big committee, then times each step
(median of --runs) and prints a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOALS = {"figures": 0.5, "pdf": 5.0}


def setup(database: str, reuse: bool) -> bool:
    """Migrate and load the demo; with --reuse, keep a database an earlier run prepared."""
    os.environ["DATABASE_URL"] = database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command

    if reuse:
        from organisation.models import Unit

        with contextlib.suppress(Exception):  # an empty database: prepared below
            if Unit.objects.filter(code="BENCH10").exists():
                return True

    call_command("migrate", verbosity=0)
    call_command("load_demo", "--reset", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return False


def generate_big(scale: int = 10) -> str:
    """A committee with `scale` times the demo's cells, members and records, 2016–2020."""
    from activities.models import Activity, ActivityKind
    from documents.models import StudyTopic
    from meetings.models import Attendance, Meeting
    from organisation.models import MassOrganisation, Person, Posting, Unit
    from pledges.models import Pledge
    from ratings.models import Rating

    rng = random.Random("bench-report")
    committee = Unit.objects.create(
        code="BENCH10", name="Đảng bộ thử tải", kind=Unit.Kind.COMMITTEE, place="Hà Nội"
    )
    cells = [
        Unit.objects.create(
            code=f"B10-{i:04d}", name=f"Chi bộ thử tải {i}", kind="cell", parent=committee
        )
        for i in range(32 * scale)
    ]
    people = []
    for cell in cells:
        for index in range(25):
            member = index < 20
            person = Person(
                code=f"B10-{cell.pk}-{index}",
                full_name=f"Nguyễn Văn {cell.pk} {index}",
                unit=cell,
                party_status="full" if member else "",
                party_joined_on=dt.date(2005, 1, 1) if member else None,
                moved_out_on=dt.date(2018, 5, 1) if member and rng.random() < 0.03 else None,
            )
            person.fill_keys()
            people.append(person)
    Person.objects.bulk_create(people, batch_size=2000)
    people = list(Person.objects.filter(unit__parent=committee).order_by("pk"))
    Posting.objects.bulk_create(
        [Posting(person=p, unit_id=p.unit_id, end=p.moved_out_on) for p in people], batch_size=2000
    )
    by_cell: dict[int, list] = {}
    for person in people:
        by_cell.setdefault(person.unit_id, []).append(person)
    topic = StudyTopic.objects.order_by("pk").first()
    kind = ActivityKind.objects.order_by("pk").first() or ActivityKind.objects.create(name="Khác")
    organisation = MassOrganisation.objects.order_by("pk").first()
    meetings, pledges, ratings, activities = [], [], [], []
    for year in range(2016, 2021):
        last_month = 6 if year == 2020 else 12
        first_month = 6 if year == 2016 else 1
        for cell in cells:
            for month in range(first_month, last_month + 1):
                meetings.append(
                    Meeting(
                        code=f"B10-{cell.pk}-{year}-{month}-R",
                        kind="regular",
                        unit=cell,
                        date=dt.date(year, month, 5),
                    )
                )
                if month % 3 == 0:
                    meetings.append(
                        Meeting(
                            code=f"B10-{cell.pk}-{year}-{month}-T",
                            kind="thematic",
                            unit=cell,
                            date=dt.date(year, month, 20),
                        )
                    )
            members = by_cell[cell.pk]
            for person in members:
                pledges.append(
                    Pledge(
                        person=person,
                        year=year,
                        registered_on=dt.date(year, max(first_month, 2), 10),
                    )
                )
                if person.party_joined_on and year < 2020:
                    level = rng.choices(["excellent", "good", "complete"], [17, 82, 1])[0]
                    ratings.append(Rating(person=person, year=year, level=level))
            for index in range(3):
                activities.append(
                    Activity(
                        code=f"B10-{cell.pk}-{year}-{index}",
                        organisation=organisation,
                        unit=cell,
                        kind=kind,
                        date=dt.date(year, max(first_month, 3), 15 + index),
                        title="Hoạt động thử tải",
                        participants=20,
                        quantity=20,
                        measure_unit="người",
                    )
                )
    Meeting.objects.bulk_create(meetings, batch_size=5000)
    Pledge.objects.bulk_create(pledges, batch_size=5000)
    Rating.objects.bulk_create(ratings, batch_size=5000)
    Activity.objects.bulk_create(activities, batch_size=5000)
    thematic = list(Meeting.objects.filter(unit__parent=committee, kind="thematic"))
    Meeting.topics.through.objects.bulk_create(
        [Meeting.topics.through(meeting_id=m.pk, studytopic_id=topic.pk) for m in thematic],
        batch_size=5000,
    )
    attendance = [
        Attendance(
            meeting=meeting, person=person, status="present" if rng.random() < 0.96 else "excused"
        )
        for meeting in thematic
        for person in by_cell[meeting.unit_id][:20]
    ]
    Attendance.objects.bulk_create(attendance, batch_size=5000)
    return committee.code


def timed(function, runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds of this process (SQLite runs in-process, so
    CPU time is what an idle machine would take; wall time includes waiting for a core)."""
    walls, cpus = [], []
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def measure(code: str, runs: int) -> dict[str, float]:
    from django.db import connection, reset_queries

    from exporters import registry
    from reports.figures import compute
    from reports.services import review_preview

    review = review_preview(
        committee_code=code, period_from=dt.date(2016, 5, 15), period_to=dt.date(2020, 6, 30)
    )
    connection.force_debug_cursor = True
    reset_queries()
    compute(review.committee, review.period_from, review.period_to)
    queries = len(connection.queries)
    connection.force_debug_cursor = False
    results = {
        "queries": queries,
        "figures": timed(
            lambda: compute(review.committee, review.period_from, review.period_to), runs
        ),
    }
    for fmt in ("html", "docx", "pdf"):
        exporter = registry.get(f"review_{fmt}")
        results[fmt] = timed(lambda exporter=exporter: exporter.render({"review": review}), runs)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default="")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="keep a prepared --database")
    args = parser.parse_args()
    database = args.database or "sqlite:///" + str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    started = time.perf_counter()
    if setup(database, args.reuse):
        big = "BENCH10"
    else:
        print(f"demo loaded in {time.perf_counter() - started:.1f}s", file=sys.stderr)
        started = time.perf_counter()
        big = generate_big()
        print(f"10x generated in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    from organisation.models import Person

    rows = []
    for label, code in (("demo SVHTT (32 cells)", "SVHTT"), ("10x (320 cells)", big)):
        people = Person.objects.filter(unit__path__startswith=_path(code)).count()
        result = measure(code, args.runs)
        rows.append((label, people, result))
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; {os.cpu_count()} CPUs")
    print("seconds, median of runs: wall-clock / CPU of this process\n")
    print("| committee | people | queries | figures | HTML | DOCX | PDF |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, people, r in rows:
        cells = " | ".join(
            f"{r[key][0]:.2f} / {r[key][1]:.2f}" for key in ("figures", "html", "docx", "pdf")
        )
        print(f"| {label} | {people} | {r['queries']} | {cells} |")
    demo = rows[0][2]
    for key, goal in GOALS.items():
        wall, cpu = demo[key]
        verdict = "met" if min(wall, cpu) < goal else "NOT met"
        print(
            f"\ngoal {key} < {goal} s for the demo: {verdict} (wall {wall:.2f} s, CPU {cpu:.2f} s)"
        )


def _path(code: str) -> str:
    from organisation.models import Unit

    return Unit.objects.get(code=code).path


if __name__ == "__main__":
    main()
