"""The workbook sheet "Xếp loại" (Mã đối tượng · Năm · Mức · Điểm · Ghi chú).

The sheet only reads: it parses the rows, finds each subject (in the database or declared by
the workbook's "Đơn vị" and "Nhân sự") and plans what changes. The rules — the rule set of
the year, the score, belonging to the committee that year, the caps, the quota — are the
services' (`ratings.services.imports`, through the round's `rating_open` and
`ratings_decide` with `imported=True`); their refusals become errors on the row.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisation.models import Person, Unit
from workbook import columns as col
from workbook import registry as wb
from workbook.codes import known_people, known_units, number_cell

from .models import LEVEL_LABELS_VI, LEVEL_ORDER, Rating
from .services.imports import ImportedRating, rating_import_check, ratings_import

# The labels of the workbook are part of the contract: fixed Vietnamese, whatever the language.
LEVEL_LABELS = {str(level): label for level, label in LEVEL_LABELS_VI.items()}
LEVELS_BY_LABEL = {label: level for level, label in LEVEL_LABELS.items()}
SHEET = "Xếp loại"
SUBJECT, YEAR, LEVEL, SCORE, NOTE = col.SUBJECT, col.YEAR, "Mức", "Điểm", "Ghi chú"
# The services' field names → the sheet's headers; other refusals concern the subject.
FIELDS = {"": SUBJECT, "subject": SUBJECT, "year": YEAR, "level": LEVEL, "score": SCORE}


def parse_year(value: Any) -> int | None:
    year = wb.parse_int(value)
    if year is not None and not 1930 <= year <= 2100:
        raise wb.CellError(_("“%(value)s” is not a year.") % {"value": value})
    return year


def parse_score(value: Any) -> Decimal | None:
    score = wb.parse_decimal(value)
    if score is not None and not (score.is_finite() and Decimal(0) <= score <= Decimal(100)):
        raise wb.CellError(_("a score lies between 0 and 100, not %(value)s.") % {"value": value})
    return score


def _existing() -> dict[tuple[str, str, int], tuple[str, Decimal | None, str]]:
    """{(kind, code, year): (level, score, note)} of every rating."""
    found = {}
    for pcode, ucode, year, level, score, note in Rating.objects.values_list(
        "person__code", "unit__code", "year", "level", "score", "note"
    ):
        found[("person", pcode, year) if pcode else ("unit", ucode, year)] = (level, score, note)
    return found


@wb.register
class RatingSheet(wb.SheetHandler):
    sheet = SHEET
    order = 50
    scoped = {"subject": "subject"}
    description = gettext_lazy(
        "Decided yearly quality ratings of members and of party organisations."
    )
    columns = [
        col.subject(gettext_lazy("A person's code (Mã nhân sự) or a unit's code (Mã đơn vị).")),
        col.year(gettext_lazy("e.g. 2019"), parse=parse_year),
        wb.Column(
            LEVEL,
            "level",
            required=True,
            parse=wb.choice_parser(LEVELS_BY_LABEL),
            help=gettext_lazy(
                "Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ or "
                "Không hoàn thành nhiệm vụ."
            ),
        ),
        wb.Column(
            SCORE,
            "score",
            parse=parse_score,
            help=gettext_lazy("0–100; only for years whose rules score on 100 points."),
        ),
        col.text(NOTE, "note", gettext_lazy("Optional.")),
    ]

    def check(self, rows: list[wb.Row], ctx: wb.ImportContext) -> None:
        people, units = known_people(ctx), known_units(ctx)
        stored_units = {
            unit.code: unit
            for unit in Unit.objects.filter(code__in={row["subject"] for row in rows})
        }
        existing = _existing()
        plan = ctx.plan(self.sheet)
        seen: dict[tuple[str, str, int], int] = {}
        for row in rows:
            if row.values.get("_invalid"):
                continue
            code, year = row["subject"], row["year"]
            kind = "person" if code in people else "unit" if code in units else None
            if kind is None:
                ctx.error(
                    self.sheet,
                    row.number,
                    SUBJECT,
                    _(
                        "no person or unit has the code %(code)s "
                        "(neither in this workbook nor in the database)."
                    )
                    % {"code": code},
                )
                continue
            key = (kind, code, year)
            if ctx.repeated(
                self.sheet,
                row,
                SUBJECT,
                key,
                seen,
                _("%(code)s is rated twice for %(year)s (already on row %(row)s)."),
                code=code,
                year=year,
            ):
                continue
            try:
                rating_import_check(year=year, score=row["score"], unit=stored_units.get(code))
            except ValidationError as error:
                ctx.service_errors(self.sheet, row, error, FIELDS)
                continue
            after = (row["level"], row["score"], row["note"] or "")
            label = f"{code} — {year} — {LEVEL_LABELS[row['level']]}"
            wb.plan_row(plan, label, existing.get(key), after, (row, kind))

    def apply(self, ctx: wb.ImportContext) -> None:
        items: list[tuple[wb.Row, str]] = ctx.plan(self.sheet).items
        if not items:
            return
        codes = {row["subject"] for row, _kind in items}
        people = {person.code: person for person in Person.objects.filter(code__in=codes)}
        units = {unit.code: unit for unit in Unit.objects.filter(code__in=codes)}
        by_number: dict[Hashable, wb.Row] = {row.number: row for row, _kind in items}
        errors = ratings_import(
            rows=[
                ImportedRating(
                    row.number,
                    row["year"],
                    row["level"],
                    row["score"],
                    row["note"] or "",
                    person=people[row["subject"]] if kind == "person" else None,
                    unit=units[row["subject"]] if kind == "unit" else None,
                )
                for row, kind in items
            ],
            user=ctx.user if getattr(ctx.user, "pk", None) else None,
        )
        for number, error in errors:
            ctx.service_errors(self.sheet, by_number[number], error, FIELDS)

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        ratings = Rating.objects.exclude(level="")
        if committee is not None:
            ratings = ratings.filter(committee=committee)
        rows = ratings.values_list("person__code", "unit__code", "year", "level", "score", "note")
        ordered = sorted(rows, key=lambda r: (r[2], r[1] is not None, r[0] or r[1]))
        for person_code, unit_code, year, level, score, note in ordered:
            yield [
                person_code or unit_code,
                year,
                LEVEL_LABELS[level],
                number_cell(score),
                note or None,
            ]


__all__ = ["LEVEL_LABELS", "LEVEL_ORDER", "RatingSheet"]
