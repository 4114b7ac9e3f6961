"""In Chromium: the commission concludes an item and sets a task, the cell secretary reports
what was done, the commission verifies it. Screenshots go to docs/screenshots/."""

import datetime as dt

import pytest

from core.testing import sign_in_browser
from inspections.models import Inspection, Remediation
from inspections.tests.factories import (
    ConcludedInspectionFactory,
    InspectionFactory,
    InspectionPlanFactory,
    RemediationFactory,
)


def sign_out(page) -> None:
    page.locator("form.logout button").click()
    page.wait_for_url(lambda url: "dang-nhap" in url or url.endswith("/"))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_conclude_report_verify(page, tree, users, screenshot):
    today = dt.date.today()
    plan = InspectionPlanFactory(
        committee=tree.committee,
        year=today.year,
        number_symbol="03-KH/ĐU",
        issued_on=today - dt.timedelta(days=120),
    )
    item = InspectionFactory(
        subject_unit=tree.cell_a,
        plan=plan,
        code=f"GS-{today.year}-01",
        year=today.year,
        state=Inspection.State.IN_PROGRESS,
        started_on=today - dt.timedelta(days=10),
        planned_from=today - dt.timedelta(days=12),
        planned_to=today - dt.timedelta(days=2),
        content="Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        team="Đồng chí Trưởng đoàn\nĐồng chí Thành viên",
    )

    earlier = ConcludedInspectionFactory(
        subject_unit=tree.cell_a,
        plan=plan,
        code=f"KT-{today.year}-02",
        year=today.year,
        form=Inspection.Form.INSPECTION,
        planned_from=today - dt.timedelta(days=85),
        planned_to=today - dt.timedelta(days=75),
    )
    Inspection.objects.filter(pk=earlier.pk).update(
        started_on=today - dt.timedelta(days=80), concluded_on=today - dt.timedelta(days=70)
    )
    RemediationFactory(
        inspection=earlier,
        content="Hoàn thiện biên bản sinh hoạt chuyên đề",
        created_on=today - dt.timedelta(days=70),
        deadline=today - dt.timedelta(days=5),
        responsible_unit=tree.cell_a,
    )
    third = InspectionFactory(
        subject_person=tree.members_a[2],
        plan=plan,
        code=f"GS-{today.year}-03",
        year=today.year,
        planned_from=today + dt.timedelta(days=20),
        planned_to=today + dt.timedelta(days=30),
        content="Việc thực hiện kế hoạch cá nhân và bản cam kết tu dưỡng, rèn luyện",
    )
    assert third.state == Inspection.State.PLANNED

    sign_in_browser(page, "inspection")
    page.goto(f"/kiem-tra/ke-hoach/{plan.pk}/")
    screenshot(page, "kiem-tra-ke-hoach")
    page.goto(f"/kiem-tra/cuoc/{item.pk}/")
    page.get_by_label("Loại").select_option("shortcoming")
    page.locator("#id_text").fill("Chưa xây dựng chuẩn mực riêng của chi bộ.")
    page.get_by_role("button", name="Thêm").click()
    page.get_by_role("link", name="Kết luận", exact=True).click()
    page.get_by_label("Số thông báo kết luận").fill("15-TB/ĐU")
    page.locator("#id_conclusion").fill(
        "Chi bộ đã thực hiện cơ bản tốt; cần xây dựng chuẩn mực riêng."
    )
    screenshot(page, "kiem-tra-ket-luan")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã ghi kết luận.").wait_for()
    page.get_by_role("link", name="Giao việc khắc phục").first.click()
    page.locator("#id_content").fill("Xây dựng và ban hành chuẩn mực riêng của chi bộ")
    page.locator("#id_deadline").fill((today + dt.timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã giao việc khắc phục.").wait_for()
    screenshot(page, "kiem-tra-cuoc")
    task = Remediation.objects.get(content__startswith="Xây dựng")

    sign_out(page)
    sign_in_browser(page, "secretary")
    page.get_by_text("1 việc quá hạn").wait_for()
    screenshot(page, "kiem-tra-bang-tin")
    page.goto("/kiem-tra/khac-phuc/")
    screenshot(page, "kiem-tra-danh-sach-khac-phuc")
    page.get_by_role("link", name="Xây dựng và ban hành chuẩn mực riêng của chi bộ").click()
    page.locator("#id_submit-text").fill("Chi bộ đã ban hành chuẩn mực riêng ngày hôm nay.")
    page.locator("#id_submit-files").set_input_files(
        files=[{"name": "chuan-muc.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4"}]
    )
    screenshot(page, "kiem-tra-bao-cao-khac-phuc")
    page.get_by_role("button", name="Gửi Ủy ban Kiểm tra").click()
    page.get_by_text("Đã gửi báo cáo đến Ủy ban Kiểm tra.").wait_for()
    assert page.get_by_role("button", name="Xác nhận hoàn thành").count() == 0

    sign_out(page)
    sign_in_browser(page, "inspection")
    page.goto(f"/kiem-tra/khac-phuc/{task.pk}/")
    page.get_by_role("link", name="chuan-muc.pdf").wait_for()
    screenshot(page, "kiem-tra-xac-nhan")
    page.get_by_role("button", name="Xác nhận hoàn thành").click()
    page.get_by_text("Đã xác nhận hoàn thành việc khắc phục.").wait_for()
    task.refresh_from_db()
    assert task.state == Remediation.State.VERIFIED and task.completed_on == today
    page.goto("/kiem-tra/tien-do/")
    screenshot(page, "kiem-tra-tien-do")
