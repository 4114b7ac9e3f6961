"""EXPLAIN ANALYZE of the queries behind the pages fixed for issue 18, on a province database.

    .venv/bin/python bench/explain_pages.py --size big > docs/explain/pages-500k.txt

As the crawl's users (`page_crawl.province_tree`: the first grassroots committee's office and
its first cell's secretary) and as the province's own office: the coverage grid's page of cells
and its two counts, the inspections' scope (list, years, overdue remediation), a pledge list
page. Everything is rolled back.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import database_url, setup_django  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="big")
    parser.add_argument("--year", type=int, default=2025)
    args = parser.parse_args()
    setup_django(database_url(args.size))
    from django.db import transaction
    from django.utils import timezone
    from page_crawl import province_tree

    from accounts.tests.factories import RoleAssignmentFactory, UserFactory
    from core.roles import Role
    from inspections import policies as inspection_policies
    from inspections import selectors as inspection_selectors
    from meetings import oversight
    from meetings import selectors as meeting_selectors
    from meetings.models import Attendance, Meeting
    from organisation.models import Unit
    from pledges import policies as pledge_policies

    def show(title: str, queryset) -> None:
        started = time.perf_counter()
        plan = queryset.explain(analyze=True, buffers=True)
        took = (time.perf_counter() - started) * 1000
        print(f"## {title} ({took:.0f} ms with EXPLAIN)\n\n{plan}\n")

    with transaction.atomic():
        tree, users = province_tree()
        province = Unit.objects.get(code="PV")
        users["province office"] = UserFactory(username="explain-province-office")
        RoleAssignmentFactory(user=users["province office"], role=Role.OFFICE, unit=province)
        today = timezone.localdate()
        for role in ("office", "province office"):
            user = users[role]
            committee = province if role == "province office" else tree.committee
            cells = oversight.coverage_cells(committee, meeting_selectors.units_for_filter(user))
            show(f"coverage, {role}: the count of cells", cells)
            page = list(cells[: oversight.CELLS_PER_PAGE])
            ids = [cell.pk for cell in page]
            first, last = f"{args.year}-01-01", f"{args.year}-12-31"
            show(
                f"coverage, {role}: meetings of the page's {len(ids)} cells in {args.year}",
                Meeting.objects.filter(unit_id__in=ids, held=True, date__range=(first, last))
                .values("unit_id", "kind")
                .order_by(),
            )
            show(
                f"coverage, {role}: attendance of the page's cells in {args.year}",
                Attendance.objects.filter(
                    meeting__unit_id__in=ids,
                    meeting__held=True,
                    meeting__date__range=(first, last),
                )
                .values("meeting__unit_id")
                .order_by(),
            )
        for role in ("secretary", "office", "province office"):
            user = users[role]
            show(
                f"inspections, {role}: the list's first page",
                inspection_policies.inspections.queryset_for(user).order_by("-year", "code")[:25],
            )
            show(
                f"inspections, {role}: the years",
                inspection_policies.inspections.queryset_for(user)
                .order_by("-year")
                .values_list("year", flat=True)
                .distinct(),
            )
            show(
                f"inspections, {role}: overdue remediation (home)",
                inspection_policies.remediations.queryset_for(user)
                .filter(inspection_selectors.status_q(inspection_selectors.STATUS_LATE, today))
                .order_by("deadline", "pk")[:8],
            )
        show(
            "pledges, secretary: the list's first page",
            pledge_policies.pledges.queryset_for(users["secretary"]).order_by("-year", "pk")[:25],
        )
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
