"""Workbook sheets "Kiểm tra" and "Khắc phục": import, export, errors, idempotence."""

import datetime as dt
import io

from inspections.models import Inspection, Remediation
from workbook.services import workbook_export, workbook_import
from workbook.testing import make_workbook, read_workbook

KT_HEADERS = [
    "Mã cuộc",
    "Hình thức",
    "Năm",
    "Mã đối tượng",
    "Nội dung",
    "Ngày kết luận",
    "Kết luận",
]
KP_HEADERS = ["Mã cuộc", "Nội dung", "Hạn", "Ngày hoàn thành"]


def book(kiem_tra=(), khac_phuc=()) -> io.BytesIO:
    return make_workbook(
        {"Kiểm tra": [KT_HEADERS, *kiem_tra], "Khắc phục": [KP_HEADERS, *khac_phuc]},
        with_headers=False,
    )


def good(tree):
    member = tree.members_a[0].code
    return book(
        [
            ("KT-2019-01", "Kiểm tra", 2019, "CBA", "Học tập và làm theo", "20/04/2019", "Tốt"),
            ("GS-2019-02", "giam sat", "2019", member, "Bản cam kết", None, None),
            (
                "GS-2019-03",
                "Giám sát",
                2019,
                "CBB",
                "Khắc phục theo NQ TW4",
                dt.datetime(2019, 5, 2),
                "Đạt",
            ),
        ],
        [
            ("KT-2019-01", "Ban hành chuẩn mực riêng", "30/06/2019", "20/06/2019"),
            ("KT-2019-01", "Hoàn thiện  biên bản", "30/06/2019", None),
            ("GS-2019-03", "Công khai kế hoạch khắc phục", dt.datetime(2019, 7, 1), "15/07/2019"),
        ],
    )


def sheet_values(content: bytes, name: str) -> list[tuple]:
    return read_workbook(content)[name]


def test_import_creates_items_and_tasks(tree, users):
    result = workbook_import(good(tree), user=users["office"])
    assert result.ok, [str(error) for error in result.errors]
    first = Inspection.objects.get(code="KT-2019-01")
    assert first.state == Inspection.State.CONCLUDED and first.subject_unit == tree.cell_a
    assert first.concluded_on == dt.date(2019, 4, 20)
    second = Inspection.objects.get(code="GS-2019-02")
    assert second.subject_person == tree.members_a[0] and second.state == "planned"
    assert second.form == Inspection.Form.SUPERVISION
    done = Remediation.objects.get(content="Ban hành chuẩn mực riêng")
    assert done.completed_on == dt.date(2019, 6, 20) and done.state == "verified"
    assert done.created_on == dt.date(2019, 4, 20) and done.responsible_unit == tree.cell_a
    assert Remediation.objects.get(content="Hoàn thiện  biên bản").state == "open"
    assert first.history.first().history_user == users["office"]


def test_importing_twice_changes_nothing(tree, users):
    assert workbook_import(good(tree), user=users["office"]).ok
    history = Inspection.history.count() + Remediation.history.count()
    again = workbook_import(good(tree), user=users["office"])
    assert again.ok
    assert again.plans["Kiểm tra"].unchanged == 3 and not again.plans["Kiểm tra"].updated
    assert again.plans["Khắc phục"].unchanged == 3 and not again.plans["Khắc phục"].created
    assert Inspection.history.count() + Remediation.history.count() == history
    assert Remediation.objects.count() == 3


def test_a_changed_row_updates_its_task(tree, users):
    assert workbook_import(good(tree), user=users["office"]).ok
    changed = book(
        [("KT-2019-01", "Kiểm tra", 2019, "CBA", "Học tập và làm theo", "20/04/2019", "Tốt")],
        [("KT-2019-01", "Hoàn thiện biên bản", "31/07/2019", "25/07/2019")],
    )
    result = workbook_import(changed, user=users["office"])
    assert result.ok and result.plans["Khắc phục"].updated
    task = Remediation.objects.get(content="Hoàn thiện  biên bản")
    assert task.deadline == dt.date(2019, 7, 31) and task.state == "verified"
    assert Remediation.objects.count() == 3


def test_export_round_trips(tree, users):
    assert workbook_import(good(tree), user=users["office"]).ok
    first = workbook_export(tree.committee)
    kiem_tra = sheet_values(first, "Kiểm tra")
    assert kiem_tra[0] == tuple(KT_HEADERS)
    assert (
        "KT-2019-01",
        "Kiểm tra",
        2019,
        "CBA",
        "Học tập và làm theo",
        "20/04/2019",
        "Tốt",
    ) in kiem_tra
    assert ("KT-2019-01", "Ban hành chuẩn mực riêng", "30/06/2019", "20/06/2019") in sheet_values(
        first, "Khắc phục"
    )
    Remediation.objects.all().delete()
    Inspection.objects.all().delete()
    reimport = io.BytesIO(first)
    assert workbook_import(reimport, user=users["office"]).ok
    second = workbook_export(tree.committee)
    for name in ("Kiểm tra", "Khắc phục"):
        assert sheet_values(first, name) == sheet_values(second, name)


def test_bad_rows_import_nothing(tree, users):
    bad = book(
        [
            ("KT-1", "Thanh tra", 2019, "CBA", "x", None, None),
            ("KT-2", "Kiểm tra", 2019, "KHONGCO", "x", None, None),
            ("KT-3", "Kiểm tra", 2019, "CBA", "x", "31/02/2019", None),
            ("KT-4", "Kiểm tra", 2019, "CBA", "x", "10/05/2019", None),
            ("KT-4", "Kiểm tra", 2019, "CBA", "y", None, None),
            ("KT-5", "Kiểm tra", 2019, "CBA", None, None, None),
        ],
        [
            ("KT-9", "a", "01/01/2020", None),
            ("KT-4", "b", "01/05/2019", None),
            ("KT-4", "c", "30/06/2019", "01/01/2019"),
            ("KT-4", "d", "30/06/2019", "01/01/2099"),
            ("KT-4", "e", "30/06/2019", None),
            ("KT-4", "e", "30/07/2019", None),
        ],
    )
    result = workbook_import(bad, user=users["office"])
    assert not result.applied and not Inspection.objects.exists()
    errors = {(error.sheet, error.row, error.column): error.message for error in result.errors}
    assert "Thanh tra" in errors[("Kiểm tra", 2, "Hình thức")]
    assert "KHONGCO" in errors[("Kiểm tra", 3, "Mã đối tượng")]
    assert ("Kiểm tra", 4, "Ngày kết luận") in errors
    assert "dòng 5" in errors[("Kiểm tra", 6, "Mã cuộc")]
    assert ("Kiểm tra", 7, "Nội dung") in errors
    assert "KT-9" in errors[("Khắc phục", 2, "Mã cuộc")]
    assert "trước ngày kết luận (10/05/2019)" in errors[("Khắc phục", 3, "Hạn")]
    assert "trước ngày giao việc (10/05/2019)" in errors[("Khắc phục", 4, "Ngày hoàn thành")]
    assert "tương lai" in errors[("Khắc phục", 5, "Ngày hoàn thành")]
    assert "dòng 6" in errors[("Khắc phục", 7, "Nội dung")]


def test_a_conclusion_before_the_start_is_refused(tree, users, item):
    Inspection.objects.filter(pk=item.pk).update(
        state="in_progress", started_on=dt.date(2020, 3, 10)
    )
    bad = book([(item.code, "Giám sát", 2020, "CBA", "x", "01/03/2020", "Kết luận")])
    result = workbook_import(bad, user=users["office"])
    assert not result.ok
    assert "trước ngày bắt đầu" in result.errors[0].message
    item.refresh_from_db()
    assert item.concluded_on is None
