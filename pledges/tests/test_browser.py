"""A member fills in his pledge in the browser and the cell secretary confirms it."""

import pytest
from django.utils import timezone

from activities.models import DEFAULT_KINDS
from activities.tests.factories import ActivityFactory, CommendationFactory, kind
from core.testing import sign_in_browser
from organisation.tests.factories import MassOrganisationFactory
from pledges.models import Pledge
from pledges.tests.factories import ConductStandardFactory, PersonalPlanFactory

YEAR = timezone.localdate().year


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_member_pledges_and_secretary_confirms(page, tree, users, screenshot):
    ConductStandardFactory(
        unit=tree.committee,
        year=YEAR,
        kind="common",
        items="Trung thành với Đảng\nGương mẫu thực hiện văn hóa công sở",
    )
    ConductStandardFactory(unit=tree.cell_a, year=YEAR, items="Đúng giờ, đủ ngày công")
    member = tree.members_a[1]

    sign_in_browser(page, "member")
    page.get_by_role("link", name="Cam kết", exact=True).click()
    screenshot(page, "cam-ket-cua-toi")
    page.get_by_role("link", name="Viết bản cam kết").click()
    content = page.get_by_label("Nội dung bản cam kết")
    assert "Đúng giờ, đủ ngày công" in content.input_value()
    content.fill(content.input_value() + "\nBản thân: hoàn thành xuất sắc nhiệm vụ được giao.")
    screenshot(page, "cam-ket-viet")
    page.get_by_role("button", name="Lưu bản cam kết").click()
    page.get_by_text("Đã lưu bản cam kết của bạn.").wait_for()
    assert page.get_by_text("Chờ xác nhận").first.is_visible()
    pledge = Pledge.objects.get(person=member, year=YEAR)
    assert "hoàn thành xuất sắc" in pledge.content and not pledge.is_locked

    page.get_by_role("button", name="Đăng xuất").click()
    sign_in_browser(page, "secretary")
    page.goto(f"/cam-ket/?q={member.code}")
    page.get_by_role("link", name=member.full_name).click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Xác nhận bản cam kết").click()
    page.get_by_text("Bản cam kết đã được xác nhận và khóa.").wait_for()
    screenshot(page, "cam-ket-xac-nhan")
    pledge.refresh_from_db()
    assert pledge.is_locked and pledge.confirmed_by == users["secretary"]

    PersonalPlanFactory(person=member, year=YEAR)
    page.goto(f"/cam-ket/tien-do/?year={YEAR}")
    screenshot(page, "cam-ket-tien-do")
    page.goto(f"/cam-ket/tien-do/chi-bo/{tree.cell_a.pk}/nhac-nho/?year={YEAR}")
    assert page.get_by_text(tree.members_a[2].code).is_visible()
    screenshot(page, "cam-ket-nhac-nho")
    page.goto(f"/cam-ket/chuan-muc/?year={YEAR}")
    screenshot(page, "chuan-muc")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_activities_pages_for_the_guide(page, tree, users, screenshot):
    for name, _unit in DEFAULT_KINDS:
        kind(name)  # an earlier transactional test may have flushed the preloaded kinds
    youth = MassOrganisationFactory(name="Đoàn Thanh niên")
    ActivityFactory(unit=tree.committee, organisation=youth, title="Hiến máu tình nguyện")
    ActivityFactory(
        unit=tree.committee,
        organisation=youth,
        kind=kind("Từ thiện"),
        title="Chương trình thiện nguyện",
        quantity=12_500_000,
        measure_unit="đồng",
    )
    CommendationFactory(person=tree.members_a[0])
    sign_in_browser(page, "office")
    page.get_by_role("link", name="Đoàn thể", exact=True).click()
    screenshot(page, "hoat-dong-danh-sach")
    page.get_by_role("link", name="Thêm hoạt động").click()
    page.get_by_label("Đoàn thể").select_option(label="Đoàn Thanh niên")
    page.locator("#id_unit").select_option(value=str(tree.cell_a.pk))
    page.get_by_label("Loại").select_option(label="Trao quà")
    page.get_by_label("Ngày").fill("2019-12-20")
    page.get_by_label("Tên hoạt động").fill("Trao quà cho gia đình đoàn viên khó khăn")
    page.get_by_label("Số người tham gia").fill("-2")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Số người tham gia không được âm.").wait_for()
    screenshot(page, "hoat-dong-loi")
    page.get_by_label("Số người tham gia").fill("12")
    page.get_by_label("Số lượng").fill("20")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã lưu hoạt động.").wait_for()
    assert page.get_by_text("20 suất quà").is_visible()
    page.goto("/hoat-dong/tong-hop/")
    screenshot(page, "hoat-dong-tong-hop")
    page.goto("/hoat-dong/khen-thuong/")
    screenshot(page, "khen-thuong")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_member_writes_his_plan_on_a_phone(phone_page, tree, users, screenshot):
    sign_in_browser(phone_page, "member")
    phone_page.goto("/cam-ket/cua-toi/")
    phone_page.get_by_role("link", name="Lập kế hoạch cá nhân").click()
    phone_page.get_by_label("Mục tiêu trong năm").fill("Hoàn thành xuất sắc nhiệm vụ")
    phone_page.get_by_label("Các nội dung của kế hoạch").fill(
        "Học tập chuyên đề năm\nĐọc một tác phẩm của Chủ tịch Hồ Chí Minh"
    )
    screenshot(phone_page, "ke-hoach-dien-thoai")
    phone_page.get_by_role("button", name="Lưu kế hoạch").click()
    phone_page.get_by_text("Đã lưu kế hoạch cá nhân của bạn.").wait_for()
    plan = tree.members_a[1].personal_plans.get(year=YEAR)
    assert plan.item_list[1] == "Đọc một tác phẩm của Chủ tịch Hồ Chí Minh"
