"""Time the review figures on the synthetic province against hand-written SQL.

    .venv/bin/python bench/province_build.py --members 10000   # once per size
    .venv/bin/python bench/province_figures.py [--runs 3] [--explain docs/explain.txt]

For a cell, a grassroots committee and the whole province: `reports.figures.compute` (the
ORM, the same code as the report) against a hand-written SQL for the heart of the same rows
(the roll and the active members per year, attendance, pledges and ratings of the members
on each year's roll date), timed alternately in the same run. Prints a Markdown table and,
with --explain, writes EXPLAIN ANALYZE of every query the figures run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

from province_build import setup

PERIOD = (dt.date(2021, 1, 1), dt.date(2025, 12, 31))

HAND_SQL = """
WITH years(y, d) AS (SELECT y, make_date(y, 12, 31) FROM generate_series(%(first)s, %(last)s) y),
roll AS (
  SELECT y.y, po.person_id, po.unit_id, po.state = 'active' AS active
  FROM years y
  JOIN organisation_posting po ON (po.start IS NULL OR po.start <= y.d)
    AND (po."end" IS NULL OR po."end" > y.d)
  JOIN organisation_unit u ON u.id = po.unit_id AND u.path LIKE %(prefix)s
  JOIN organisation_person p ON p.id = po.person_id AND p.party_joined_on <= y.d
)
SELECT 'roll', y, count(*), count(*) FILTER (WHERE active) FROM roll GROUP BY y
UNION ALL
SELECT 'pledged', r.y, count(*), 0 FROM roll r
  JOIN pledges_pledge pl ON pl.person_id = r.person_id AND pl.year = r.y
  WHERE r.active AND pl.registered_on BETWEEN %(start)s AND %(end)s GROUP BY r.y
UNION ALL
SELECT 'rated-' || ra.level, r.y, count(*), 0 FROM roll r
  JOIN ratings_rating ra ON ra.person_id = r.person_id AND ra.year = r.y
  WHERE r.active AND ra.level <> '' GROUP BY r.y, ra.level
UNION ALL
SELECT 'attendance', extract(year FROM m.date)::int, count(*),
  count(*) FILTER (WHERE a.status = 'present')
  FROM meetings_attendance a JOIN meetings_meeting m ON m.id = a.meeting_id
  JOIN organisation_unit u ON u.id = m.unit_id AND u.path LIKE %(prefix)s
  WHERE m.held AND m.date BETWEEN %(start)s AND %(end)s GROUP BY 2
"""


def hand(unit) -> float:
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            HAND_SQL,
            {
                "first": PERIOD[0].year,
                "last": PERIOD[1].year,
                "prefix": unit.path + "%",
                "start": PERIOD[0],
                "end": PERIOD[1],
            },
        )
        cursor.fetchall()
    return time.perf_counter() - started


def orm(unit) -> tuple[float, int]:
    """The report's own queries for the same rows as HAND_SQL (roll, pledges, ratings,
    attendance), through the same code paths as `reports.figures.compute`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports.figures.queries import FigureQueries
    from reports.scope import Period, Scope

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        scope = Scope(unit, Period(*PERIOD), today=dt.date(2026, 1, 1))
        figures = FigureQueries(scope)
        figures.roll_counts()
        figures.yearly_rows("pledges")
        figures.yearly_rows("ratings", "level")
        figures.attendance_rows()
    return time.perf_counter() - started, len(queries)


def whole(unit) -> float:
    """Every figure of the report, for the record."""
    from reports.figures import compute

    started = time.perf_counter()
    compute(unit, *PERIOD)
    return time.perf_counter() - started


def explain(unit, path: str) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports.figures import compute

    with CaptureQueriesContext(connection) as queries:
        compute(unit, *PERIOD)
    with open(path, "w") as out, connection.cursor() as cursor:
        for query in queries.captured_queries:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + query["sql"])
            out.write(query["sql"][:400] + "\n")
            out.write("\n".join(row[0] for row in cursor.fetchall()) + "\n\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/dangbo_province")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--explain", help="write EXPLAIN ANALYZE of the province's queries")
    args = parser.parse_args()
    setup(args.database)
    from organisation.models import Person, Unit

    province = Unit.objects.get(code="PV")
    committee = Unit.objects.filter(parent=province).order_by("code").first()
    cell = Unit.objects.filter(parent=committee).order_by("code").first()
    print(f"{Person.objects.count():,} people")
    print("| unit | same rows (ORM) | queries | hand SQL | ratio | all figures |")
    print("|---|---|---|---|---|---|")
    for label, unit in (("cell", cell), ("committee", committee), ("province", province)):
        orm_times, hand_times = [], []
        count = 0
        for _ in range(args.runs):  # alternate, so both see the same machine
            elapsed, count = orm(unit)
            orm_times.append(elapsed)
            hand_times.append(hand(unit))
        a, b = statistics.median(orm_times), statistics.median(hand_times)
        print(f"| {label} | {a:.3f} s | {count} | {b:.3f} s | {a / b:.2f}× | {whole(unit):.3f} s |")
    if args.explain:
        explain(province, args.explain)


if __name__ == "__main__":
    main()
