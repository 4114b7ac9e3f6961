import pytest

from core.testing import sign_in_browser
from organisation.models import Person
from workbook.testing import make_workbook

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UNITS = [["DBT", "Đảng bộ thử nghiệm", "Đảng bộ", ""], ["CBN", "Chi bộ Mới", "Chi bộ", "DBT"]]
GOOD = ["NS9", "Đinh Thị Hoa", "01/01/1990", "Nữ", "CBN", "Dự bị", "01/01/2024", "", "", "", ""]


def _upload(page, tmp_path, name, sheets):
    path = tmp_path / name
    path.write_bytes(make_workbook(sheets).getvalue())
    page.goto("/")
    page.get_by_role("link", name="Nhập, xuất Excel").click()
    page.get_by_label("Tệp Excel (.xlsx)").set_input_files(str(path))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    page.get_by_role("heading", name="Kiểm tra trước khi nhập").wait_for()


def test_import_a_workbook_through_the_preview(page, tree, users, tmp_path, screenshot):
    sign_in_browser(page, "office")
    _upload(page, tmp_path, "nhan-su.xlsx", {"Đơn vị": UNITS, "Nhân sự": [GOOD]})
    screenshot(page, "nhap-excel-xem-truoc")
    assert not Person.objects.filter(code="NS9").exists()
    page.get_by_role("button", name="Nhập dữ liệu").click()
    page.get_by_text("Đã nhập dữ liệu: thêm mới 2, cập nhật 0.").wait_for()
    assert Person.objects.get(code="NS9").unit.code == "CBN"
    screenshot(page, "nhap-excel-trang")


def test_a_bad_workbook_shows_its_errors(page, tree, users, tmp_path, screenshot):
    sign_in_browser(page, "office")
    bad = [*GOOD[:7], "01/06/2024", *GOOD[8:]]
    _upload(
        page,
        tmp_path,
        "co-loi.xlsx",
        {
            "Đơn vị": UNITS
            + [["CBN", "Trùng mã", "Chi bộ", "DBT"], ["CBX", "Lạc", "Chi bộ", "ZZ"]],
            "Nhân sự": [bad, [*GOOD[:2], "31/02/1990", *GOOD[3:]]],
        },
    )
    errors = page.locator(".errors tbody tr")
    assert errors.count() == 5  # duplicate unit, unknown parent, date rule, bad date, repeated code
    assert page.get_by_text("Đảng viên dự bị chưa có ngày chính thức.").is_visible()
    assert page.get_by_role("button", name="Nhập dữ liệu").count() == 0
    screenshot(page, "nhap-excel-loi")
    assert not Person.objects.filter(code="NS9").exists()
