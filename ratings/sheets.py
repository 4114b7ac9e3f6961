"""The workbook sheet "Xếp loại" (Mã đối tượng · Năm · Mức · Điểm · Ghi chú).

Importing decided historic ratings skips the round (no self-assessment, no cell proposal) but
never the rules: the subject must have belonged to the committee that year, a score only where
that year's rule set scores, the caps, and the quota on the counts that result. People and
units may come from the same workbook (sheets "Nhân sự", "Đơn vị"): their rows are read from
the plans of those sheets, so a workbook imported into an empty database is checked in full.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from organisation.models import Person, Unit
from workbook.registry import (
    CellError,
    Column,
    ImportContext,
    Row,
    SheetHandler,
    choice_parser,
    parse_decimal,
    parse_int,
    parse_text,
    register,
)

from . import rules, selectors
from .models import LEVEL_LABELS_VI, LEVEL_ORDER, CapCondition, Rating, RatingDecision

# The labels of the workbook are part of the contract: fixed Vietnamese, whatever the language.
LEVEL_LABELS = LEVEL_LABELS_VI
LEVELS_BY_LABEL = {label: level for level, label in LEVEL_LABELS.items()}
SHEET = "Xếp loại"
SUBJECT, YEAR, LEVEL, SCORE, NOTE = "Mã đối tượng", "Năm", "Mức", "Điểm", "Ghi chú"


def parse_year(value: Any) -> int | None:
    year = parse_int(value)
    if year is not None and not 1930 <= year <= 2100:
        raise CellError(_("“%(value)s” is not a year.") % {"value": value})
    return year


def parse_score(value: Any) -> Decimal | None:
    score = parse_decimal(value)
    if score is not None and not (score.is_finite() and Decimal(0) <= score <= Decimal(100)):
        raise CellError(_("a score lies between 0 and 100, not %(value)s.") % {"value": value})
    return score


@dataclass
class Planned:
    row: int
    kind: str  # "person" or "unit"
    code: str
    year: int
    level: str
    score: Decimal | None
    note: str
    rating_id: int | None


@dataclass
class PersonFacts:
    joined: dt.date | None
    moved_out: dt.date | None
    unit_code: str


def _units_tree(ctx: ImportContext) -> tuple[dict[str, str | None], dict[str, str]]:
    """Parent and kind of every unit code, from the database and the sheet "Đơn vị"."""
    parents: dict[str, str | None] = {}
    kinds: dict[str, str] = {}
    for code, parent, kind in Unit.objects.values_list("code", "parent__code", "kind"):
        parents[code], kinds[code] = parent, kind
    for item in ctx.plans.get("Đơn vị", None).items if "Đơn vị" in ctx.plans else []:
        code = getattr(item, "code", None)
        if code:
            parents[code] = getattr(item, "parent", None)
            kinds[code] = getattr(item, "kind", kinds.get(code, ""))
    return parents, kinds


def _committee_code(code: str, parents: dict[str, str | None], kinds: dict[str, str]) -> str | None:
    current: str | None = code
    for _step in range(len(parents) + 1):
        if current is None:
            return None
        if kinds.get(current) == Unit.Kind.COMMITTEE:
            return current
        current = parents.get(current)
    return None


def _workbook_people(ctx: ImportContext) -> dict[str, PersonFacts]:
    """People the sheet "Nhân sự" of this workbook creates or changes."""
    found = {}
    plan = ctx.plans.get("Nhân sự")
    for item in plan.items if plan else []:
        values = getattr(item, "values", None) or {}
        code = getattr(item, "code", None)
        if code and values.get("unit"):
            found[code] = PersonFacts(
                values.get("party_joined_on"), values.get("moved_out_on"), values["unit"]
            )
    return found


@register
class RatingSheet(SheetHandler):
    sheet = SHEET
    order = 50
    scoped = {"subject": "subject"}
    description = gettext_lazy(
        "Decided yearly quality ratings of members and of party organisations."
    )
    columns = [
        Column(
            SUBJECT,
            "subject",
            required=True,
            parse=parse_text,
            help=gettext_lazy("A person's code (Mã nhân sự) or a unit's code (Mã đơn vị)."),
        ),
        Column(YEAR, "year", required=True, parse=parse_year, help=gettext_lazy("e.g. 2019")),
        Column(
            LEVEL,
            "level",
            required=True,
            parse=choice_parser(LEVELS_BY_LABEL),
            help=gettext_lazy(
                "Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ or "
                "Không hoàn thành nhiệm vụ."
            ),
        ),
        Column(
            SCORE,
            "score",
            parse=parse_score,
            help=gettext_lazy("0–100; only for years whose rules score on 100 points."),
        ),
        Column(NOTE, "note", parse=parse_text, help=gettext_lazy("Optional.")),
    ]

    def check(self, rows: list[Row], ctx: ImportContext) -> None:
        sheet = self.sheet
        sets = selectors.rule_sets()
        parents, kinds = _units_tree(ctx)
        workbook_people = _workbook_people(ctx)
        person_ids = dict(Person.objects.values_list("code", "id"))
        unit_ids = dict(Unit.objects.values_list("code", "id"))
        existing: dict[tuple[str, str, int], tuple[int, str, Decimal | None, str, int | None]] = {}
        for rid, pcode, ucode, year, level, score, note, committee_id in Rating.objects.values_list(
            "id", "person__code", "unit__code", "year", "level", "score", "note", "committee_id"
        ):
            key = ("person", pcode, year) if pcode else ("unit", ucode, year)
            existing[key] = (rid, level, score, note, committee_id)
        committee_codes = dict(
            Unit.objects.filter(kind=Unit.Kind.COMMITTEE).values_list("id", "code")
        )

        seen: dict[tuple[str, str, int], int] = {}
        candidates: list[tuple[Row, str, str, int]] = []
        for row in rows:
            if row.values.get("_invalid"):
                continue
            code, year = row["subject"], row["year"]
            if code in person_ids or code in workbook_people:
                kind = "person"
            elif code in unit_ids or code in kinds:
                kind = "unit"
            else:
                ctx.error(
                    sheet,
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
            if key in seen:
                ctx.error(
                    sheet,
                    row.number,
                    SUBJECT,
                    _("%(code)s is rated twice for %(year)s (already on row %(row)s).")
                    % {"code": code, "year": year, "row": seen[key]},
                )
                continue
            seen[key] = row.number
            rule_set = rules.rule_set_for(year, sets)
            if rule_set is None:
                ctx.error(
                    sheet,
                    row.number,
                    YEAR,
                    _("no rule set covers the year %(year)s.") % {"year": year},
                )
                continue
            if row["score"] is not None and not rule_set.scored:
                ctx.error(
                    sheet,
                    row.number,
                    SCORE,
                    _(
                        "the rules of %(year)s (%(rules)s) do not score on 100 points: "
                        "leave the score blank."
                    )
                    % {"year": year, "rules": rule_set.name},
                )
                continue
            candidates.append((row, kind, code, year))

        # Where each member sat in the year: the database, or the workbook's "Nhân sự" rows.
        by_year: dict[int, set[int]] = defaultdict(set)
        for _row, kind, code, year in candidates:
            if kind == "person" and code in person_ids and code not in workbook_people:
                by_year[year].add(person_ids[code])
        placed: dict[tuple[int, int], str] = {}
        for year, ids in by_year.items():
            for person_id, unit in selectors.placements_during_year(ids, year).items():
                placed[(person_id, year)] = unit.code
        caps: dict[tuple[int, int], list[rules.Condition]] = defaultdict(list)
        for cap in CapCondition.objects.filter(
            person_id__in={i for ids in by_year.values() for i in ids}
        ):
            caps[(cap.person_id, cap.year)].append(
                rules.Condition(cap.kind, str(cap.get_kind_display()), cap.source, cap.self_fixed)
            )

        counts: dict[tuple[str, str, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        before: dict[tuple[str, str, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for (kind, _code, year), (_rid, level, _s, _n, committee_id) in existing.items():
            if level and committee_id in committee_codes:
                key = (committee_codes[committee_id], kind, year)
                counts[key][level] += 1
                before[key][level] += 1
        rows_of: dict[tuple[str, str, int], list[int]] = defaultdict(list)
        plan = ctx.plan(sheet)
        planned: list[Planned] = []
        for row, kind, code, year in candidates:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
            rule_set = rules.rule_set_for(year, sets)
            level = row["level"]
            if kind == "person":
                facts = workbook_people.get(code)
                if facts is not None:
                    belongs = (
                        facts.joined is not None
                        and facts.joined <= last
                        and (facts.moved_out is None or facts.moved_out > first)
                    )
                    cell_code = facts.unit_code
                else:
                    cell_code = placed.get((person_ids[code], year))
                    belongs = cell_code is not None
                if not belongs:
                    ctx.error(
                        sheet,
                        row.number,
                        SUBJECT,
                        _(
                            "%(code)s was not a party member of the committee "
                            "at any time in %(year)s."
                        )
                        % {"code": code, "year": year},
                    )
                    continue
                if code in person_ids:
                    cap = rules.cap_for(rule_set, caps.get((person_ids[code], year), []))
                    if rules.exceeds_cap(level, cap):
                        ctx.error(sheet, row.number, LEVEL, rules.cap_message(cap))
                        continue
            else:
                cell_code = code
                if kinds.get(code) == Unit.Kind.COMMITTEE:
                    ctx.error(
                        sheet,
                        row.number,
                        SUBJECT,
                        _("%(code)s is the committee itself; its superior rates it.")
                        % {"code": code},
                    )
                    continue
            committee = _committee_code(cell_code, parents, kinds)
            if committee is None:
                ctx.error(
                    sheet,
                    row.number,
                    SUBJECT,
                    _("%(code)s belongs to no party committee.") % {"code": code},
                )
                continue
            old = existing.get((kind, code, year))
            note = row["note"] or ""
            if old is not None:
                _rid, old_level, old_score, old_note, old_committee = old
                if old_level and old_committee in committee_codes:
                    counts[(committee_codes[old_committee], kind, year)][old_level] -= 1
            counts[(committee, kind, year)][level] += 1
            rows_of[(committee, kind, year)].append(row.number)
            if old is not None and (old[1], old[2], old[3]) == (level, row["score"], note):
                plan.unchanged += 1
                continue
            label = f"{code} — {year} — {LEVEL_LABELS[level]}"
            (plan.updated if old is not None else plan.created).append(label)
            planned.append(
                Planned(
                    row.number, kind, code, year, level, row["score"], note, old[0] if old else None
                )
            )

        for key, after in counts.items():
            committee, kind, year = key
            if key not in rows_of:
                continue
            rule_set = rules.rule_set_for(year, sets)
            check_before = rules.quota_check(rule_set, dict(before.get(key, {})))
            check_after = rules.quota_check(rule_set, dict(after))
            if rules.quota_worsens(check_before, check_after):
                who = _("members") if kind == "person" else _("party organisations")
                ctx.error(
                    sheet,
                    min(rows_of[key]),
                    LEVEL,
                    f"{committee}, {year}, {who}: "
                    + rules.quota_message(rule_set, check_after, check_before),
                )
        plan.items = planned

    def apply(self, ctx: ImportContext) -> None:
        items: list[Planned] = ctx.plan(self.sheet).items
        if not items:
            return
        user = ctx.user if getattr(ctx.user, "is_authenticated", False) else None
        now = timezone.now()
        people = {
            person.code: person
            for person in Person.objects.filter(
                code__in={item.code for item in items if item.kind == "person"}
            )
        }
        units = {
            unit.code: unit
            for unit in Unit.objects.filter(
                code__in={item.code for item in items if item.kind == "unit"}
            )
        }
        committees = list(Unit.objects.filter(kind=Unit.Kind.COMMITTEE))
        by_year: dict[int, set[int]] = defaultdict(set)
        for item in items:
            if item.kind == "person":
                by_year[item.year].add(people[item.code].pk)
        placed = {
            (person_id, year): unit
            for year, ids in by_year.items()
            for person_id, unit in selectors.placements_during_year(ids, year).items()
        }
        ratings = Rating.objects.in_bulk([item.rating_id for item in items if item.rating_id])
        created, updated = [], []
        changes: list[tuple[Rating, str]] = []  # (rating, level before) for decision records
        for item in items:
            rating = ratings.get(item.rating_id) if item.rating_id else None
            if item.kind == "person":
                person = people[item.code]
                cell = placed.get((person.pk, item.year)) or person.unit
            else:
                cell = units[item.code]
            if rating is None:
                rating = Rating(year=item.year)
                if item.kind == "person":
                    rating.person = people[item.code]
                else:
                    rating.unit = units[item.code]
                created.append(rating)
            else:
                updated.append(rating)
            rating.cell = rating.cell or cell
            rating.committee = rating.committee or selectors.committee_for(cell, committees)
            if rating.level != item.level:
                changes.append((rating, rating.level))
            rating.level = item.level
            rating.score = item.score
            rating.note = item.note
            rating.decided_by = user
            rating.decided_at = now
            rating.imported = True
        if created:
            bulk_create_with_history(created, Rating, batch_size=1000, default_user=user)
        if updated:
            bulk_update_with_history(
                updated,
                Rating,
                [
                    "cell",
                    "committee",
                    "level",
                    "score",
                    "note",
                    "decided_by",
                    "decided_at",
                    "imported",
                ],
                batch_size=1000,
                default_user=user,
            )
        # Every change of a decided level keeps its decision record (issue 12).
        RatingDecision.objects.bulk_create(
            [
                RatingDecision(
                    rating_id=rating.pk,
                    kind=RatingDecision.Kind.IMPORTED,
                    level=rating.level,
                    previous_level=before,
                    decided_by=user,
                )
                for rating, before in changes
            ],
            batch_size=1000,
        )

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
                _score_cell(score),
                note or None,
            ]


def _score_cell(score: Decimal | None) -> int | float | None:
    if score is None:
        return None
    return int(score) if score == score.to_integral() else float(score)


__all__ = ["LEVEL_LABELS", "LEVEL_ORDER", "RatingSheet"]
