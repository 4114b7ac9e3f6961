"""The optional columns of "Đơn vị" on a unit's life: founded, dissolved, and where its
members went (interchange.md "History")."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from core import vn
from workbook.registry import ImportContext, Row

from ..models import Unit

DATE_HEADERS = {
    "founded_on": "Ngày thành lập",
    "dissolved_on": "Ngày giải thể",
    "successor": "Mã đơn vị tiếp nhận",
}


def exists(span: tuple[dt.date | None, dt.date | None], day: dt.date) -> bool:
    founded, dissolved = span
    return (founded is None or founded <= day) and (dissolved is None or day < dissolved)


def unit_spans(ctx: ImportContext) -> dict[str, tuple]:
    """Code → (founded, dissolved) of every unit, as the import will leave them."""
    spans = {
        code: (founded, dissolved)
        for code, founded, dissolved in Unit.objects.values_list(
            "code", "founded_on", "dissolved_on"
        )
    }
    spans.update(ctx.cache.get("unit_spans", {}))
    for code in ctx.declared.get("unit", ()):
        spans.setdefault(code, (None, None))
    return spans


def check_dates(
    sheet: str,
    seen: dict[str, Row],
    wanted_of: dict[str, tuple],
    existing: dict[str, tuple],
    kinds: dict[str, str],
    ctx: ImportContext,
) -> set[str]:
    """A unit is dissolved after its founding, and its receiving unit exists then."""
    today = timezone.localdate()
    spans = {code: (v[3], v[4]) for code, v in {**existing, **wanted_of}.items()}
    bad: set[str] = set()

    def refuse(code: str, header: str, message: str) -> None:
        ctx.error(sheet, seen[code].number, header, message)
        bad.add(code)

    for code, values in wanted_of.items():
        founded, dissolved, successor = values[3:6]
        for key, value in (("founded_on", founded), ("dissolved_on", dissolved)):
            if value and value > today:
                refuse(code, DATE_HEADERS[key], _("This date lies in the future."))
        if founded and dissolved and dissolved <= founded:
            refuse(
                code,
                DATE_HEADERS["dissolved_on"],
                _("A unit is dissolved after the day it was founded."),
            )
        if successor is None:
            continue
        header = DATE_HEADERS["successor"]
        if successor not in spans:
            refuse(
                code,
                header,
                _("no unit has the code %(code)s (neither in this sheet nor in the database).")
                % {"code": successor},
            )
        elif successor == code:
            refuse(code, header, _("A unit cannot be its own successor."))
        elif not dissolved:
            refuse(code, header, _("Only a dissolved unit has a receiving unit."))
        elif kinds.get(successor) != kinds.get(code):
            refuse(code, header, _("The receiving unit must be of the same kind."))
        elif not exists(spans[successor], dissolved):
            refuse(
                code,
                header,
                _("%(code)s does not exist on %(date)s, the day this unit is dissolved.")
                % {"code": successor, "date": vn.format_date(dissolved)},
            )
    return bad
