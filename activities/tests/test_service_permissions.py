"""The activities services check the policy themselves, whoever calls them: a secretary of
another cell or a plain member is refused with nothing written; the system passes."""

import datetime as dt

import pytest

from activities import services
from activities.models import Activity, ActivityKind, ActivityPhoto, Commendation
from activities.tests.factories import ActivityFactory, CommendationFactory, kind, png_upload
from core.actors import SYSTEM
from core.tests.refusals import assert_refused
from organisation.tests.factories import MassOrganisationFactory

pytestmark = pytest.mark.django_db


def _activity_values(unit) -> dict:
    return {
        "code": "",
        "organisation": MassOrganisationFactory(name="Đoàn Thanh niên"),
        "unit": unit,
        "kind": kind("Hiến máu"),
        "date": dt.date(2019, 3, 26),
        "title": "Hiến máu tình nguyện",
        "participants": 40,
    }


def test_a_secretary_records_activities_of_his_own_cell_only(tree, users):
    values = _activity_values(tree.cell_a)
    assert_refused(lambda: services.activity_save(by=users["other_secretary"], **values), Activity)
    assert services.activity_save(by=users["secretary"], **values).unit == tree.cell_a


def test_an_activity_is_neither_changed_nor_moved_nor_deleted_from_outside(tree, users):
    activity = ActivityFactory(unit=tree.cell_a)
    theirs = _activity_values(tree.cell_a)
    assert_refused(
        lambda: services.activity_save(by=users["other_secretary"], activity=activity, **theirs),
        Activity,
    )
    # His own cell's activity, moved to a cell he does not hold.
    elsewhere = _activity_values(tree.cell_b)
    assert_refused(
        lambda: services.activity_save(by=users["secretary"], activity=activity, **elsewhere),
        Activity,
    )
    assert_refused(
        lambda: services.activity_delete(activity=activity, by=users["member"]), Activity
    )


def test_photos_are_added_and_deleted_by_those_who_change_the_activity(tree, users):
    activity = ActivityFactory(unit=tree.cell_a)
    assert_refused(
        lambda: services.photo_add(activity=activity, image=png_upload(), by=users["member"]),
        ActivityPhoto,
    )
    photo = services.photo_add(activity=activity, image=png_upload(), by=SYSTEM)
    assert_refused(
        lambda: services.photo_delete(photo=photo, by=users["other_secretary"]), ActivityPhoto
    )


def test_only_the_office_commends(tree, users):
    values = {
        "code": "",
        "person": tree.members_a[0],
        "unit": None,
        "level": Commendation.Level.GRASSROOTS,
        "form": "Giấy khen",
        "decision_number": "12-QĐ/ĐU",
        "decided_on": dt.date(2019, 5, 19),
        "reason": "Điển hình tiên tiến",
    }
    assert_refused(
        lambda: services.commendation_save(by=users["secretary"], **values), Commendation
    )
    commendation = CommendationFactory(person=tree.members_a[0])
    assert_refused(
        lambda: services.commendation_delete(commendation=commendation, by=users["secretary"]),
        Commendation,
    )
    assert services.commendation_save(by=users["office"], **values).pk


def test_the_demos_writers_are_the_systems_alone(tree, users):
    """`save_many` skips validation and the per-record policy, and no page restores the
    preloaded kinds: nobody but the system may call them."""
    from core.services import save_many

    unsaved = ActivityFactory.build(unit=tree.cell_a, organisation=MassOrganisationFactory())
    assert_refused(lambda: save_many(users["office"], [unsaved]), Activity)
    assert_refused(lambda: services.activity_kinds_ensure(user=users["office"]), ActivityKind)
    assert save_many(SYSTEM, [unsaved])[0].pk
