"""The plan's sheets (Kế hoạch, Nhiệm vụ kế hoạch, Chỉ tiêu): import, re-import, export
round trip, and bad rows reported on their row with nothing written."""

import pytest

from plans.models import Plan, PlanItem, Target
from workbook.services import workbook_export, workbook_import
from workbook.testing import make_workbook, read_workbook

pytestmark = pytest.mark.django_db

PLAN = ["DBT", 2019, "12-KH/ĐU", "10/01/2019", "Kế hoạch học tập năm 2019", "Mục đích"]
ITEMS = [
    ["DBT", 2019, "Quán triệt chuyên đề năm", "31/03/2019", "CBA, CBB", None, "20/03/2019"],
    ["DBT", 2019, "Sơ kết 6 tháng", "15/07/2019", None, "Văn phòng Đảng ủy", None],
]
TARGETS = [
    ["DBT", 2019, "pledges_percent", "31/12/2019", "Ít nhất", 100, "100% đảng viên cam kết"],
    ["DBT", 2019, "remediations_late", "31/12/2019", "Nhiều nhất", 0, None],
]


def sheets(plan=PLAN, items=ITEMS, targets=TARGETS):
    return {"Kế hoạch": [plan], "Nhiệm vụ kế hoạch": items, "Chỉ tiêu": targets}


def test_a_plan_imports_reimports_unchanged_and_round_trips(tree, users):
    result = workbook_import(make_workbook(sheets()), user=users["office"])
    assert result.ok, [str(e) for e in result.errors]
    plan = Plan.objects.get(committee=tree.committee, year=2019)
    assert plan.number_symbol == "12-KH/ĐU" and plan.items.count() == 2
    first = plan.items.get(content="Quán triệt chuyên đề năm")
    assert {unit.code for unit in first.responsible_units.all()} == {"CBA", "CBB"}
    assert plan.targets.get(figure="remediations_late").comparison == "lte"

    again = workbook_import(make_workbook(sheets()), user=users["office"])
    assert again.ok and again.counts[:2] == (0, 0)

    exported = read_workbook(workbook_export(tree.committee))
    assert exported["Kế hoạch"][1][:5] == tuple(PLAN[:5])
    assert [row[2] for row in exported["Nhiệm vụ kế hoạch"][1:]] == [r[2] for r in ITEMS]
    assert exported["Chỉ tiêu"][1][2] == "pledges_percent" and exported["Chỉ tiêu"][2][5] == 0
    rows = {name: [list(row) for row in exported[name][1:]] for name in sheets()}
    assert workbook_import(make_workbook(rows), user=users["office"]).counts[:2] == (0, 0)


def test_a_changed_task_updates_it(tree, users):
    assert workbook_import(make_workbook(sheets()), user=users["office"]).ok
    items = [ITEMS[0], [*ITEMS[1][:6], "10/07/2019"]]
    result = workbook_import(make_workbook(sheets(items=items)), user=users["office"])
    assert result.ok and len(result.plans["Nhiệm vụ kế hoạch"].updated) == 1
    assert PlanItem.objects.get(content="Sơ kết 6 tháng").done_on.day == 10


def test_bad_rows_are_errors_on_their_row_and_nothing_is_written(tree, users):
    items = [
        ["DBT", 2018, "Không có kế hoạch", "31/03/2018", None, None, None],
        ["DBT", 2019, "Trước ngày kế hoạch", "01/01/2019", None, None, None],
        ["DBT", 2019, "Đơn vị lạ", "31/03/2019", "KHONGCO", None, None],
    ]
    targets = [
        ["DBT", 2019, "pledges_percent", "31/12/2020", "Ít nhất", 100, None],
        ["DBT", 2019, "pledges_percent", "30/06/2019", "Ít nhất", 150, None],
        ["DBT", 2019, "khong_co", "31/12/2019", "Ít nhất", 1, None],
    ]
    result = workbook_import(
        make_workbook(sheets(items=items, targets=targets)), user=users["office"]
    )
    found = {(e.sheet, e.row, e.column) for e in result.errors}
    assert found == {
        ("Nhiệm vụ kế hoạch", 2, "Năm"),
        ("Chỉ tiêu", 4, "Chỉ số"),
    }, [str(e) for e in result.errors]
    assert not Plan.objects.exists()
    # Without the errors of the check, the services' refusals come back on their rows.
    result = workbook_import(
        make_workbook(sheets(items=items[1:], targets=targets[:2])), user=users["office"]
    )
    found = {(e.sheet, e.row, e.column) for e in result.errors}
    assert found == {
        ("Nhiệm vụ kế hoạch", 2, "Thời hạn"),
        ("Nhiệm vụ kế hoạch", 3, "Đơn vị thực hiện"),
        ("Chỉ tiêu", 2, "Hạn"),
        ("Chỉ tiêu", 3, "Giá trị"),
    }, [str(e) for e in result.errors]
    assert not Plan.objects.exists() and not Target.objects.exists()


def test_a_plan_of_a_cell_or_of_another_committee_is_refused(tree, users, second_committee):
    cell_plan = ["CBA", 2019, "", "10/01/2019", "Kế hoạch của chi bộ", ""]
    other = ["DBK", 2019, "", "10/01/2019", "Kế hoạch của đảng bộ khác", ""]
    for row in (cell_plan, other):
        result = workbook_import(make_workbook({"Kế hoạch": [row]}), user=users["office"])
        assert [(e.row, e.column) for e in result.errors] == [(2, "Mã đơn vị")]
    assert not Plan.objects.exists()
