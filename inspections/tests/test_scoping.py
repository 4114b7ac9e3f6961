"""Who sees which inspections: the commission and the office all, a secretary his cell's."""

from inspections import policies
from inspections.models import Inspection
from inspections.tests.factories import InspectionFactory


def test_visibility_by_role(tree, users, plan):
    in_a = InspectionFactory(subject_unit=tree.cell_a, plan=plan)
    member_a = InspectionFactory(subject_person=tree.members_a[2], plan=plan)
    in_b = InspectionFactory(subject_unit=tree.cell_b, plan=plan)
    sub = InspectionFactory(subject_unit=tree.sub_committee, plan=plan)

    def seen(role):
        return set(policies.inspections.queryset_for(users[role]))

    everything = {in_a, member_a, in_b, sub}
    assert seen("office") == everything
    assert seen("inspection") == everything
    assert seen("secretary") == {in_a, member_a}
    assert seen("other_secretary") == {in_b}
    assert seen("member") == set() and seen("editor") == set()
    assert not policies.inspections.can(users["member"], "view")


def test_the_secretary_records_but_does_not_edit(task, users):
    secretary = users["secretary"]
    assert policies.remediations.can(secretary, policies.RECORD, task)
    assert not policies.remediations.can(secretary, policies.VERIFY, task)
    assert not policies.inspections.can(secretary, "change", task.inspection)
    assert not policies.remediations.can(users["other_secretary"], policies.RECORD, task)


def test_plans_are_for_the_commission_and_the_office(plan, users):
    assert list(policies.plans.queryset_for(users["inspection"])) == [plan]
    assert list(policies.plans.queryset_for(users["office"])) == [plan]
    assert not policies.plans.queryset_for(users["secretary"]).exists()


def test_lists_answer_403_and_objects_404_to_outsiders(client_as, task):
    for role in ("member", "editor"):
        client = client_as(role)
        assert client.get("/kiem-tra/").status_code == 403
        assert client.get("/kiem-tra/khac-phuc/").status_code == 403
        assert client.get(f"/kiem-tra/cuoc/{task.inspection_id}/").status_code == 404
        assert client.get(f"/kiem-tra/khac-phuc/{task.pk}/").status_code == 404
    other = client_as("other_secretary")
    assert other.get(f"/kiem-tra/cuoc/{task.inspection_id}/").status_code == 404
    page = other.get("/kiem-tra/").content.decode()
    assert task.inspection.code not in page
    assert Inspection.objects.count() == 1
