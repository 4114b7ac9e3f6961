"""The office picks a meeting's chair by typing part of a name without diacritics."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from core.testing import sign_in_browser
from meetings.models import Meeting
from organisation import services
from organisation.tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_office_picks_the_chair_by_typing_without_diacritics(page, tree, users, screenshot):
    chosen = PersonFactory(unit=tree.cell_a, full_name="Đặng Thị Thuỷ", code="NS-THUY")
    left = PersonFactory(unit=tree.cell_a, full_name="Đặng Quốc Thắng", code="NS-THANG")
    services.person_move_out(user=users["office"], person=left, on=dt.date(2020, 6, 1))
    sign_in_browser(page, "office")
    page.goto("/sinh-hoat/them/")
    page.get_by_label("Đơn vị").select_option(value=str(tree.cell_a.pk))
    page.locator("#id_date").fill("2024-03-01")
    page.get_by_label("Chủ trì").fill("dang thu")
    option = page.get_by_role("radio", name="Đặng Thị Thuỷ")
    expect(option).to_be_visible()
    expect(page.get_by_role("radio", name="Đặng Quốc Thắng")).to_have_count(0)
    option.check()
    screenshot(page, "chon-nguoi-chu-tri")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url("**/sinh-hoat/*/")
    assert Meeting.objects.get().chair == chosen
    expect(page.get_by_text("Đặng Thị Thuỷ").first).to_be_visible()
