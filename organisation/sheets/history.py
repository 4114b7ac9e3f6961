"""The workbook sheet "Biến động": each event of a member's party life (interchange.md,
"History").

The check validates each person's whole history — his stored events, this sheet's rows, and
his row of "Nhân sự" (unit, party dates, Ngày chuyển đi) — with `organisation.timeline`, the
same rules as the forms, and names the row of each problem. Apply upserts events keyed by
(person, kind, date) and rebuilds the touched people's periods once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from workbook import columns as col
from workbook.codes import unknown
from workbook.registry import (
    Column,
    ImportContext,
    Row,
    SheetHandler,
    SheetPlan,
    choice_parser,
    labels_of,
    register,
)

from .. import membership, timeline
from ..models import MemberEvent, Person, Unit
from .common import BATCH, chunks, date_text, import_user
from .people import HISTORY_SHEET
from .unit_dates import exists, unit_spans

Kind = MemberEvent.Kind
# Loại, as interchange.md lists them; "Sinh hoạt tạm thời" and its end are our extension.
KINDS = {
    "Chuyển sinh hoạt trong Đảng bộ": Kind.TRANSFER,
    "Chuyển sinh hoạt đến": Kind.MOVE_IN,
    "Chuyển sinh hoạt đi": Kind.MOVE_OUT,
    "Miễn sinh hoạt": Kind.EXEMPT,
    "Thôi miễn sinh hoạt": Kind.EXEMPT_END,
    "Đình chỉ sinh hoạt": Kind.SUSPEND,
    "Thôi đình chỉ": Kind.SUSPEND_END,
    "Sinh hoạt tạm thời": Kind.TEMPORARY,
    "Thôi sinh hoạt tạm thời": Kind.TEMPORARY_END,
    "Từ trần": Kind.DECEASED,
    "Khai trừ": Kind.EXPELLED,
    "Xóa tên": Kind.STRUCK_OFF,
    "Ra khỏi Đảng": Kind.RESIGNED,
}
KIND_LABELS = labels_of(KINDS)
MOVES = (Kind.TRANSFER, Kind.MOVE_IN)
CODE_H, KIND_H, DATE_H, FROM_H, TO_H = col.PERSON, "Loại", "Ngày", "Từ đơn vị", "Đến đơn vị"


@dataclass
class HistoryPlan(SheetPlan):
    """The plan, and what the sheet "Nhân sự" reads of it (people_fields.py)."""

    transfer_codes: set[str] = field(default_factory=set)  # moved by their rows here
    person_codes: set[str] = field(default_factory=set)  # whose events this sheet writes
    move_ins: dict[str, Any] = field(default_factory=dict)  # code → latest "Chuyển … đến"


@dataclass
class EventItem:
    code: str
    kind: str
    date: Any
    from_unit: str | None
    to_unit: str | None
    note: str


def _column_of(message: str) -> str:
    """The column a timeline message is about: a cell, or else the date."""
    if message in (
        _("The person is not in the old cell on this date."),
        _("The person is not in this cell on this date."),
    ):
        return FROM_H
    if message in (
        _("Say which cell the person moved into."),
        _("A move between cells needs both the old and the new cell."),
        _("The old and the new cell are the same."),
        _("The cell does not exist on this date."),
    ):
        return TO_H
    return DATE_H


@register
class HistorySheet(SheetHandler):
    sheet = HISTORY_SHEET
    order = 25  # after "Nhân sự" (20): the people must exist
    description = gettext_lazy(
        "Changes in each member's party life (biến động đảng viên), one dated event per row."
    )
    columns = [
        col.person(key="code"),
        Column(
            KIND_H,
            "kind",
            required=True,
            parse=choice_parser(KINDS),
            help=format_lazy(gettext_lazy("One of: {kinds}."), kinds=", ".join(KINDS)),
        ),
        col.date(DATE_H, "date", gettext_lazy("dd/mm/yyyy"), required=True),
        col.text(
            FROM_H,
            "from_unit",
            gettext_lazy("Code of the cell left; blank: his cell the day before."),
        ),
        col.text(
            TO_H,
            "to_unit",
            gettext_lazy("Code of the cell joined; required for a move or a move in."),
        ),
        col.text("Ghi chú", "note"),
    ]

    def check(self, rows: list[Row], ctx: ImportContext) -> None:
        people = _planned_people(ctx)
        spans = unit_spans(ctx)
        stored = _stored_events(set(people))
        by_person: dict[str, dict[tuple, timeline.Event]] = defaultdict(dict)
        first_row: dict[tuple, int] = {}
        plan = ctx.plans[self.sheet] = HistoryPlan()
        no_person = _("no person has the code %(code)s (neither in Nhân sự nor in the database).")
        no_unit = _("no unit has the code %(code)s.")
        for row in rows:
            if row.values.get("_invalid"):
                continue
            code, kind, day = row["code"], row["kind"], row["date"]
            if unknown(ctx, self.sheet, row, CODE_H, code, people, no_person):
                continue
            bad_unit = False
            for name, header in (("from_unit", FROM_H), ("to_unit", TO_H)):
                bad_unit |= unknown(ctx, self.sheet, row, header, row[name], spans, no_unit)
            if (
                ctx.repeated(
                    self.sheet,
                    row,
                    DATE_H,
                    (code, kind, day),
                    first_row,
                    _("the same event is already on row %(row)s."),
                )
                or bad_unit
            ):
                continue
            event = timeline.Event(kind, day, row["from_unit"], row["to_unit"], row=row)
            by_person[code][(kind, day)] = event
            plan.person_codes.add(code)
            if kind == Kind.MOVE_IN:
                plan.move_ins[code] = max(day, plan.move_ins.get(code, day))
            before = stored.get(code, {}).get((kind, day))
            item = EventItem(code, kind, day, row["from_unit"], row["to_unit"], row["note"] or "")
            if before is None:
                plan.created.append(f"{code} — {KIND_LABELS[kind]} {date_text(day)}")
            elif before != (item.from_unit, item.to_unit, item.note):
                plan.updated.append(f"{code} — {KIND_LABELS[kind]} {date_text(day)}")
            else:
                plan.unchanged += 1
                continue
            plan.items.append(item)
        # Everyone whose history this import may change: rows here, or a changed "Nhân sự" row.
        touched = set(by_person) | _people_sheet_codes(ctx)
        for code in sorted(touched):
            self._check_person(code, people[code], stored, by_person[code], spans, ctx, plan)

    def _check_person(
        self,
        code: str,
        person: dict[str, Any],
        stored: dict[str, dict[tuple, tuple]],
        rows: dict[tuple, timeline.Event],
        spans: dict[str, tuple],
        ctx: ImportContext,
        plan: HistoryPlan,
    ) -> None:
        events = {
            (kind, day): timeline.Event(kind, day, values[0], values[1])
            for (kind, day), values in stored.get(code, {}).items()
        }
        events.update(rows)
        # A move between cells, or in from outside (its "Đến" cell), puts him in a cell.
        moves = timeline.ordered(e for e in events.values() if e.kind in MOVES)
        stored_unit = person["stored_unit"]
        if any(kind in MOVES for kind, _day in rows) and moves[-1].to_unit == person["unit"]:
            # His rows say how he reached his Mã đơn vị: "Nhân sự" does not move him today.
            plan.transfer_codes.add(code)
        elif stored_unit and stored_unit != person["unit"]:
            # "Nhân sự" moves him on the day of the import (people.py), so the check does too.
            today = timezone.localdate()
            events[(Kind.TRANSFER, today)] = timeline.Event(
                Kind.TRANSFER, today, stored_unit, person["unit"]
            )
        moved_out = person["moved_out_on"]
        if moved_out and (Kind.MOVE_OUT, moved_out) not in events:
            events[(Kind.MOVE_OUT, moved_out)] = timeline.Event(Kind.MOVE_OUT, moved_out)
        first = min(
            (event.row.number for event in rows.values() if isinstance(event.row, Row)),
            default=None,
        )
        try:
            periods = timeline.periods(
                current_unit=person["unit"],
                events=list(events.values()),
                joined_on=person["party_joined_on"],
                today=timezone.localdate(),
                unit_exists=lambda unit, day: exists(_span_of(spans, unit), day),
            )
        except timeline.HistoryError as error:
            for row, message in error.problems:
                number = row.number if isinstance(row, Row) else first
                where = self.sheet if number else "Nhân sự"
                ctx.error(
                    where,
                    number,
                    _column_of(message) if number else "Mã đơn vị",
                    message if number else f"{code}: {message}",
                )
            return
        for period in periods:
            dissolved = _span_of(spans, period.unit)[1]
            if dissolved and (period.end is None or period.end > dissolved):
                ctx.error(
                    self.sheet if first else "Nhân sự",
                    first,
                    TO_H if first else "Mã đơn vị",
                    _(
                        "%(code)s is still in %(unit)s after it was dissolved on %(date)s; "
                        "record where he went."
                    )
                    % {"code": code, "unit": period.unit, "date": date_text(dissolved)},
                )

    def apply(self, ctx: ImportContext) -> None:
        plan = ctx.plan(self.sheet)
        codes: set[str] = getattr(plan, "person_codes", set())
        if not codes:
            return
        user = import_user(ctx)
        person_ids: dict[str, int] = {}
        for chunk in chunks(sorted(codes)):
            person_ids.update(Person.objects.filter(code__in=chunk).values_list("code", "pk"))
        unit_ids = dict(Unit.objects.values_list("code", "pk"))
        stored = {
            (event.person_id, event.kind, event.date): event
            for chunk in chunks(list(person_ids.values()))
            for event in MemberEvent.objects.filter(person_id__in=chunk)
        }
        new, changed = [], []
        for item in plan.items:
            person_id = person_ids[item.code]
            values = {
                "from_unit_id": unit_ids.get(item.from_unit),
                "to_unit_id": unit_ids.get(item.to_unit),
                "note": item.note,
            }
            event = stored.get((person_id, item.kind, item.date))
            if event is None:
                new.append(
                    MemberEvent(person_id=person_id, kind=item.kind, date=item.date, **values)
                )
            else:
                for name, value in values.items():
                    setattr(event, name, value)
                changed.append(event)
        if new:
            bulk_create_with_history(new, MemberEvent, batch_size=BATCH, default_user=user)
        if changed:
            bulk_update_with_history(
                changed, MemberEvent, ["from_unit_id", "to_unit_id", "note"], default_user=user
            )
        membership.rebuild(person_ids.values())

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        events = MemberEvent.objects.select_related("person", "from_unit", "to_unit")
        if committee is not None:
            events = events.filter(person__unit__path__startswith=committee.path)
        rows = sorted(
            events,
            key=lambda e: (e.person.code, e.date, timeline.ORDER.get(e.kind, 4), e.kind),
        )
        for event in rows:
            yield [
                event.person.code,
                KIND_LABELS[event.kind],
                date_text(event.date),
                event.from_unit.code if event.from_unit_id else "",
                event.to_unit.code if event.to_unit_id else "",
                event.note,
            ]


def _span_of(spans: dict[str, tuple], unit: object) -> tuple:
    """A unit's (founding, dissolution) dates: `timeline` names units by id, the sheet by code."""
    return spans.get(unit, (None, None)) if isinstance(unit, str) else (None, None)


def _planned_people(ctx: ImportContext) -> dict[str, dict[str, Any]]:
    """Code → unit code, party date and Ngày chuyển đi each person will have after import."""
    people = {
        code: {"unit": unit, "stored_unit": unit, "party_joined_on": joined, "moved_out_on": None}
        for code, unit, joined in Person.objects.values_list(
            "code", "unit__code", "party_joined_on"
        ).iterator(chunk_size=5000)
    }
    plan = ctx.plans.get("Nhân sự")
    for item in plan.items if plan is not None else ():
        people[item.code] = {
            **people.get(item.code, {"stored_unit": None}),
            "unit": item.values["unit"],
            "party_joined_on": item.values["party_joined_on"],
            "moved_out_on": item.values["moved_out_on"],
        }
    return people


def _people_sheet_codes(ctx: ImportContext) -> set[str]:
    plan = ctx.plans.get("Nhân sự")
    return {item.code for item in plan.items} if plan is not None else set()


def _stored_events(codes: set[str]) -> dict[str, dict[tuple, tuple]]:
    """Person code → (kind, date) → (from code, to code, note) of the stored events."""
    found: dict[str, dict[tuple, tuple]] = defaultdict(dict)
    rows = MemberEvent.objects.values_list(
        "person__code", "kind", "date", "from_unit__code", "to_unit__code", "note"
    )
    for code, kind, day, from_code, to_code, note in rows.iterator(chunk_size=5000):
        if code in codes:
            found[code][(kind, day)] = (from_code, to_code, note)
    return found
