"""The two state machines: item planned → in progress → concluded; task open → submitted →
verified / returned (→ submitted again). Illegal moves are refused with a message."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from inspections import services
from inspections.models import Inspection, Remediation, RemediationSubmission

IS, RS = Inspection.State, Remediation.State


def _conclude(item, users, on, conclusion, number=""):
    """The inspection committee's member concludes the item (or corrects its conclusion)."""
    services.inspection_conclude(
        user=users["inspection"],
        inspection=item,
        concluded_on=on,
        conclusion=conclusion,
        conclusion_number=number,
    )


def test_the_tables_hold_every_transition():
    assert {action: target for action, (_s, target) in services.INSPECTION_FLOW.items()} == {
        "start": IS.IN_PROGRESS,
        "conclude": IS.CONCLUDED,
        "amend": IS.CONCLUDED,
    }
    assert services.REMEDIATION_FLOW["submit"][0] == {RS.OPEN, RS.RETURNED}
    assert services.REMEDIATION_FLOW["verify"] == (frozenset({RS.SUBMITTED}), RS.VERIFIED)
    assert services.REMEDIATION_FLOW["return"] == (frozenset({RS.SUBMITTED}), RS.RETURNED)


def test_item_goes_planned_in_progress_concluded(item, users):
    inspector = users["inspection"]
    assert item.state == IS.PLANNED
    services.inspection_start(user=inspector, inspection=item, started_on=dt.date(2020, 3, 2))
    item.refresh_from_db()
    assert item.state == IS.IN_PROGRESS and item.started_on == dt.date(2020, 3, 2)
    _conclude(item, users, dt.date(2020, 3, 30), "Chi bộ thực hiện tốt.", "15-TB/ĐU")
    item.refresh_from_db()
    assert item.state == IS.CONCLUDED and item.concluded_on == dt.date(2020, 3, 30)
    assert item.history.first().history_user == inspector


def test_a_planned_item_cannot_be_concluded(item, users):
    with pytest.raises(ValidationError, match="Trong kế hoạch"):
        _conclude(item, users, dt.date(2020, 3, 30), "Kết luận")
    item.refresh_from_db()
    assert item.state == IS.PLANNED and item.concluded_on is None


def test_a_started_item_cannot_start_again(item, users):
    services.inspection_start(user=users["office"], inspection=item, started_on=dt.date(2020, 3, 2))
    with pytest.raises(ValidationError, match="Không thể bắt đầu"):
        services.inspection_start(
            user=users["office"], inspection=item, started_on=dt.date(2020, 3, 3)
        )


def test_a_conclusion_can_be_corrected(concluded, users):
    _conclude(concluded, users, dt.date(2020, 3, 26), "Kết luận đã sửa.")
    concluded.refresh_from_db()
    assert concluded.state == IS.CONCLUDED and concluded.conclusion == "Kết luận đã sửa."


def test_task_open_submitted_returned_submitted_verified(task, users):
    secretary, inspector = users["secretary"], users["inspection"]
    services.remediation_submit(user=secretary, remediation=task, text="Đã ban hành chuẩn mực.")
    task.refresh_from_db()
    assert task.state == RS.SUBMITTED and task.completed_on is None
    services.remediation_return(user=inspector, remediation=task, note="Thiếu văn bản ban hành.")
    task.refresh_from_db()
    assert task.state == RS.RETURNED
    assert task.submissions.get().outcome == RemediationSubmission.Outcome.RETURNED
    services.remediation_submit(user=secretary, remediation=task, text="Gửi kèm văn bản.")
    services.remediation_verify(
        user=inspector, remediation=task, completed_on=dt.date(2020, 6, 20), note="Đạt."
    )
    task.refresh_from_db()
    assert task.state == RS.VERIFIED and task.completed_on == dt.date(2020, 6, 20)
    assert task.verified_by == inspector
    outcomes = list(task.submissions.values_list("outcome", flat=True))
    assert outcomes == [
        RemediationSubmission.Outcome.RETURNED,
        RemediationSubmission.Outcome.VERIFIED,
    ]


@pytest.mark.parametrize(
    ("state", "action"),
    [
        (RS.OPEN, "verify"),
        (RS.OPEN, "return"),
        (RS.RETURNED, "verify"),
        (RS.VERIFIED, "submit"),
        (RS.VERIFIED, "return"),
        (RS.SUBMITTED, "submit"),
    ],
)
def test_illegal_task_transitions_are_refused(task, users, state, action):
    Remediation.objects.filter(pk=task.pk).update(state=state)
    task.refresh_from_db()
    calls = {
        "submit": lambda: services.remediation_submit(
            user=users["office"], remediation=task, text="Đã làm."
        ),
        "verify": lambda: services.remediation_verify(
            user=users["office"], remediation=task, completed_on=dt.date(2020, 6, 1)
        ),
        "return": lambda: services.remediation_return(
            user=users["office"], remediation=task, note="Chưa đạt."
        ),
    }
    with pytest.raises(ValidationError) as error:
        calls[action]()
    assert "Không thể" in error.value.messages[0]
    task.refresh_from_db()
    assert task.state == state and not task.submissions.exists()


def test_the_secretary_cannot_close_his_own_task(task, users):
    services.remediation_submit(user=users["secretary"], remediation=task, text="Đã làm xong.")
    with pytest.raises(PermissionDenied, match="Ủy ban Kiểm tra"):
        services.remediation_verify(
            user=users["secretary"], remediation=task, completed_on=dt.date(2020, 6, 1)
        )
    task.refresh_from_db()
    assert task.state == RS.SUBMITTED and task.completed_on is None


def test_another_cells_secretary_cannot_report(task, users):
    with pytest.raises(PermissionDenied):
        services.remediation_submit(user=users["other_secretary"], remediation=task, text="x")
    assert not task.submissions.exists()


def test_allowed_actions_follow_the_state(item, task):
    assert services.allowed_actions(item) == {"start"}
    assert services.allowed_actions(task) == {"submit"}
