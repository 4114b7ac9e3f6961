"""The organisation services check the policy themselves: only the office of the units
concerned changes people, their history and the unit tree; a secretary, or the office of
another committee, is refused with nothing written."""

import datetime as dt

import pytest

from core.actors import SYSTEM
from core.tests.refusals import assert_refused
from organisation import services
from organisation.models import MemberEvent, Person, Unit, UnitName

pytestmark = pytest.mark.django_db


def test_people_and_their_history_are_the_offices(tree, users):
    assert_refused(
        lambda: services.person_create(
            user=users["secretary"], unit=tree.cell_a, code="NS-X", full_name="Nguyễn Văn X"
        ),
        Person,
    )
    person = tree.members_a[2]
    assert_refused(
        lambda: services.person_update(user=users["secretary"], person=person, position="Mới"),
        Person,
    )
    assert_refused(
        lambda: services.person_transfer(
            user=users["secretary"], person=person, unit=tree.cell_b, on=dt.date(2020, 1, 1)
        ),
        MemberEvent,
        Person,
    )
    event = MemberEvent.objects.create(
        person=person, kind=MemberEvent.Kind.EXEMPT, date=dt.date(2020, 1, 1)
    )
    assert_refused(
        lambda: services.member_event_delete(user=users["member"], event=event), MemberEvent
    )


def test_the_unit_tree_is_changed_by_its_own_office_only(tree, users, second_committee):
    outsider = users["office2"]
    assert_refused(
        lambda: services.unit_found(
            user=outsider,
            code="CBX",
            name="Chi bộ X",
            kind=Unit.Kind.CELL,
            parent=tree.committee,
            founded_on=None,
        ),
        Unit,
    )
    cell = tree.cell_b
    on = dt.date(2020, 1, 1)
    for write in (
        lambda: services.unit_update(user=outsider, unit=cell, name="Đổi"),
        lambda: services.unit_rename(user=users["secretary"], unit=cell, name="Đổi", on=on),
        lambda: services.unit_move(user=outsider, unit=cell, parent=tree.sub_committee),
        lambda: services.unit_move(
            user=users["office"], unit=cell, parent=second_committee["committee"]
        ),
        lambda: services.unit_dissolve(user=outsider, unit=cell, on=on, successor=tree.cell_a),
        lambda: services.unit_profile_update(user=users["secretary"], unit=cell, place="Huế"),
    ):
        assert_refused(write, Unit, UnitName, MemberEvent)
    # The system (commands, the demo) passes.
    assert services.unit_update(user=SYSTEM, unit=cell, place="Huế").place == "Huế"
