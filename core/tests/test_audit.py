import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from core import audit
from organisation import services
from organisation.models import Person


@pytest.fixture
def changes(tree, users):
    office = users["office"]
    services.person_update(user=office, person=tree.members_a[2], position="Phó Bí thư")
    services.person_transfer(
        user=office, person=tree.members_b[1], unit=tree.cell_a, on=dt.date(2021, 3, 4)
    )
    return tree


def rows(response):
    return list(response.context["page_obj"])


def test_the_trail_shows_who_when_and_what_changed(client_as, changes, users):
    response = client_as("office").get(reverse("core:audit"))
    html = response.content.decode()
    assert response.status_code == 200
    edit = next(
        item
        for item in rows(response)
        if item.action == "~"
        and item.record.id == changes.members_a[2].pk
        and item.entry.model is Person
    )
    assert edit.who == users["office"]
    assert [(c.field, c.old, c.new) for c in edit.changes] == [("chức vụ", "", "Phó Bí thư")]
    assert "Phó Bí thư" in html and "office" in html


def test_filters_by_person_unit_user_and_date(client_as, changes, users):
    client = client_as("office")
    url = reverse("core:audit")
    moved = changes.members_b[1]
    by_person = rows(client.get(url, {"person": moved.code}))
    assert by_person and all(
        item.entry.model.__name__ in {"Person", "MemberEvent"} for item in by_person
    )
    assert {item.object_label for item in by_person if item.entry.model is Person} == {str(moved)}
    # Unit: the history rows of cell B's subtree (the move out of it, the person before moving).
    by_unit = rows(client.get(url, {"unit": changes.cell_b.pk}))
    # (and the accounts of people of cell B: the other secretary's).
    assert by_unit and all(
        getattr(item.record, "unit_id", None) == changes.cell_b.pk
        or getattr(item.record, "from_unit_id", None) == changes.cell_b.pk
        or getattr(item.record, "id", None) == changes.cell_b.pk
        or (item.entry.key == "accounts.user" and item.record.person.unit_id == changes.cell_b.pk)
        for item in by_unit
    )
    by_user = rows(client.get(url, {"user": users["office"].pk}))
    assert len(by_user) == 3  # one edit; the transfer: its event, the person moved
    today = timezone.localdate()
    assert rows(client.get(url, {"date_to": (today - dt.timedelta(days=1)).isoformat()})) == []
    assert len(rows(client.get(url, {"date_from": today.isoformat()}))) > 5
    unknown = client.get(url, {"person": "KHONG-CO"})
    assert "Không có người nào mang mã này." in unknown.content.decode()


def test_other_apps_register_their_models(db):
    labels = {entry.key for entry in audit.registered()}
    assert {"organisation.unit", "organisation.person", "organisation.memberevent"} <= labels
    assert "accounts.roleassignment" in labels
    with pytest.raises(TypeError):
        from reports.models import ExportJob

        audit.register(ExportJob)  # not a model with history


@pytest.mark.parametrize("extra", [0, 40])
def test_the_trail_page_costs_a_fixed_number_of_queries(
    client_as, changes, users, extra, django_assert_max_num_queries, settings
):
    settings.PAGE_SIZE = 10
    person = changes.members_a[0]
    for index in range(extra):
        services.person_update(user=users["office"], person=person, position=f"Chức vụ {index}")
    client = client_as("office")
    with django_assert_max_num_queries(20):
        response = client.get(reverse("core:audit"), {"page": 2})
    assert len(rows(response)) == 10


def test_mass_organisation_changes_show_in_the_trail(client_as, tree, users):
    from organisation.tests.factories import MassOrganisationFactory

    union = MassOrganisationFactory(name="Công đoàn")
    person = tree.members_a[2]
    services.person_update(user=users["office"], person=person, mass_organisations=[union])
    response = client_as("office").get(reverse("core:audit"), {"person": person.code})
    found = [
        (change.old, change.new)
        for item in rows(response)
        for change in item.changes
        if change.field == "đoàn thể"
    ]
    assert (None, "Công đoàn") in found


def test_foreign_keys_show_as_names(client_as, changes):
    response = client_as("office").get(reverse("core:audit"), {"model": "organisation.memberevent"})
    created = [item for item in rows(response) if item.action == "+"]
    assert created
    changes_ = [(c.field, c.old, c.new) for c in created[0].changes]
    assert ("đến đơn vị", None, "Chi bộ A") in changes_
    assert ("từ đơn vị", None, "Chi bộ B") in changes_
