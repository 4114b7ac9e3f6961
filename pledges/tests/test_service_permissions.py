"""The pledges services check the policy themselves: a member writes only his own pledge and
plan, a secretary confirms only his cell's, the office alone sets the template; refusals
leave nothing written."""

import datetime as dt

import pytest

from core.actors import SYSTEM
from core.tests.refusals import assert_refused
from pledges import services
from pledges.models import ConductStandard, PersonalPlan, Pledge, PledgeTemplate
from pledges.tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db


def test_a_member_writes_his_own_pledge_only(tree, users):
    other = tree.members_a[2]
    assert_refused(
        lambda: services.pledge_create(
            person=other,
            year=2019,
            registered_on=dt.date(2019, 2, 1),
            content="Cam kết",
            by=users["member"],
        ),
        Pledge,
    )
    pledge = PledgeFactory(person=other)
    assert_refused(
        lambda: services.pledge_update(
            pledge=pledge, registered_on=pledge.registered_on, content="Sửa", by=users["member"]
        ),
        Pledge,
    )


def test_a_secretary_confirms_his_cells_pledges_only(tree, users):
    pledge = PledgeFactory(person=tree.members_a[2])
    assert_refused(
        lambda: services.pledge_confirm(pledge=pledge, by=users["other_secretary"]), Pledge
    )
    assert_refused(lambda: services.pledge_confirm(pledge=pledge, by=users["member"]), Pledge)
    assert services.pledge_confirm(pledge=pledge, by=users["secretary"]).confirmed_at


def test_a_personal_plan_is_written_by_its_person_alone(tree, users):
    assert_refused(
        lambda: services.plan_save(
            person=tree.members_a[2], year=2019, content="", items="Một", by=users["secretary"]
        ),
        PersonalPlan,
    )
    mine = users["member"].person
    assert services.plan_save(person=mine, year=2019, content="", items="Một", by=users["member"])
    assert services.plan_save(person=mine, year=2020, content="", items="Hai", by=SYSTEM)


def test_standards_and_the_template_need_their_writers(tree, users):
    assert_refused(
        lambda: services.standard_save(
            unit=tree.cell_a, year=2019, items="Đúng giờ", by=users["other_secretary"]
        ),
        ConductStandard,
    )
    assert_refused(
        lambda: services.standard_save(
            unit=tree.committee, year=2019, items="Chung", by=users["secretary"]
        ),
        ConductStandard,
    )
    assert_refused(
        lambda: services.template_save(
            committee=tree.committee, year=2019, text="Mẫu", by=users["secretary"]
        ),
        PledgeTemplate,
    )
