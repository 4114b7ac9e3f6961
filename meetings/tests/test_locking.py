"""A meeting's validity and its approved minutes (issue 12): the quorum, the lock that approval
puts on the meeting, corrections as new versions, and a sitting that is both regular and
thematic counting as both."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from core.actors import SYSTEM
from meetings import services
from meetings.documents import minutes_document
from meetings.models import Attendance, Meeting, Minutes
from meetings.oversight import coverage_grid
from meetings.quorum import meeting_quorum
from organisation.tests.factories import PersonFactory
from reports.figures import compute
from workbook.services import workbook_import

from .factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _written(meeting):
    return services.minutes_save(user=SYSTEM, meeting=meeting, proceedings="Khai mạc.")


def test_minutes_of_1_present_of_13_cannot_be_approved(tree, users, meeting_a):
    PersonFactory.create_batch(10, unit=tree.cell_a)
    services.attendance_mark(
        user=SYSTEM, meeting=meeting_a, person=tree.members_a[0], status="present"
    )
    quorum = meeting_quorum(meeting_a)
    assert (quorum.present, quorum.required, quorum.expected) == (1, 7, 13)
    assert not quorum.ok and not quorum.indicator_met
    draft = _written(meeting_a)
    with pytest.raises(ValidationError, match="7"):
        services.minutes_approve(user=users["secretary"], minutes=draft)
    draft.refresh_from_db()
    assert not draft.is_locked


def test_approval_locks_the_meeting_and_a_correction_is_a_new_version(tree, users, meeting_a):
    services.attendance_mark_everyone_present(user=SYSTEM, meeting=meeting_a)
    first = services.minutes_approve(user=users["secretary"], minutes=_written(meeting_a))
    member = tree.members_a[2]
    refused = [
        lambda: services.meeting_update(
            user=users["secretary"], meeting=meeting_a, date=dt.date(2024, 3, 1)
        ),
        lambda: services.meeting_update(user=users["secretary"], meeting=meeting_a, held=False),
        lambda: services.meeting_update(
            user=users["secretary"], meeting=meeting_a, kind="thematic"
        ),
        lambda: services.attendance_mark(
            user=users["secretary"], meeting=meeting_a, person=member, status="absent"
        ),
        lambda: services.attendance_remove(
            user=users["secretary"], meeting=meeting_a, person=member
        ),
    ]
    for change in refused:
        with pytest.raises(ValidationError, match="1"):
            change()
    meeting_a.refresh_from_db()
    assert meeting_a.date == dt.date(2024, 3, 15) and meeting_a.held
    assert Attendance.objects.get(meeting=meeting_a, person=member).status == "present"
    # The correction: a new version with its reason; the meeting opens until it is approved.
    second = services.minutes_save(
        user=users["secretary"], meeting=meeting_a, reason="Đồng chí C vắng, ghi nhầm."
    )
    services.attendance_mark(
        user=users["secretary"], meeting=meeting_a, person=member, status="absent"
    )
    services.minutes_approve(user=users["secretary"], minutes=second)
    # The printed version 1 is as approved, and says which version it is.
    old = minutes_document(Minutes.objects.get(pk=first.pk))
    rows = {row[1]: row[3] for block in old.blocks if hasattr(block, "rows") for row in block.rows}
    assert rows[member.full_name] == "Có"
    assert any("bản số 1" in getattr(block, "text", "") for block in old.blocks)
    new = minutes_document(Minutes.objects.get(pk=second.pk))
    rows = {row[1]: row[3] for block in new.blocks if hasattr(block, "rows") for row in block.rows}
    assert rows[member.full_name] == "Vắng không lý do"
    assert any("ghi nhầm" in getattr(block, "text", "") for block in new.blocks)


def test_a_combined_sitting_counts_as_regular_and_thematic(tree):
    MeetingFactory(unit=tree.cell_a, date=dt.date(2024, 2, 6), kind="regular", combined=True)
    MeetingFactory(unit=tree.cell_b, date=dt.date(2024, 2, 7), kind="regular")
    grid = {
        row.unit.pk: row for row in coverage_grid(tree.committee, 2024, upto=dt.date(2024, 3, 31))
    }
    assert grid[tree.cell_a.pk].months[1] == {"regular": 1, "thematic": 1}
    assert grid[tree.cell_a.pk].thematic_quarters_missing == 0
    assert grid[tree.cell_b.pk].thematic_quarters_missing == 1
    (year,) = compute(tree.committee, dt.date(2024, 1, 1), dt.date(2024, 12, 31))["years"]
    assert year["thematic_meetings"] == {"cells_held": 1, "meetings": 1}
    assert year["regular_meetings"]["meetings"] == 2


def test_the_workbook_carries_the_combined_column_and_stays_valid_without_it(tree):
    def book(with_column: bool, value: str = "Có") -> io.BytesIO:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Hội nghị"
        header = ["Mã hội nghị", "Loại", "Mã đơn vị", "Ngày", "Mã chuyên đề", "Nội dung"]
        row = ["HN-K", "Sinh hoạt định kỳ", tree.cell_a.code, "06/02/2024", None, "Tháng 2"]
        sheet.append(header + (["Kết hợp định kỳ và chuyên đề"] if with_column else []))
        sheet.append(row + ([value] if with_column else []))
        buffer = io.BytesIO()
        workbook.save(buffer)
        buffer.seek(0)
        return buffer

    assert workbook_import(book(True)).ok
    assert Meeting.objects.get(code="HN-K").combined
    assert workbook_import(book(False)).ok  # absent column: the meeting keeps its value
    assert Meeting.objects.get(code="HN-K").combined
    assert workbook_import(book(True, "Không")).ok
    assert not Meeting.objects.get(code="HN-K").combined
