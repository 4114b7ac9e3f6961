"""Crawl every page as every role on a 10k and a bigger province; compare the medians (issue 18).

    .venv/bin/python bench/page_crawl.py                  # build if missing, crawl both, compare
    .venv/bin/python bench/page_crawl.py --sizes small    # one size only
    .venv/bin/python bench/page_crawl.py --only meetings: # URL names starting so (their lines
                                                          # replace those of the last crawl)

The pages are those of the permission matrix (`<app>/tests/permissions.py`), with their own
setup and URL arguments, on a tree taken from the province: the first grassroots committee
(13 cells, ~325 members, five years of meetings, attendance, pledges, ratings), its first two
cells, and one user per role as in the tests. Each page is asked by every role that may open
it (status 200) with Django's test client in one process on the production settings: one
request to warm it (and count its queries), then `--repeat` timed requests. Everything the
crawl creates is rolled back. A page "grows with the database" when its median at the big
size is more than 2× that at the small one and more than 10 ms longer (the noise of a shared
machine).
"""

from __future__ import annotations

import argparse
import importlib
import json
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, SIZES, database_url, ensure_province, load_average, setup_django  # noqa: E402

ROLES = ("office", "secretary", "other_secretary", "inspection", "member", "editor")
OUT = Path("/tmp/dangbo-page-crawl")


def province_tree():
    """The shared tests' Tree, made of the province's first grassroots committee."""
    from accounts.tests.factories import RoleAssignmentFactory, UserFactory
    from conftest import Tree
    from core.roles import Role
    from organisation.models import Person, Unit
    from organisation.tests.factories import UnitFactory

    committee = Unit.objects.get(code="PV-00001")
    cell_a, cell_b = Unit.objects.filter(parent=committee, kind="cell").order_by("pk")[:2]
    sub = UnitFactory(
        code="PV-BP1", name="Đảng bộ bộ phận thử", kind="sub_committee", parent=committee
    )

    def people(cell, members: bool, count: int) -> list:
        found = Person.objects.filter(unit=cell).exclude(party_status="" if members else "full")
        return list(found.filter(moved_out_on__isnull=True).order_by("pk")[:count])

    tree = Tree(
        committee,
        sub,
        cell_a,
        cell_b,
        people(cell_a, True, 3),
        people(cell_b, True, 3),
        people(cell_a, False, 1),
    )

    def user_with(role: str, unit, person=None, name: str = ""):
        user = UserFactory(username=f"crawl-{name or role}", person=person)
        RoleAssignmentFactory(user=user, role=role, unit=unit)
        return user

    users = {
        "anonymous": None,
        "office": user_with(Role.OFFICE, committee),
        "secretary": user_with(Role.SECRETARY, cell_a, tree.members_a[0]),
        "other_secretary": user_with(Role.SECRETARY, cell_b, tree.members_b[0], "other_secretary"),
        "inspection": user_with(Role.INSPECTION, committee),
        "member": user_with(Role.MEMBER, cell_a, tree.members_a[1]),
        "editor": user_with(Role.EDITOR, committee),
    }
    return tree, users


def matrix() -> dict:
    from django.conf import settings

    cases: dict = {}
    for app in settings.DOMAIN_APPS:
        try:
            cases.update(importlib.import_module(f"{app}.tests.permissions").MATRIX)
        except ModuleNotFoundError:
            continue
    return cases


def crawl(size: str, repeat: int, only: str) -> dict:
    """Time every (page, role) on one database; returns {"page role": {...}}."""
    setup_django(database_url(size))
    warnings.filterwarnings("ignore", "No directory at")  # no collectstatic: no static file asked
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()  # the test client's templates list, like the matrix test
    results: dict = {}
    with transaction.atomic():
        tree, users = province_tree()
        clients = {}
        for role in ROLES:
            clients[role] = Client()
            clients[role].force_login(
                users[role], backend="django.contrib.auth.backends.ModelBackend"
            )
        for name, case in sorted(matrix().items()):
            if case.method != "get" or not name.startswith(only):
                continue
            point = transaction.savepoint()
            try:
                if case.setup:
                    case.setup(tree, users)
                kwargs = case.kwargs(tree, users) if case.kwargs else {}
                url = reverse(name, kwargs=kwargs)
                data = case.data(tree, users) if case.data else {}
                for role in ROLES:
                    if case.statuses[role] != 200:
                        continue
                    results[f"{name} {role}"] = measure(
                        clients[role], url, data, repeat, connection
                    )
            except Exception as error:  # a page that fails is reported, the crawl goes on
                results[f"{name} *"] = {"error": repr(error)[:200]}
            transaction.savepoint_rollback(point)
        transaction.set_rollback(True)
    return results


def measure(client, url: str, data: dict, repeat: int, connection) -> dict:
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url, data)
        if response.streaming:
            b"".join(response.streaming_content)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        again = client.get(url, data)
        if again.streaming:
            b"".join(again.streaming_content)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "url": url,
        "status": response.status_code,
        "queries": len(queries),
        "median": statistics.median(times),
        "max": max(times),
    }


def compare(small: dict, big: dict) -> tuple[list[str], list[str]]:
    """The Markdown summary and the pages that grew with the database."""
    shared = [
        key for key in small if key in big and "median" in small[key] and "median" in big[key]
    ]
    grown = []
    rows = []
    for key in shared:
        a, b = small[key], big[key]
        ratio = b["median"] / a["median"] if a["median"] else 1.0
        if ratio > 2 and b["median"] - a["median"] > 10:
            grown.append(key)
        rows.append((ratio, key, a, b))
    rows.sort(reverse=True)
    medians_a = [small[key]["median"] for key in shared]
    medians_b = [big[key]["median"] for key in shared]
    lines = [
        f"{len(shared)} (page, role) pairs; median of the page medians "
        f"{statistics.median(medians_a):.1f} ms small, {statistics.median(medians_b):.1f} ms big; "
        f"p95 {sorted(medians_a)[int(len(medians_a) * 0.95)]:.1f} / "
        f"{sorted(medians_b)[int(len(medians_b) * 0.95)]:.1f} ms; "
        f"{len(grown)} grew more than 2× (and 10 ms).",
        "",
        "| page, role | small ms | queries | big ms | queries | ratio |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for ratio, key, a, b in rows[:15]:
        lines.append(
            f"| {key} | {a['median']:.1f} | {a['queries']} | {b['median']:.1f} "
            f"| {b['queries']} | {ratio:.2f} |"
        )
    errors = [key for result in (small, big) for key, value in result.items() if "error" in value]
    if errors:
        lines += ["", "Errors: " + ", ".join(sorted(set(errors)))]
    return lines, grown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=list(SIZES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="", help="URL names that start with this")
    parser.add_argument("--compare", action="store_true", help="compare the last crawls only")
    parser.add_argument("--size", help=argparse.SUPPRESS)  # the child process's one size
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    if args.size:
        result = crawl(args.size, args.repeat, args.only)
        path = OUT / f"{args.size}.json"
        if args.only and path.exists():
            # A re-check of some pages replaces their lines in the last full crawl.
            result = {**json.loads(path.read_text()), **result}
        path.write_text(json.dumps(result, indent=1))
        return
    for size in [] if args.compare else args.sizes:
        ensure_province(size)
        started = time.monotonic()
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--size",
                size,
                "--repeat",
                str(args.repeat),
                "--only",
                args.only,
            ],
            check=True,
            cwd=ROOT,
        )
        print(
            f"{size}: crawled in {time.monotonic() - started:.0f} s, load average {load_average()}"
        )
    if len(args.sizes) == 2 or args.compare:
        small, big = (json.loads((OUT / f"{size}.json").read_text()) for size in SIZES)
        lines, grown = compare(small, big)
        print("\n".join(lines))
        if grown:
            raise SystemExit(f"pages slower by more than 2× at the bigger size: {grown}")


if __name__ == "__main__":
    main()
