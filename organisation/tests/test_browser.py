import pytest

from core.testing import sign_in_browser
from organisation import services
from organisation.tests.factories import MassOrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_office_opens_the_tree_a_cell_and_a_person(page, tree, users, screenshot):
    person = tree.members_a[2]
    person.mass_organisations.add(MassOrganisationFactory(name="Công đoàn"))
    import datetime as dt

    services.person_transfer(
        user=users["office"], person=person, unit=tree.cell_b, on=dt.date(2019, 9, 1)
    )
    sign_in_browser(page, "office")
    page.get_by_role("link", name="Tổ chức, nhân sự").click()
    page.get_by_role("heading", name="Tổ chức, nhân sự").wait_for()
    assert page.get_by_role("row", name="Chi bộ A").is_visible()
    screenshot(page, "to-chuc-cay-don-vi")
    page.get_by_role("link", name="Chi bộ B").click()
    page.get_by_role("heading", name="Chi bộ B").wait_for()
    assert page.get_by_role("link", name=person.full_name).is_visible()
    screenshot(page, "to-chuc-chi-bo")
    page.get_by_role("link", name=person.full_name).click()
    page.get_by_role("heading", name="Quá trình sinh hoạt, chuyển sinh hoạt").wait_for()
    assert page.get_by_text("01/09/2019").first.is_visible()
    screenshot(page, "to-chuc-ho-so")
    page.get_by_role("link", name="Ghi biến động").click()
    page.get_by_label("Biến động").select_option(label="Chuyển sinh hoạt đi")
    page.locator("#id_date").fill("2021-05-04")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã ghi: Chuyển sinh hoạt đi ngày 04/05/2021.").wait_for()


def test_search_from_the_top_bar_ignores_diacritics(page, tree, users):
    sign_in_browser(page, "office")
    name = tree.members_b[0].full_name
    from core.vn import search_key

    page.get_by_placeholder("Tìm theo tên hoặc mã").fill(search_key(name).upper())
    page.get_by_placeholder("Tìm theo tên hoặc mã").press("Enter")
    page.get_by_role("link", name=name).first.wait_for()


def test_a_secretary_on_a_phone_sees_his_cell(phone_page, tree, users, screenshot):
    sign_in_browser(phone_page, "secretary")
    phone_page.get_by_role("link", name="Tổ chức, nhân sự").click()
    phone_page.get_by_role("link", name="Chi bộ A").click()
    phone_page.get_by_role("heading", name="Chi bộ A").wait_for()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400  # nothing wider than the phone; wide tables scroll inside their box
    screenshot(phone_page, "to-chuc-dien-thoai")
    response = phone_page.goto(f"/to-chuc/don-vi/{tree.cell_b.pk}/")
    assert response.status == 404


def test_adding_a_person_shows_errors_next_to_the_fields(page, tree, users, screenshot):
    sign_in_browser(page, "office")
    page.goto(f"/to-chuc/don-vi/{tree.cell_a.pk}/them-nguoi/")
    page.locator("#id_code").fill("NS777")
    page.locator("#id_full_name").fill("Đỗ Thị Mai")
    page.locator("#id_party_status").select_option("probationary")
    page.locator("#id_party_joined_on").fill("2024-03-01")
    page.locator("#id_party_official_on").fill("2025-03-01")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đảng viên dự bị chưa có ngày chính thức.").wait_for()
    assert page.locator("#id_full_name").input_value() == "Đỗ Thị Mai"
    screenshot(page, "to-chuc-them-nguoi")
    page.locator("#id_party_official_on").fill("")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_role("heading", name="Đỗ Thị Mai").wait_for()
