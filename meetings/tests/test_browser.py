"""A cell secretary on a phone: attendance in a few taps, the minutes approved, the PDF."""

import datetime as dt

import pytest

from core.testing import sign_in_browser
from meetings.models import Attendance, Meeting, Minutes

from .factories import MeetingFactory, topic


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_secretary_takes_attendance_and_approves_minutes(phone_page, tree, users, screenshot):
    page = phone_page
    meeting = MeetingFactory(
        unit=tree.cell_a,
        kind=Meeting.Kind.REGULAR,
        date=dt.date.today() - dt.timedelta(days=1),
        held=False,
        place="Phòng họp tầng 2",
        chair=tree.members_a[0],
        secretary=tree.members_a[1],
        agenda="Kiểm điểm công tác tháng\nPhân công nhiệm vụ tháng tới",
        topics=[topic("CD-TK-XIII")],
    )
    sign_in_browser(page, "secretary")
    page.goto("/sinh-hoat/")
    screenshot(page, "sinh-hoat-danh-sach")
    page.get_by_role("link", name=meeting.date.strftime("%d/%m/%Y")).click()
    page.get_by_role("link", name="Điểm danh").first.click()
    page.wait_for_url(f"**/sinh-hoat/{meeting.pk}/diem-danh/")
    # A marker on the window survives htmx swaps but not a page reload.
    page.evaluate("window.__noReload = true")
    first, second, third = tree.members_a
    row = page.locator(f"#roll-{first.pk}")
    row.get_by_role("button", name="Có mặt").click()
    page.locator(f"#roll-{first.pk}.is-present").wait_for()
    page.locator(f"#roll-{second.pk}").get_by_role("button", name="Vắng có lý do").click()
    page.locator(f"#roll-{second.pk}.is-excused").wait_for()
    reason = page.locator(f"#roll-{second.pk}").get_by_role("textbox")
    reason.fill("Đi công tác")
    # Wait for the reason's save: the next click must not overlap it (the test server shares
    # one SQLite connection between its threads).
    with page.expect_response(lambda response: response.request.method == "POST"):
        reason.dispatch_event("change")
    page.wait_for_function(
        "document.querySelector('#roll-summary').textContent.includes('1 vắng có lý do')"
    )
    assert page.evaluate("window.__noReload") is True
    screenshot(page, "sinh-hoat-diem-danh")
    page.get_by_role("button", name="Đánh dấu tất cả có mặt").click()
    page.locator(f"#roll-{third.pk}.is-present").wait_for()
    statuses = dict(Attendance.objects.filter(meeting=meeting).values_list("person_id", "status"))
    assert statuses == {first.pk: "present", second.pk: "excused", third.pk: "present"}
    assert Attendance.objects.get(person=second, meeting=meeting).reason == "Đi công tác"

    page.get_by_role("link", name="Biên bản").click()
    page.get_by_role("link", name="Viết biên bản").click()
    page.get_by_label("Số").fill("5")
    page.get_by_label("Kết luận").fill("Chi bộ thống nhất phân công nhiệm vụ cho từng đảng viên.")
    screenshot(page, "sinh-hoat-bien-ban-viet")
    page.get_by_role("button", name="Lưu").click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Thông qua").click()
    page.get_by_text("Biên bản đã được thông qua và khóa.").wait_for()
    screenshot(page, "sinh-hoat-bien-ban")
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.is_locked and minutes.approved_by == users["secretary"]
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF").click()
    path = download.value.path()
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert download.value.suggested_filename.endswith("-v1.pdf")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_office_sees_coverage(page, tree, users, screenshot):
    for month in range(1, 13):
        MeetingFactory(unit=tree.cell_a, date=dt.date(2024, month, 6))
        if month != 4:
            MeetingFactory(unit=tree.cell_b, date=dt.date(2024, month, 7))
        if month % 3 == 2:
            MeetingFactory(unit=tree.cell_a, kind="thematic", date=dt.date(2024, month, 20))
    studied = topic("CD-TK-XIII")
    MeetingFactory(unit=tree.cell_a, kind="study", date=dt.date(2024, 3, 12), topics=[studied])
    sign_in_browser(page, "office")
    page.goto("/sinh-hoat/them/")
    page.get_by_label("Loại").select_option(label="Học tập")
    page.get_by_label("Đơn vị").select_option(value=str(tree.cell_b.pk))
    page.get_by_label("Ngày").fill("2024-05-20")
    page.get_by_label("Đã tổ chức").check()
    page.get_by_label("Giờ bắt đầu").fill("15:00")
    page.get_by_label("Giờ kết thúc").fill("14:00")
    page.get_by_label("Địa điểm").fill("Hội trường tầng 1")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Giờ kết thúc phải sau giờ bắt đầu.").wait_for()
    assert page.get_by_label("Địa điểm").input_value() == "Hội trường tầng 1"
    screenshot(page, "sinh-hoat-ghi-nhan-loi")
    page.get_by_label("Giờ kết thúc").fill("16:30")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã ghi nhận hội nghị.").wait_for()
    page.goto(f"/sinh-hoat/chuyen-de/?topic={studied.pk}")
    page.get_by_text("1/2 chi bộ đã học tập chuyên đề này.").wait_for()
    screenshot(page, "sinh-hoat-chuyen-de")
    page.goto("/sinh-hoat/bao-quat/?year=2024")
    assert page.locator("td.missing").count() >= 2
    screenshot(page, "sinh-hoat-bao-quat")
    page.goto("/")
    screenshot(page, "sinh-hoat-can-chu-y")
