"""A browser walks from the dashboard to a downloaded PDF; the screenshots feed the guide."""

import pytest

from core.testing import sign_in_browser


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_from_the_dashboard_to_a_downloaded_pdf(page, review, records, screenshot):
    sign_in_browser(page, "office")
    screenshot(page, "bao-cao-1-trang-chu")
    page.locator("nav").get_by_role("link", name="Báo cáo").click()
    page.get_by_role("link", name="15-BC/ĐU").click()
    page.wait_for_selector("text=Số liệu theo năm")
    screenshot(page, "bao-cao-2-trang-bao-cao")

    # Write the limitations in place (htmx): the page is not reloaded.
    section = page.locator("#section-limitations")
    section.get_by_role("link", name="Sửa").click()
    page.locator("#section-limitations textarea").fill("Một số chi bộ sinh hoạt còn hình thức.")
    screenshot(page, "bao-cao-3-sua-muc")
    page.locator("#section-limitations").get_by_role("button", name="Lưu").click()
    page.wait_for_selector("#section-limitations >> text=Một số chi bộ sinh hoạt còn hình thức.")

    # Drill down: the members behind a figure.
    page.get_by_role("row", name="Đảng viên đăng ký cam kết").get_by_role("link").first.click()
    page.wait_for_selector("text=Đảng viên đã đăng ký cam kết năm 2016")
    screenshot(page, "bao-cao-4-chi-tiet-so-lieu")
    page.go_back()

    page.get_by_role("button", name="Xuất PDF").click()
    page.wait_for_selector("text=Tải về")
    screenshot(page, "bao-cao-5-xuat-pdf")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải về").click()
    download = download_info.value
    assert download.suggested_filename == "bao-cao-15-bc-du-2016-2020.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
