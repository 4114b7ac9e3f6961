"""Build a synthetic province into PostgreSQL, in bulk, through the real tables.

    .venv/bin/python bench/province_build.py --members 500000 \
        --database postgres://postgres@127.0.0.1/dangbo_province

Deterministic: every row comes from `generate_series` arithmetic, no randomness. The shape
follows a province (issue 18): one provincial committee, ~1 grassroots committee per 13
cells, 25 members and 7–8 staff per cell, five years (2021–2025) of monthly regular and
quarterly thematic meetings with every member's attendance, pledges, personal plans,
ratings, activities, inspections with remediations, and history events (moves out,
exemptions, deaths). Rows are written with INSERT … SELECT inside the server; every NOT NULL
column the statement does not name takes the model field's default, so the builder follows
the models as they change. ANALYZE runs at the end.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

YEARS = (2021, 2022, 2023, 2024, 2025)
MEMBERS_PER_CELL = 25
STAFF_PER_CELL = 7
CELLS_PER_COMMITTEE = 13


def setup(database: str) -> None:
    os.environ["DATABASE_URL"] = database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()


def insert_select(model, columns: dict[str, str], source: str, params: tuple = ()) -> int:
    """INSERT INTO model's table the rows of `SELECT <columns> FROM <source>`; the NOT NULL
    columns not named take the Django field's default. Returns the number of rows."""
    from django.db import connection
    from django.db.models import NOT_PROVIDED

    names, exprs, values = [], [], []
    for field in model._meta.concrete_fields:
        column = field.column
        if column in columns:
            names.append(column)
            exprs.append(columns[column])
        elif not field.null and not field.primary_key:
            default = field.get_default() if field.default is not NOT_PROVIDED else ""
            if default is None:
                default = ""
            names.append(column)
            exprs.append("%s")
            values.append(default)
    table = model._meta.db_table
    sql = (
        f"INSERT INTO {table} ({', '.join(f'{chr(34)}{n}{chr(34)}' for n in names)}) "
        f"SELECT {', '.join(exprs)} FROM {source}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, *params])
        return cursor.rowcount


def run(sql: str, params: tuple = ()) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def attendance_rows(attendance_model) -> int:
    """Every member's attendance at his cell's meetings, a year per statement.

    The rows are derived from meetings and periods already written, so the foreign-key
    triggers are switched off for them (`session_replication_role = replica`, superuser):
    with them on, PostgreSQL queues two deferred checks a row and a 500k build spent most of
    its hour there (docs/performance.md)."""
    total = 0
    run("SET session_replication_role = replica")
    try:
        for year in YEARS:
            total += insert_select(
                attendance_model,
                {
                    "meeting_id": "mt.id",
                    "person_id": "po.person_id",
                    "status": "CASE WHEN (po.person_id + mt.id) %% 29 = 0 THEN 'excused' "
                    "WHEN (po.person_id + mt.id) %% 97 = 0 THEN 'absent' ELSE 'present' END",
                },
                "meetings_meeting mt JOIN organisation_posting po ON po.unit_id = mt.unit_id "
                "AND po.state = 'active' AND (po.end IS NULL OR po.end > mt.date) "
                "JOIN organisation_person p ON p.id = po.person_id "
                "AND p.party_joined_on <= mt.date "
                "WHERE mt.code LIKE 'PV-M%%' AND mt.date >= make_date(%s, 1, 1) "
                "AND mt.date < make_date(%s, 1, 1)",
                (year, year + 1),
            )
    finally:
        run("SET session_replication_role = DEFAULT")
    return total


def build(members: int) -> dict[str, object]:
    from activities.models import Activity, ActivityKind
    from core.maintenance import analyze
    from inspections.models import Inspection, Remediation
    from meetings.models import Attendance, Meeting
    from organisation.models import MassOrganisation, MemberEvent, Person, Posting, Unit
    from pledges.models import PersonalPlan, Pledge
    from ratings.models import Rating

    cells = max(1, members // MEMBERS_PER_CELL)
    committees = max(1, cells // CELLS_PER_COMMITTEE)
    staff = cells * STAFF_PER_CELL
    counts: dict[str, object] = {"cells": cells, "committees": committees}
    step = time.monotonic()

    def done(name: str, rows: int) -> None:
        nonlocal step
        counts[name] = rows
        print(f"  {name}: {rows:,} rows, {time.monotonic() - step:.1f} s", flush=True)
        step = time.monotonic()

    # -- units: the province, its grassroots committees, their cells ----------------------
    root = Unit.objects.create(code="PV", name="Đảng bộ tỉnh thử tải", kind="committee")
    insert_select(
        Unit,
        {
            "code": "'PV-' || lpad(g::text, 5, '0')",
            "name": "'Đảng ủy thử tải ' || g",
            "kind": "'committee'",
            "parent_id": str(root.pk),
            "path": "''",
            "search_key": "'pv ' || g",
        },
        "generate_series(1, %s) g",
        (committees,),
    )
    run(
        "UPDATE organisation_unit SET path = %s || id || '.', depth = 1 WHERE parent_id = %s",
        (root.path, root.pk),
    )
    insert_select(
        Unit,
        {
            "code": "'PV-C' || lpad(g::text, 6, '0')",
            "name": "'Chi bộ thử tải ' || g",
            "kind": "'cell'",
            "parent_id": "c.id",
            "path": "''",
            "search_key": "'chi bo ' || g",
        },
        "generate_series(1, %s) g JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n "
        "FROM organisation_unit WHERE parent_id = %s) c ON c.n = 1 + (g - 1) %% %s",
        (cells, root.pk, committees),
    )
    run(
        "UPDATE organisation_unit u SET path = p.path || u.id || '.', depth = 2 "
        "FROM organisation_unit p WHERE u.parent_id = p.id AND p.parent_id = %s",
        (root.pk,),
    )
    run(
        "CREATE TEMP TABLE bench_cell AS SELECT id, row_number() OVER (ORDER BY id) AS n "
        "FROM organisation_unit WHERE kind = 'cell' AND code LIKE 'PV-C%%'"
    )
    done("units", committees + cells + 1)

    # -- people: members first, then staff; 2% admitted during the years ----------------
    people = members + staff
    insert_select(
        Person,
        {
            "code": "'PV' || lpad(g::text, 8, '0')",
            "full_name": "'Nguyễn Văn ' || g",
            "unit_id": "c.id",
            "party_status": f"CASE WHEN g <= {members} THEN 'full' ELSE '' END",
            "party_joined_on": f"CASE WHEN g > {members} THEN NULL "
            "WHEN g %% 50 = 0 THEN DATE '2021-03-01' + (g %% 1700)::int "
            "ELSE DATE '1990-01-01' + (g %% 9000)::int END",
            "birth_date": "DATE '1960-01-01' + (g %% 12000)::int",
            "sort_key": "'an ' || lpad(g::text, 8, '0')",
            "search_key": "'nguyen van ' || g",
        },
        "generate_series(1, %s) g JOIN bench_cell c ON c.n = 1 + (g - 1) %% %s",
        (people, cells),
    )
    done("people", people)

    # -- history: 1% move out, 0.2% die, 0.5% exempted from 2023 ----------------------------
    first = Person.objects.filter(code="PV00000001").values_list("pk", flat=True)[0]
    events = insert_select(
        MemberEvent,
        {
            "person_id": "p.id",
            "kind": "CASE WHEN p.id %% 500 = 0 THEN 'deceased' WHEN p.id %% 100 = 0 "
            "THEN 'move_out' ELSE 'exempt' END",
            "date": "DATE '2021-01-15' + ((p.id * 7) %% 1700)::int",
            "from_unit_id": "CASE WHEN p.id %% 100 = 0 THEN p.unit_id END",
        },
        "organisation_person p WHERE p.id >= %s AND p.party_joined_on < DATE '2021-01-01' "
        "AND (p.id %% 100 = 0 OR p.id %% 200 = 7)",
        (first,),
    )
    run(
        "UPDATE organisation_person p SET moved_out_on = e.date, left_kind = e.kind "
        "FROM organisation_memberevent e WHERE e.person_id = p.id AND e.kind <> 'exempt'"
    )
    insert_select(
        Posting,
        {
            "person_id": "p.id",
            "unit_id": "p.unit_id",
            "start": "NULL",
            "end": "COALESCE(p.moved_out_on, e.date)",
            "state": "'active'",
        },
        "organisation_person p LEFT JOIN organisation_memberevent e ON e.person_id = p.id "
        "AND e.kind = 'exempt' WHERE p.id >= %s",
        (first,),
    )
    insert_select(
        Posting,
        {
            "person_id": "e.person_id",
            "unit_id": "p.unit_id",
            "start": "e.date",
            "state": "'exempt'",
        },
        "organisation_memberevent e JOIN organisation_person p ON p.id = e.person_id "
        "WHERE e.kind = 'exempt' AND p.id >= %s",
        (first,),
    )
    done("history events", events)

    # -- meetings: monthly regular, quarterly thematic; attendance of every member -------
    meetings = insert_select(
        Meeting,
        {
            "code": "'PV-M' || c.id || '-' || y || '-' || m || CASE WHEN t THEN 'T' ELSE 'R' END",
            "kind": "CASE WHEN t THEN 'thematic' ELSE 'regular' END",
            "unit_id": "c.id",
            "date": "make_date(y, m, CASE WHEN t THEN 20 ELSE 5 END)",
            "held": "true",
            "search_key": "'sinh hoat'",
        },
        "bench_cell c CROSS JOIN generate_series(%s, %s) y CROSS JOIN generate_series(1, 12) m "
        "CROSS JOIN (VALUES (false), (true)) AS k(t) WHERE NOT t OR m %% 3 = 0",
        (YEARS[0], YEARS[-1]),
    )
    done("meetings", meetings)
    analyze()  # the attendance join below needs the new tables' statistics
    done("attendance", attendance_rows(Attendance))

    # -- pledges and plans of everyone on the books, ratings of members --------------------
    on_books = (
        "organisation_person p CROSS JOIN generate_series(%s, %s) y "
        "WHERE p.id >= %s AND (p.moved_out_on IS NULL OR p.moved_out_on > make_date(y, 3, 1)) "
        "AND (p.party_joined_on IS NULL OR p.party_joined_on <= make_date(y, 3, 1))"
    )
    pledges = insert_select(
        Pledge,
        {"person_id": "p.id", "year": "y", "registered_on": "make_date(y, 3, 1)"},
        on_books,
        (YEARS[0], YEARS[-1], first),
    )
    done("pledges", pledges)
    plans = insert_select(
        PersonalPlan,
        {"person_id": "p.id", "year": "y"},
        on_books + " AND p.id %% 10 <> 3",
        (YEARS[0], YEARS[-1], first),
    )
    done("personal plans", plans)
    ratings = insert_select(
        Rating,
        {
            "person_id": "p.id",
            "year": "y",
            "cell_id": "p.unit_id",
            "committee_id": "c.parent_id",
            "level": "CASE WHEN p.id %% 7 = 0 THEN 'excellent' WHEN p.id %% 101 = 0 "
            "THEN 'complete' ELSE 'good' END",
            "imported": "true",
        },
        "organisation_person p JOIN organisation_unit c ON c.id = p.unit_id "
        "CROSS JOIN generate_series(%s, %s) y WHERE p.id >= %s AND p.party_joined_on "
        "<= make_date(y, 12, 31) AND (p.moved_out_on IS NULL OR p.moved_out_on > "
        "make_date(y, 12, 31))",
        (YEARS[0], YEARS[-2], first),
    )
    done("ratings", ratings)

    # -- activities, inspections and their remediations ------------------------------------
    kind = ActivityKind.objects.order_by("pk").first() or ActivityKind.objects.create(name="Khác")
    union, _ = MassOrganisation.objects.get_or_create(name="Công đoàn")
    activities = insert_select(
        Activity,
        {
            "code": "'PV-A' || c.id || '-' || y || '-' || i",
            "unit_id": "c.id",
            "kind_id": str(kind.pk),
            "organisation_id": str(union.pk),
            "date": "make_date(y, 3 + i * 3, 15)",
            "title": "'Hoạt động thử tải'",
            "participants": "20",
            "quantity": "20",
        },
        "bench_cell c CROSS JOIN generate_series(%s, %s) y CROSS JOIN generate_series(0, 2) i",
        (YEARS[0], YEARS[-1]),
    )
    done("activities", activities)
    inspections = insert_select(
        Inspection,
        {
            "code": "'PV-K' || c.id || '-' || y",
            "form": "'inspection'",
            "year": "y",
            "subject_unit_id": "c.id",
            "content": "'Kiểm tra thực hiện Chỉ thị'",
            "concluded_on": "make_date(y, 11, 20)",
        },
        "bench_cell c CROSS JOIN generate_series(%s, %s) y WHERE c.n %% 10 = y %% 10",
        (YEARS[0], YEARS[-1]),
    )
    remediations = insert_select(
        Remediation,
        {
            "inspection_id": "k.id",
            "content": "'Khắc phục hạn chế'",
            "deadline": "make_date(k.year + 1, 3, 31)",
            "completed_on": "CASE WHEN k.id %% 4 = 0 THEN NULL "
            "ELSE make_date(k.year + 1, 2, 1) END",
        },
        "inspections_inspection k WHERE k.code LIKE 'PV-K%%'",
    )
    done("inspections", inspections)
    counts["remediations"] = remediations
    analyze()
    done("analyze", 0)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/dangbo_province")
    parser.add_argument("--members", type=int, default=500_000)
    args = parser.parse_args()
    setup(args.database)
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        raise SystemExit("The province is built on PostgreSQL.")
    call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    started = time.monotonic()
    counts = build(args.members)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        size = cursor.fetchone()[0]
    print(f"built in {time.monotonic() - started:.0f} s, database {size}: {counts}")


if __name__ == "__main__":
    main()
