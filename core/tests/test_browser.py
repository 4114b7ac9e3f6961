import datetime as dt

import pytest

from core.testing import sign_in_browser
from organisation import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_office_sees_the_figures_and_the_audit_trail(page, tree, users, screenshot):
    services.person_update(user=users["office"], person=tree.members_a[2], position="Phó Bí thư")
    services.person_move_out(user=users["office"], person=tree.members_b[2], on=dt.date(2022, 1, 5))
    sign_in_browser(page, "office")
    assert page.get_by_role("heading", name="Sổ đảng viên, nhân sự").is_visible()
    screenshot(page, "bang-dieu-khien")
    page.get_by_role("link", name="Nhật ký thay đổi").click()
    page.get_by_role("heading", name="Nhật ký thay đổi").wait_for()
    assert page.get_by_text("Phó Bí thư").first.is_visible()
    page.get_by_label("Mã nhân sự").fill(tree.members_b[2].code)
    page.get_by_role("button", name="Lọc").click()
    page.get_by_text("05/01/2022").first.wait_for()
    screenshot(page, "nhat-ky-thay-doi")


def test_the_layout_prints_without_menus(page, tree, users):
    sign_in_browser(page, "office")
    page.goto("/to-chuc/")
    page.emulate_media(media="print")
    assert not page.locator("header.topbar").is_visible()
    assert page.get_by_role("table").is_visible()


def test_an_english_browser_gets_vietnamese_and_may_switch(browser, live_server, tree, users):
    from playwright.sync_api import expect

    context = browser.new_context(locale="en-US", base_url=live_server.url)
    page = context.new_page()
    sign_in_browser(page, "office")
    expect(page.get_by_role("link", name="Nhật ký thay đổi")).to_be_visible()
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("link", name="Audit trail")).to_be_visible()
    page.goto("/khong-co-trang-nay/")
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    page.get_by_role("button", name="Tiếng Việt").click()
    expect(page.get_by_role("heading", name="Không tìm thấy trang")).to_be_visible()
    context.close()
