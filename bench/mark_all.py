"""Time "mark everyone present" on a committee-wide meeting of the demo committee.

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/mark_all.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dangbo_demo .venv/bin/python bench/mark_all.py

The database holds the demo (`manage.py migrate` then `manage.py load_demo`). Inside one
transaction that is rolled back at the end (the database is left as it was), the script adds a
study session of the demo's committee dated today, nobody marked, signs in its committee
office and posts the page's "mark everyone present" button (`meetings:attendance_everyone`),
`--repeat` times, each on a new meeting. Prints the members marked, the queries and the
request's wall time (the production settings: DEBUG off).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import setup_django  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--committee", default="", help="the committee's code (else the first)")
    args = parser.parse_args()
    setup_django(os.environ["DATABASE_URL"])
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from accounts.tests.factories import RoleAssignmentFactory, UserFactory
    from core.roles import Role
    from meetings.models import Meeting
    from meetings.tests.factories import MeetingFactory
    from organisation.models import Unit

    committees = Unit.objects.filter(kind=Unit.Kind.COMMITTEE).order_by("path")
    committee = committees.get(code=args.committee) if args.committee else committees.first()
    timings: list[float] = []
    with transaction.atomic():
        office = UserFactory(username="bench-mark-all")
        RoleAssignmentFactory(user=office, role=Role.OFFICE, unit=committee)
        client = Client()
        client.force_login(office, backend="django.contrib.auth.backends.ModelBackend")
        for index in range(args.repeat):
            meeting = MeetingFactory(
                code=f"BENCH-MARK-ALL-{index}",
                unit=committee,
                kind=Meeting.Kind.STUDY,
                date=timezone.localdate(),
                held=False,
            )
            url = reverse("meetings:attendance_everyone", args=[meeting.pk])
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.post(url)
                took = (time.perf_counter() - started) * 1000
            assert response.status_code == 302, response.status_code
            marked = meeting.attendance.count()
            timings.append(took)
            print(
                f"{committee.code}: {marked} members marked present in {took:.0f} ms, "
                f"{len(queries.captured_queries)} queries"
            )
        transaction.set_rollback(True)
    vendor = connection.vendor
    print(f"{vendor}: median {statistics.median(timings):.0f} ms over {len(timings)} requests")


if __name__ == "__main__":
    main()
