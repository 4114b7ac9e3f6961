"""The optional columns of "Đơn vị" that carry the committee's document profile: the body
directly above it and the place its documents are dated at (interchange.md, root row only).

Only the root's values travel in the workbook: a cell's own profile is set on its page, and an
import keeps it (a blank cell on a non-root row changes nothing; a value there is an error).
A blank cell on the root row keeps the stored value too: the printed header of every document
depends on it, so a workbook that merely leaves the column empty must not erase it (it is
cleared on the unit's page).
"""

from __future__ import annotations

from typing import cast

from django.db.models import CharField
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workbook.registry import Column, ImportContext, Row, parse_text

from ..models import Unit

PROFILE_HEADERS = {"superior_body": "Cấp trên trực tiếp", "place": "Địa danh"}
PROFILE_COLUMNS = [
    Column(
        PROFILE_HEADERS["superior_body"],
        "superior_body",
        parse=parse_text,
        optional=True,
        help=cast(
            str,
            gettext_lazy(
                "The root row only: the body directly above the committee, printed on its "
                "documents, e.g. ĐẢNG BỘ THÀNH PHỐ HÀ NỘI."
            ),
        ),
    ),
    Column(
        PROFILE_HEADERS["place"],
        "place",
        parse=parse_text,
        optional=True,
        help=cast(
            str,
            gettext_lazy(
                "The root row only: the place in the date line of its documents, e.g. Hà Nội."
            ),
        ),
    ),
]
LIMITS: dict[str, int] = {
    key: cast(CharField, Unit._meta.get_field(key)).max_length or 255 for key in PROFILE_HEADERS
}


def check_profile(sheet: str, seen: dict[str, Row], ctx: ImportContext) -> set[str]:
    """A value belongs on the root row (blank Mã cấp trên) and fits the field."""
    bad: set[str] = set()
    for code, row in seen.items():
        for key, header in PROFILE_HEADERS.items():
            value = row[key]
            if value is None:
                continue
            if row["parent"] is not None:
                ctx.error(
                    sheet,
                    row.number,
                    header,
                    _(
                        "only the root unit (the committee, with a blank Mã cấp trên) has this "
                        "value; leave it blank on this row."
                    ),
                )
                bad.add(code)
            elif len(value) > LIMITS[key]:
                ctx.error(
                    sheet,
                    row.number,
                    header,
                    _("at most %(limit)s characters.") % {"limit": LIMITS[key]},
                )
                bad.add(code)
    return bad


def profile_wanted(row: Row, before: tuple[str, str] | None) -> tuple[str, str]:
    """The values after import: a value on the root row sets them; a blank cell, an absent
    column or a non-root row keeps the stored ones."""
    values = []
    for index, key in enumerate(PROFILE_HEADERS):
        stored = before[index] if before else ""
        values.append(row[key] if row[key] and row["parent"] is None else stored)
    return values[0], values[1]
