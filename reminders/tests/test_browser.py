"""A secretary on a phone follows "attendance to take" from his home page and clears it."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.testing import sign_in_browser
from meetings.models import Attendance
from meetings.tests.factories import MeetingFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_secretary_takes_attendance_from_the_home_page(phone_page, tree, users, screenshot):
    page = phone_page
    day = timezone.localdate() - dt.timedelta(days=1)
    meeting = MeetingFactory(unit=tree.cell_a, date=day, held=False)
    MeetingFactory(unit=tree.cell_b, date=day)  # another cell's: not his task
    sign_in_browser(page, "secretary")
    task = page.get_by_role("link", name=f"Điểm danh buổi sinh hoạt ngày {day:%d/%m/%Y} (Chi bộ A)")
    expect(task).to_have_count(1)
    expect(page.get_by_role("link", name="(Chi bộ B)")).to_have_count(0)
    screenshot(page, "trang-chu-bi-thu")
    task.click()
    page.wait_for_url(f"**/sinh-hoat/{meeting.pk}/diem-danh/")
    page.get_by_role("button", name="Đánh dấu tất cả có mặt").click()
    expect(page.locator(f"#roll-{tree.members_a[-1].pk}.is-present")).to_have_count(1)
    present = set(
        Attendance.objects.filter(meeting=meeting, status="present").values_list(
            "person_id", flat=True
        )
    )
    assert {member.pk for member in tree.members_a} <= present
    page.get_by_role("link", name="dangbo").click()
    expect(page.get_by_role("heading", name="Việc của chi bộ")).to_be_visible()
    expect(task).to_have_count(0)
