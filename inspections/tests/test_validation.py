"""Bad input is refused with a clear Vietnamese message, and nothing is written."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from inspections import services
from inspections.models import Inspection, Remediation
from organisation.tests.factories import CommitteeFactory, PersonFactory, UnitFactory


def messages_of(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_a_conclusion_dated_before_the_item_began(item, users):
    services.inspection_start(
        user=users["inspection"], inspection=item, started_on=dt.date(2020, 3, 10)
    )
    with pytest.raises(ValidationError) as error:
        services.inspection_conclude(
            user=users["inspection"],
            inspection=item,
            concluded_on=dt.date(2020, 3, 1),
            conclusion="Kết luận.",
        )
    assert "Ngày kết luận (01/03/2020) trước ngày bắt đầu" in messages_of(error.value)
    item.refresh_from_db()
    assert item.state == Inspection.State.IN_PROGRESS and item.concluded_on is None


def test_a_remediation_deadline_before_the_conclusion(concluded, users):
    with pytest.raises(ValidationError) as error:
        services.remediation_create(
            user=users["inspection"],
            inspection=concluded,
            content="Khắc phục",
            deadline=dt.date(2020, 3, 1),
        )
    assert "Thời hạn khắc phục (01/03/2020) trước ngày kết luận (25/03/2020)" in messages_of(
        error.value
    )
    assert not Remediation.objects.exists()


def test_a_completion_date_before_the_task_existed(task, users):
    services.remediation_submit(user=users["secretary"], remediation=task, text="Đã làm.")
    with pytest.raises(ValidationError) as error:
        services.remediation_verify(
            user=users["inspection"], remediation=task, completed_on=dt.date(2020, 3, 1)
        )
    assert "trước ngày giao việc khắc phục (25/03/2020)" in messages_of(error.value)
    task.refresh_from_db()
    assert task.completed_on is None and task.state == Remediation.State.SUBMITTED


def test_a_subject_outside_the_committee(plan, users, tree):
    elsewhere = CommitteeFactory()
    foreign_cell = UnitFactory(parent=elsewhere, name="Chi bộ ngoài")
    foreign_member = PersonFactory(unit=foreign_cell, full_name="Người Ngoài")

    def inspect(**subject):
        return services.inspection_create(
            user=users["inspection"],
            plan=plan,
            form=Inspection.Form.INSPECTION,
            content="x",
            **subject,
        )

    with pytest.raises(ValidationError) as error:
        inspect(subject_unit=foreign_cell)
    assert "không phải chi bộ hoặc đảng bộ bộ phận của" in messages_of(error.value)
    with pytest.raises(ValidationError) as error:
        inspect(subject_person=foreign_member)
    assert "không phải đảng viên của" in messages_of(error.value)
    with pytest.raises(ValidationError):
        inspect(subject_unit=tree.committee)
    with pytest.raises(ValidationError, match="chỉ một trong hai"):
        inspect(subject_unit=tree.cell_a, subject_person=tree.members_a[0])
    assert not Inspection.objects.exists()


def test_a_staff_member_is_not_a_subject(plan, users, tree):
    with pytest.raises(ValidationError, match="không phải đảng viên"):
        services.inspection_create(
            user=users["inspection"],
            plan=plan,
            form=Inspection.Form.SUPERVISION,
            content="x",
            subject_person=tree.staff_a[0],
        )


def test_a_member_of_the_committee_is_a_valid_subject(plan, users, tree):
    item = services.inspection_create(
        user=users["inspection"],
        plan=plan,
        form=Inspection.Form.SUPERVISION,
        content="Việc thực hiện bản cam kết",
        subject_person=tree.members_b[1],
    )
    assert item.code == "GS-2020-01" and item.year == 2020 and item.subject == tree.members_b[1]


def test_tasks_wait_for_the_conclusion(item, users):
    with pytest.raises(ValidationError, match="kết luận cuộc trước"):
        services.remediation_create(
            user=users["inspection"], inspection=item, content="x", deadline=dt.date(2020, 9, 1)
        )


def test_a_verified_task_is_closed(task, users):
    services.remediation_submit(user=users["secretary"], remediation=task, text="Đã làm.")
    services.remediation_verify(
        user=users["inspection"], remediation=task, completed_on=dt.date(2020, 6, 1)
    )
    with pytest.raises(ValidationError, match="không sửa được"):
        services.remediation_update(user=users["office"], remediation=task, content="Khác")


def test_one_plan_a_year(plan, users, tree):
    with pytest.raises(ValidationError, match="đã có kế hoạch"):
        services.plan_create(user=users["office"], committee=tree.committee, year=2020)


def test_a_plan_with_items_is_kept(item, users):
    with pytest.raises(ValidationError, match="không xóa được"):
        services.plan_delete(user=users["inspection"], plan=item.plan)
