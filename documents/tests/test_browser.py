import datetime as dt

import pytest

from core.testing import sign_in_browser
from documents.models import Document
from documents.tests.factories import PDF_BYTES


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_office_registers_a_document_and_sends_it_to_cells(page, tree, users, screenshot):
    sign_in_browser(page, "office")
    page.get_by_role("link", name="Văn bản", exact=True).click()
    page.get_by_role("link", name="Vào sổ văn bản").click()
    page.get_by_label("Số ký hiệu").fill("23-HD/ĐU")
    page.get_by_label("Loại").select_option(label="Hướng dẫn")
    page.get_by_label("Ngày ban hành").fill("25/02/2020")
    page.get_by_label("Cơ quan ban hành").fill("Đảng ủy thử nghiệm")
    page.get_by_label("Trích yếu").fill(
        "Học tập chuyên đề năm 2020 tại buổi sinh hoạt chi bộ định kỳ tháng 3/2020"
    )
    page.get_by_label("Đơn vị ban hành (trong Đảng bộ)", exact=True).select_option(
        label="Đảng bộ thử nghiệm"
    )
    page.get_by_label("Tệp đính kèm").set_input_files(
        {"name": "23-HD-DU.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    screenshot(page, "van-ban-vao-so")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã vào sổ văn bản 23-HD/ĐU").wait_for()
    page.get_by_role("link", name="Gửi các chi bộ").click()
    page.get_by_label("Tất cả chi bộ chưa được gửi").check()
    page.get_by_label("Ngày gửi").fill("27/02/2020")
    screenshot(page, "van-ban-gui-chi-bo")
    page.get_by_role("button", name="Gửi", exact=True).click()
    page.get_by_text("Đã gửi văn bản 23-HD/ĐU đến 2 chi bộ").wait_for()
    assert page.get_by_text("27/02/2020").count() == 2
    screenshot(page, "van-ban-chi-tiet")
    document = Document.objects.get(number_symbol="23-HD/ĐU")
    assert document.issued_on == dt.date(2020, 2, 25)
    assert document.deliveries.count() == 2
    page.goto("/van-ban/gui-chi-bo/")
    page.get_by_role("heading", name="Văn bản đã gửi các chi bộ — 2020").wait_for()
    screenshot(page, "van-ban-ma-tran-gui")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_demo_register_and_matrix_for_the_guide(page, screenshot):
    """The demo committee's register, a topic and the 32 cells × documents matrix."""
    import importlib

    from core import demo
    from documents.demo import build_documents

    build_units_and_people = importlib.import_module("organisation.demo").build_units_and_people
    ctx = demo.DemoContext(log=lambda text: None)
    build_units_and_people(ctx)
    build_documents(ctx)
    sign_in_browser(page, "vanphong", demo.DEMO_PASSWORD)
    page.goto("/van-ban/?q=sinh hoat chuyen de")
    page.get_by_role("link", name="05-HD/ĐU").wait_for()
    screenshot(page, "van-ban-danh-sach")
    page.goto("/van-ban/gui-chi-bo/?year=2019")
    assert page.locator("tbody tr").count() == 32
    screenshot(page, "van-ban-ma-tran-gui-demo")
    page.goto("/van-ban/chuyen-de/")
    page.get_by_role("link", name="CD-TK-XII", exact=True).wait_for()
    screenshot(page, "chuyen-de-danh-sach")
