"""The "Cam kết" sheet: Mã nhân sự · Năm · Ngày đăng ký · Nội dung (one per person per year)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from core import vn
from organisation.models import Person, Posting
from workbook import columns as col
from workbook import registry as wb
from workbook.codes import BulkImportSheet, known_people, unknown

from . import services
from .models import Pledge


def _membership(codes: set[str]) -> dict[str, tuple[dt.date | None, list[tuple]]]:
    """For people in the database: moved-out date and posting periods (two queries)."""
    people = dict(Person.objects.filter(code__in=codes).values_list("code", "moved_out_on"))
    periods: dict[str, list[tuple]] = defaultdict(list)
    for code, start, end in Posting.objects.filter(person__code__in=codes).values_list(
        "person__code", "start", "end"
    ):
        periods[code].append((start, end))
    return {code: (moved, periods.get(code, [])) for code, moved in people.items()}


def belonged_on(moved_out_on: dt.date | None, periods: list[tuple], on_date: dt.date) -> bool:
    if moved_out_on and moved_out_on <= on_date:
        return False
    return any(
        (start is None or start <= on_date) and (end is None or end > on_date)
        for start, end in periods
    )


@dataclass
class PledgeItem:
    code: str
    year: int
    registered_on: dt.date
    content: str
    new: bool


@wb.register
class PledgeSheet(BulkImportSheet):
    sheet = "Cam kết"
    order = 40
    service = staticmethod(services.pledges_import)
    roles = ("office", "secretary")
    scoped = {"person": "person"}
    description = gettext_lazy(
        "Pledges: one per person per year, with the date registered and the content."
    )
    columns = [
        col.person("Mã nhân sự trong sheet Nhân sự"),
        col.year("Năm của bản cam kết, ví dụ 2019"),
        col.date("Ngày đăng ký", "registered_on", required=True),
        col.text("Nội dung", "content", "Nội dung bản cam kết"),
    ]

    def check(self, rows: list[wb.Row], ctx: wb.ImportContext) -> None:
        sheet = self.sheet
        people = known_people(ctx)
        codes = {row["person"] for row in rows if row["person"]}
        membership = _membership(codes)
        existing = {
            (code, year): (registered_on, content)
            for code, year, registered_on, content in Pledge.objects.filter(
                person__code__in=codes
            ).values_list("person__code", "year", "registered_on", "content")
        }
        today = timezone.localdate()
        seen: dict[tuple[str, int], int] = {}
        plan = ctx.plan(sheet)
        for row in rows:
            invalid = row.values.get("_invalid") or set()
            code, year, registered_on = row["person"], row["year"], row["registered_on"]
            ok = not invalid
            ok &= not unknown(
                ctx,
                sheet,
                row,
                col.PERSON,
                code,
                people,
                _(
                    "no person has the code %(code)s (neither in the sheet Nhân sự nor in "
                    "the database)."
                ),
            )
            if year is not None and not 1930 <= year <= today.year + 1:
                ctx.error(
                    sheet,
                    row.number,
                    "Năm",
                    _("%(year)s is not a plausible year (1930 to next year).") % {"year": year},
                )
                ok = False
                year = None
            if registered_on is not None:
                if registered_on > today:
                    ctx.error(sheet, row.number, "Ngày đăng ký", _("the date is in the future."))
                    ok = False
                elif year is not None and registered_on.year not in (year - 1, year):
                    ctx.error(
                        sheet,
                        row.number,
                        "Ngày đăng ký",
                        _(
                            "a pledge for %(year)s is registered in %(year)s or late in the year "
                            "before."
                        )
                        % {"year": year},
                    )
                    ok = False
                elif code in membership and not belonged_on(*membership[code], registered_on):
                    ctx.error(
                        sheet,
                        row.number,
                        "Ngày đăng ký",
                        _("the person %(code)s did not belong to the committee on %(date)s.")
                        % {"code": code, "date": vn.format_date(registered_on)},
                    )
                    ok = False
            key = (code, year) if code is not None and year is not None else None
            ok &= not ctx.repeated(
                sheet,
                row,
                col.YEAR,
                key,
                seen,
                _("a second pledge of %(code)s for %(year)s (already on row %(row)s)."),
                code=code,
                year=year,
            )
            if not ok or code is None or year is None or registered_on is None:
                continue
            content = row["content"] or ""
            before = existing.get((code, year))
            item = PledgeItem(code, year, registered_on, content, before is None)
            wb.plan_row(plan, f"{code} — {year}", before, (registered_on, content), item)

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        rows = (
            Pledge.objects.filter(person__unit__path__startswith=committee.path)
            .order_by("person__code", "year")
            .values_list("person__code", "year", "registered_on", "content")
        )
        for code, year, registered_on, content in rows:
            # Control characters typed into a web form cannot be written to a worksheet.
            content = ILLEGAL_CHARACTERS_RE.sub("", content or "")
            yield [code, year, vn.format_date(registered_on), content or None]
