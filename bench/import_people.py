"""Time the import of a generated workbook of people against a raw read of the same file.

    .venv/bin/python bench/import_people.py [--people 20000] [--cells 200]

The baseline is the fastest reader there is for the file: python-calamine reading every cell
of every sheet, nothing else, timed in the same run (issue 18: the import within 2× of it).

Runs in a fresh SQLite database in a temporary folder (or on DATABASE_URL if it is set, which
must then be an empty database). Goals: 20,000 people under 20 s (issue 2); 100,000 people
within 2× of the raw read and under 300 MB (issue 18).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import secrets
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build_workbook(path: Path, people: int, cells: int) -> None:
    from openpyxl import Workbook

    from organisation import demo_names as names
    from workbook.testing import headers

    rng = random.Random(20_000)
    book = Workbook(write_only=True)
    units = book.create_sheet("Đơn vị")
    units.append(["Mã đơn vị", "Tên đơn vị", "Loại", "Mã cấp trên"])
    units.append(["BENCH", "Đảng bộ thử tải", "Đảng bộ", ""])
    subs = [f"BP{index}" for index in range(1, 5)]
    for code in subs:
        units.append([code, f"Đảng bộ bộ phận {code}", "Đảng bộ bộ phận", "BENCH"])
    cell_codes = [f"CB{index:04d}" for index in range(1, cells + 1)]
    for index, code in enumerate(cell_codes):
        parent = subs[index % len(subs)] if index % 3 else "BENCH"
        units.append([code, f"Chi bộ số {index + 1}", "Chi bộ", parent])
    sheet = book.create_sheet("Nhân sự")
    sheet.append(headers("Nhân sự"))

    def text(day: dt.date | None) -> str:
        return day.strftime("%d/%m/%Y") if day else ""

    for number in range(1, people + 1):
        female = rng.random() < 0.5
        name = " ".join(
            [
                rng.choice(names.FAMILY),
                rng.choice(names.MIDDLE_FEMALE if female else names.MIDDLE_MALE),
                rng.choice(names.GIVEN_FEMALE if female else names.GIVEN_MALE),
            ]
        )
        birth = dt.date(rng.randint(1960, 2000), rng.randint(1, 12), rng.randint(1, 28))
        status = rng.choice(["Chính thức", "Chính thức", "Dự bị", ""])
        joined = official = moved = None
        if status:
            joined = birth + dt.timedelta(days=rng.randint(19 * 365, 24 * 365))
            if status == "Chính thức":
                official = joined + dt.timedelta(days=365)
            if rng.random() < 0.05:
                moved = min(
                    joined + dt.timedelta(days=rng.randint(400, 2000)), dt.date(2025, 6, 30)
                )
        mass = (
            ["Công đoàn"]
            + (["Hội Phụ nữ"] if female else [])
            + (["Đoàn Thanh niên"] if birth.year > 1990 else [])
        )
        sheet.append(
            [
                f"NS{number:06d}",
                name,
                birth if number % 2 else text(birth),  # both Excel dates and dd/mm/yyyy text
                "Nữ" if female else "Nam",
                rng.choice(cell_codes),
                status,
                text(joined),
                text(official),
                text(moved),
                rng.choice(names.POSITIONS),
                ", ".join(mass),
            ]
        )
    book.save(path)


def raw_read(path: Path) -> tuple[float, float, int]:
    """Seconds (wall, CPU) to read every cell of every sheet with python-calamine, and the
    cells read."""
    from python_calamine import CalamineWorkbook

    started, cpu, cells = time.perf_counter(), time.process_time(), 0
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).iter_rows():
            cells += len(row)
    return time.perf_counter() - started, time.process_time() - cpu, cells


def openpyxl_read(path: Path) -> float:
    """Seconds to read every cell with openpyxl's read-only mode (the reader the issue measured)."""
    from openpyxl import load_workbook

    started = time.perf_counter()
    book = load_workbook(path, read_only=True, data_only=True)
    for sheet in book.worksheets:
        for _row in sheet.iter_rows(values_only=True):
            continue
    book.close()
    return time.perf_counter() - started


def plain_write() -> tuple[float, int]:
    """Seconds to write again, as plain rows into empty copies of their tables, every row
    the import wrote (people, their history, periods, events, mass organisation links):
    COPY on PostgreSQL, executemany on SQLite. The database's own share of the import."""
    from django.db import connection

    from organisation.models import MemberEvent, Person, Posting

    tables = [
        model._meta.db_table
        for model in (
            Person,
            Person.history.model,
            Posting,
            MemberEvent,
            Person.mass_organisations.through,
        )
    ]
    count, elapsed = 0, 0.0
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {table}")
            rows = cursor.fetchall()
            count += len(rows)
            copy = f"plain_{table}"
            if connection.vendor == "postgresql":
                cursor.execute(f"CREATE TEMP TABLE {copy} (LIKE {table})")
            else:
                cursor.execute(f"CREATE TEMP TABLE {copy} AS SELECT * FROM {table} WHERE 0")
            begin = time.perf_counter()
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {copy} FROM STDIN") as target:
                    for row in rows:
                        target.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(rows[0]))
                cursor.executemany(f"INSERT INTO {copy} VALUES ({marks})", rows)
            elapsed += time.perf_counter() - begin  # only the writing is timed
            cursor.execute(f"DROP TABLE {copy}")
    return elapsed, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--cells", type=int, default=200)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dangbo-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))  # required with DEBUG off
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import translation

    from workbook.services import workbook_import

    translation.activate("vi")
    call_command("migrate", verbosity=0)
    path = folder / "nhan-su.xlsx"
    started = time.perf_counter()
    build_workbook(path, args.people, args.cells)
    built = time.perf_counter() - started
    size = path.stat().st_size / 1024 / 1024
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The baselines run in a child process, so that their memory is not the import's peak.
    with ProcessPoolExecutor(max_workers=1) as child:
        raw, raw_cpu, cells = min(child.submit(raw_read, path).result() for _ in range(3))
        slow = child.submit(openpyxl_read, path).result()

    started, cpu = time.perf_counter(), time.process_time()
    result = workbook_import(str(path))
    first, first_cpu = time.perf_counter() - started, time.process_time() - cpu
    if not result.applied:
        for error in result.errors[:20]:
            print(error)
        raise SystemExit("the generated workbook did not import")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    started, cpu = time.perf_counter(), time.process_time()
    again = workbook_import(str(path))
    second, second_cpu = time.perf_counter() - started, time.process_time() - cpu
    assert again.applied and not again.plans["Nhân sự"].created
    assert not again.plans["Nhân sự"].updated

    from django.db import connection

    written, written_rows = plain_write()
    print(f"database            {connection.vendor}")
    print(
        f"workbook            {args.people} people, {args.cells} cells, {size:.1f} MB "
        f"(generated in {built:.1f} s)"
    )
    print(f"raw calamine read   {raw:.1f} s (CPU {raw_cpu:.1f} s; {cells:,} cells, best of 3)")
    print(f"raw openpyxl read   {slow:.1f} s (read-only mode)")
    print(
        f"first import        {first:.1f} s (CPU {first_cpu:.1f} s) = "
        f"{first / raw:.1f}× the calamine read, {first / slow:.1f}× the openpyxl read; CPU "
        f"{first_cpu / raw_cpu:.1f}× the calamine read's"
    )
    print(f"re-import (no-op)   {second:.1f} s (CPU {second_cpu:.1f} s)")
    print(
        f"plain write         {written:.1f} s ({written_rows:,} rows the import wrote, "
        f"written again as plain rows: the database's share)"
    )
    print(
        f"import − plain write = {first - written:.1f} s = "
        f"{(first - written) / raw:.1f}× the calamine read"
    )
    print(f"peak memory (RSS)   {peak:.0f} MB (process before the import: {baseline:.0f} MB)")
    print(
        f"load average        {' '.join(f'{value:.1f}' for value in os.getloadavg())} "
        f"on {os.cpu_count()} CPUs (wall time grows when the machine is busy)"
    )
    limit = 20 if args.people <= 20_000 else 2 * raw
    ok = first < limit and peak < 300
    goal = "< 20 s" if args.people <= 20_000 else "within 2× the raw read"
    print(f"goal {goal} and < 300 MB:", "met" if ok else "NOT met")


if __name__ == "__main__":
    main()
