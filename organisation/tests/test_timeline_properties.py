"""Generated histories: whatever the events, a person is in at most one unit on any day, and
the roll of a committee is the union of its cells' rolls."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from organisation import membership, timeline
from organisation.models import MemberEvent, Person

UNITS = (1, 2, 3)
JOINED = dt.date(2000, 1, 1)
OPEN_KINDS = ("exempt", "suspend", "temporary")
LEAVING = ("move_out", "deceased", "expelled", "struck_off", "resigned")


@st.composite
def histories(draw, units=UNITS):
    """A valid history, built step by step from the person's state: (events, current unit,
    and the expected (unit or None, state) from each event's day on)."""
    day = JOINED
    outside = draw(st.booleans())
    unit = draw(st.sampled_from(units))
    first_unit = unit
    present, gone, open_states = not outside, False, set()
    events, expected = [], []
    for _step in range(draw(st.integers(1 if outside else 0, 8))):
        day += dt.timedelta(days=draw(st.integers(1, 400)))
        if gone:
            break
        if not present:
            # Back from outside, maybe into another cell than the one he left.
            unit = draw(st.sampled_from(units)) if events else unit
            events.append(timeline.Event("move_in", day, None, unit))
            present = True
        else:
            options = ["transfer", "leave"]
            options += [f"{kind}_end" for kind in open_states]
            options += [kind for kind in OPEN_KINDS if kind not in open_states]
            choice = draw(st.sampled_from(options))
            if choice == "transfer":
                target = draw(st.sampled_from([u for u in units if u != unit]))
                events.append(timeline.Event("transfer", day, unit, target))
                unit = target
            elif choice == "leave":
                kind = draw(st.sampled_from(LEAVING))
                events.append(timeline.Event(kind, day, unit))
                present, open_states = False, set()
                gone = kind != "move_out"
            elif choice.endswith("_end"):
                events.append(timeline.Event(choice, day))
                open_states.discard(choice[: -len("_end")])
            else:
                events.append(timeline.Event(choice, day))
                open_states.add(choice)
        state = (
            "suspended"
            if "suspend" in open_states
            else "exempt"
            if "exempt" in open_states
            else "active"
        )
        expected.append((day, unit if present else None, state))
    start = (None, None if outside else first_unit, "active")
    return events, unit, [start, *expected]


def probes(expected):
    """Days to look at: each change day, the day before it and the day after."""
    days = {JOINED - dt.timedelta(days=1)}
    for day, _unit, _state in expected[1:]:
        days |= {day - dt.timedelta(days=1), day, day + dt.timedelta(days=1)}
    return sorted(days)


def expected_on(expected, day):
    current = expected[0]
    for entry in expected[1:]:
        if entry[0] <= day:
            current = entry
    return current[1], current[2]


@given(histories())
def test_a_valid_history_gives_one_unit_and_state_each_day(history):
    events, current, expected = history
    periods = timeline.periods(current_unit=current, events=events, joined_on=JOINED)
    for earlier, later in zip(periods, periods[1:], strict=False):
        assert earlier.end is not None and earlier.end <= later.start
    for day in probes(expected):
        covering = [period for period in periods if period.covers(day)]
        assert len(covering) <= 1
        unit, state = expected_on(expected, day)
        found = (covering[0].unit, covering[0].state) if covering else (None, None)
        assert found == ((unit, state) if unit is not None else (None, None)), day


kinds = st.sampled_from([choice for choice, _label in MemberEvent.Kind.choices])
any_event = st.builds(
    timeline.Event,
    kinds,
    st.dates(dt.date(1995, 1, 1), dt.date(2020, 12, 31)),
    st.sampled_from((None, *UNITS)),
    st.sampled_from((None, *UNITS)),
)


@given(st.lists(any_event, max_size=8), st.sampled_from(UNITS))
def test_any_history_is_refused_or_never_puts_a_person_in_two_units(events, current):
    try:
        periods = timeline.periods(current_unit=current, events=events, joined_on=JOINED)
    except timeline.HistoryError as error:
        assert error.problems and all(message for _row, message in error.problems)
        return
    for earlier, later in zip(periods, periods[1:], strict=False):
        assert earlier.end is not None and later.start is not None
        assert earlier.end <= later.start


@pytest.mark.django_db
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_roll_of_the_committee_is_the_union_of_its_cells_rolls(tree, data):
    """Histories across the tree's two cells, stored and read back through membership."""
    cells = {1: tree.cell_a, 2: tree.cell_b}
    people = [*tree.members_a, *tree.members_b]
    MemberEvent.objects.filter(person__in=people).delete()
    days = set()
    for person in people:
        events, current, expected = data.draw(histories(units=(1, 2)))
        Person.objects.filter(pk=person.pk).update(unit=cells[current], party_joined_on=JOINED)
        MemberEvent.objects.bulk_create(
            MemberEvent(
                person=person,
                kind=event.kind,
                date=event.date,
                from_unit=cells.get(event.from_unit),
                to_unit=cells.get(event.to_unit),
            )
            for event in events
        )
        days |= set(probes(expected)[-4:])
    membership.rebuild(person.pk for person in people)
    for day in sorted(days):
        committee = set(membership.roll(tree.committee, day).values_list("pk", flat=True))
        union = set()
        for cell in cells.values():
            members = set(membership.roll(cell, day).values_list("pk", flat=True))
            assert not members & union  # nobody in two cells the same day
            union |= members
        assert committee == union, day
        active = set(membership.roll(tree.committee, day, active=True).values_list("pk", flat=True))
        assert active <= committee
