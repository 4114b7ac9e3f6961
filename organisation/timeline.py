"""A person's party life as periods, computed from his dated events — pure, no database.

`organisation.membership` stores these periods as `Posting` rows; the forms, the workbook and
the command line all validate a history here, so a wrong one is refused the same way
everywhere. The definitions are those of interchange.md, section "History".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

ACTIVE, EXEMPT, SUSPENDED = "active", "exempt", "suspended"
TRANSFER, MOVE_IN, MOVE_OUT = "transfer", "move_in", "move_out"
LEAVING = frozenset({MOVE_OUT, "deceased", "expelled", "struck_off", "resigned"})
# Pairs of (start, end) events; a state holds from the start up to the day before the end.
STATES = {"exempt": ("exempt_end", EXEMPT), "suspend": ("suspend_end", SUSPENDED)}
OPENERS = {"exempt": "exempt_end", "suspend": "suspend_end", "temporary": "temporary_end"}
CLOSERS = {end: start for start, end in OPENERS.items()}
# Kinds that only a party member has; the rest (moves, death) apply to staff too.
PARTY_ONLY = frozenset(
    {"exempt", "exempt_end", "suspend", "suspend_end", "temporary", "temporary_end"}
    | {"expelled", "struck_off", "resigned"}
)
# Several events on one day apply in this order: arrive, move, change state, leave.
ORDER = {MOVE_IN: 0, TRANSFER: 1, **{kind: 2 for kind in CLOSERS}, **{k: 3 for k in OPENERS}}


@dataclass(frozen=True)
class Event:
    kind: str
    date: dt.date
    from_unit: int | None = None
    to_unit: int | None = None
    row: object = None  # where the event came from (form field, workbook row), for messages


@dataclass(frozen=True)
class Period:
    """The person belongs to `unit` from `start` (None: always) up to the day before `end`."""

    unit: int
    start: dt.date | None
    end: dt.date | None
    state: str

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


class HistoryError(ValueError):
    """A history that cannot be: `problems` lists (event row or None, message)."""

    def __init__(self, problems: list[tuple[object, str]]):
        super().__init__("; ".join(message for _row, message in problems))
        self.problems = problems


def ordered(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda event: (event.date, ORDER.get(event.kind, 4)))


def initial_unit(current_unit: int, events: list[Event]) -> int:
    """The cell before the first event, found walking back from his unit now: a move came
    from its "Từ đơn vị"; a leaving event left its "Từ đơn vị" when given; a move in from
    outside defines his cell from then, and before it (unless a leaving event says otherwise)
    he is taken to have been in that same cell."""
    unit = current_unit
    for event in reversed(ordered(events)):
        if event.kind == TRANSFER and event.from_unit:
            unit = event.from_unit
        elif event.kind == MOVE_IN and event.to_unit:
            unit = event.to_unit
        elif event.kind in LEAVING and event.from_unit:
            unit = event.from_unit
    return unit


def periods(
    *,
    current_unit: int,
    events: Iterable[Event],
    joined_on: dt.date | None = None,
    today: dt.date | None = None,
    unit_exists: Callable[[int, dt.date], bool] | None = None,
) -> list[Period]:
    """The person's periods in units of the committee, or HistoryError with every problem.

    `current_unit` is the person's unit now (or the last one, if he left): the "Mã đơn vị" of
    the workbook. `unit_exists(unit, day)` lets the caller refuse a move into a unit that does
    not exist that day.
    """
    events = ordered(events)
    problems: list[tuple[object, str]] = []

    def refuse(event: Event, message: str) -> None:
        problems.append((event.row, message))

    arrivals = [event for event in events if event.kind in LEAVING | {MOVE_IN}]
    present = not arrivals or arrivals[0].kind != MOVE_IN
    unit = initial_unit(current_unit, events)
    open_states: dict[str, dt.date] = {}
    points: list[tuple[dt.date, int | None, str]] = []  # (from day, unit or None, state)

    def state_now() -> str:
        if "suspend" in open_states:
            return SUSPENDED
        return EXEMPT if "exempt" in open_states else ACTIVE

    for event in events:
        kind, day = event.kind, event.date
        if today and day > today:
            refuse(event, _("This date lies in the future."))
        if joined_on and (kind in PARTY_ONLY or kind in LEAVING) and day < joined_on:
            refuse(event, _("This event is dated before the person joined the party."))
        if joined_on is None and kind in PARTY_ONLY:
            refuse(event, _("Only a party member can have this event."))
        if kind == MOVE_IN:
            if present:
                refuse(event, _("The person is already on the committee's roll on this date."))
            if event.to_unit is None:
                refuse(event, _("Say which cell the person moved into."))
            else:
                unit = event.to_unit  # the cell he arrives in, maybe not the one he left
            present = True
        elif not present:
            refuse(event, _("The person is not on the committee's roll on this date."))
            continue
        elif kind == TRANSFER:
            if not event.from_unit or not event.to_unit:
                refuse(event, _("A move between cells needs both the old and the new cell."))
                continue
            if event.from_unit == event.to_unit:
                refuse(event, _("The old and the new cell are the same."))
            if event.from_unit != unit:
                refuse(event, _("The person is not in the old cell on this date."))
            unit = event.to_unit
        elif kind in LEAVING:
            if event.from_unit and event.from_unit != unit:
                refuse(event, _("The person is not in this cell on this date."))
            present = False
            open_states.clear()
        elif kind in OPENERS:
            if kind in open_states:
                refuse(event, _("This overlaps an earlier one that has not ended."))
            open_states[kind] = day
        elif kind in CLOSERS:
            if CLOSERS[kind] not in open_states:
                refuse(event, _("There is nothing to end on this date."))
            open_states.pop(CLOSERS[kind], None)
        if present and unit_exists and kind in (MOVE_IN, TRANSFER) and not unit_exists(unit, day):
            refuse(event, _("The cell does not exist on this date."))
        points.append((day, unit if present else None, state_now()))
    if unit != current_unit:
        problems.append((None, _("The person's unit is not the cell his last move led to.")))
    if problems:
        raise HistoryError(problems)
    return _merge(initial_unit(current_unit, events), arrivals, points)


def _merge(
    first_unit: int, arrivals: list[Event], points: list[tuple[dt.date, int | None, str]]
) -> list[Period]:
    """Turn the change points into periods, merging neighbours that do not differ."""
    result: list[Period] = []
    present = not arrivals or arrivals[0].kind != MOVE_IN
    current: tuple[dt.date | None, int | None, str] = (
        None,
        first_unit if present else None,
        ACTIVE,
    )
    for day, unit, state in points:
        start, old_unit, old_state = current
        if (unit, state) == (old_unit, old_state):
            continue
        if old_unit is not None and (start is None or start < day):
            result.append(Period(old_unit, start, day, old_state))
        current = (day, unit, state)
    start, unit, state = current
    if unit is not None:
        result.append(Period(unit, start, None, state))
    return result


def period_on(periods_: list[Period], day: dt.date) -> Period | None:
    return next((period for period in periods_ if period.covers(day)), None)
