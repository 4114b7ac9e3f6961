import datetime as dt

from core.testing import ALL_ROLES, Case
from organisation import membership
from organisation.models import MemberEvent

SEERS = {"office": 200, "inspection": 200}
# The office's forms on a unit or person of cell A: those who see the record get 403.
OFFICE_FORM = {"office": 200, "inspection": 403, "secretary": 403}


def cell_a(tree, users):
    return {"pk": tree.cell_a.pk}


def person_a(tree, users):
    # Nobody's own record: the member of cell A sees only himself, so this is a 404 for him.
    return {"pk": tree.members_a[2].pk}


def event_a(tree, users):
    """An exemption of a member of cell A (only the office may delete it)."""
    person = tree.members_a[2]
    event, _created = MemberEvent.objects.get_or_create(
        person=person, kind=MemberEvent.Kind.EXEMPT, date=dt.date(2020, 1, 1)
    )
    membership.rebuild([person.pk])
    return {"pk": person.pk, "event_pk": event.pk}


def person_form(tree, users):
    return {"full_name": ""}  # invalid: the page answers 200 with the errors, nothing saved


MATRIX = {
    "organisation:overview": Case(expect={**SEERS, "secretary": 200, "other_secretary": 200}),
    "organisation:search": Case(expect={role: 200 for role in ALL_ROLES[1:]}),
    "organisation:person_picker": Case(expect={role: 200 for role in ALL_ROLES[1:]}),
    "organisation:me": Case(
        expect={"secretary": 302, "other_secretary": 302, "member": 302}, default=200
    ),
    "organisation:unit": Case(expect={**SEERS, "secretary": 200}, kwargs=cell_a, default=404),
    "organisation:person": Case(expect={**SEERS, "secretary": 200}, kwargs=person_a, default=404),
    "organisation:person_add": Case(expect=OFFICE_FORM, kwargs=cell_a, default=404),
    "organisation:unit_profile": Case(expect=OFFICE_FORM, kwargs=cell_a, default=404),
    "organisation:person_edit": Case(expect=OFFICE_FORM, kwargs=person_a, default=404),
    "organisation:person_event": Case(expect=OFFICE_FORM, kwargs=person_a, default=404),
    "organisation:person_event_delete": Case(expect=OFFICE_FORM, kwargs=event_a, default=404),
    "organisation:unit_found": Case(expect=OFFICE_FORM, kwargs=cell_a, default=404),
    "organisation:unit_edit": Case(expect=OFFICE_FORM, kwargs=cell_a, default=404),
    "organisation:unit_rename": Case(expect=OFFICE_FORM, kwargs=cell_a, default=404),
    "organisation:unit_move": Case(expect=OFFICE_FORM, kwargs=cell_a, default=404),
    "organisation:unit_dissolve": Case(expect=OFFICE_FORM, kwargs=cell_a, default=404),
}
