"""The committee's document profile ("Cấp trên trực tiếp", "Địa danh" on the root row of
"Đơn vị") and former names (sheet "Tên đơn vị") travel in the workbook."""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command

from organisation import membership
from organisation.models import Unit, UnitName
from organisation.profile import profile_of
from organisation.services import unit_rename
from workbook.services import workbook_export, workbook_import
from workbook.testing import make_workbook, read_workbook

from .test_history_sheet import wipe_register

pytestmark = pytest.mark.django_db

ROOT = ["DB", "Đảng bộ Thử", "Đảng bộ", "", "", "", "", "ĐẢNG BỘ KHỐI CƠ QUAN", "Hà Nội"]
CELL = ["C1", "Chi bộ Một", "Chi bộ", "DB", "01/01/2010", "", "", "", ""]


def errors_of(result):
    return [(error.sheet, error.row, error.column) for error in result.errors]


def test_the_root_row_carries_the_committee_profile_and_it_round_trips():
    result = workbook_import(make_workbook({"Đơn vị": [ROOT, CELL]}))
    assert result.applied, [str(error) for error in result.errors]
    root = Unit.objects.get(code="DB")
    assert (root.superior_body, root.place) == ("ĐẢNG BỘ KHỐI CƠ QUAN", "Hà Nội")
    profile = profile_of(Unit.objects.get(code="C1"))
    assert profile.place == "Hà Nội"  # a cell dates its documents where its committee does
    first = workbook_export(root)
    sheet = read_workbook(first)["Đơn vị"]
    assert sheet[0][7:9] == ("Cấp trên trực tiếp", "Địa danh")
    assert sheet[1][7:9] == ("ĐẢNG BỘ KHỐI CƠ QUAN", "Hà Nội")
    assert sheet[2][7:9] == (None, None)
    wipe_register()
    assert workbook_import(io.BytesIO(first)).applied
    assert read_workbook(workbook_export(Unit.objects.get(code="DB"))) == read_workbook(first)


def test_a_profile_value_on_a_cell_row_is_an_error_and_nothing_is_written():
    cell = [*CELL[:7], "", "Hải Phòng"]
    result = workbook_import(make_workbook({"Đơn vị": [ROOT, cell]}))
    assert not result.applied
    assert errors_of(result) == [("Đơn vị", 3, "Địa danh")]
    assert "root" in result.errors[0].message or "gốc" in result.errors[0].message
    assert not Unit.objects.filter(code__in=["DB", "C1"]).exists()


def test_without_the_columns_or_with_blanks_the_stored_profile_is_kept():
    assert workbook_import(make_workbook({"Đơn vị": [ROOT, CELL]})).applied
    cell = Unit.objects.get(code="C1")
    cell.place = "Gia Lâm"  # a cell's own profile, set on its page
    cell.save()
    book = make_workbook(
        {"Đơn vị": [["Mã đơn vị", "Tên đơn vị", "Loại", "Mã cấp trên"], ROOT[:4], CELL[:4]]},
        with_headers=False,
    )
    result = workbook_import(book)
    assert result.applied and result.plans["Đơn vị"].unchanged == 2
    assert Unit.objects.get(code="DB").place == "Hà Nội"
    blank = [*ROOT[:7], "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", ""]
    result = workbook_import(make_workbook({"Đơn vị": [blank, CELL]}))
    assert result.applied and len(result.plans["Đơn vị"].updated) == 1
    root = Unit.objects.get(code="DB")
    assert (root.superior_body, root.place) == ("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "Hà Nội")
    assert Unit.objects.get(code="C1").place == "Gia Lâm"  # a cell's own value is kept


def test_a_rename_round_trips_and_an_earlier_report_prints_the_old_name(tree, users, capsys):
    unit_rename(
        user=users["office"], unit=tree.cell_b, name="Chi bộ Bê Mới", on=dt.date(2021, 1, 1)
    )
    first = workbook_export(tree.committee)
    names = read_workbook(first)["Tên đơn vị"]
    assert names == [("Mã đơn vị", "Tên cũ", "Dùng đến ngày"), ("CBB", "Chi bộ B", "31/12/2020")]
    wipe_register()
    result = workbook_import(io.BytesIO(first))
    assert result.applied, [str(error) for error in result.errors][:5]
    assert read_workbook(workbook_export(Unit.objects.get(code="DBT"))) == read_workbook(first)
    cell = Unit.objects.get(code="CBB")
    assert membership.unit_name_on(cell, dt.date(2020, 12, 31)) == "Chi bộ B"
    assert membership.unit_name_on(cell, dt.date(2021, 1, 1)) == "Chi bộ Bê Mới"
    call_command(
        "review_report",
        *("--committee", "DBT", "--from", "2020-01-01", "--to", "2020-12-31"),
        *("--format", "json", "--output", "-"),
    )
    figures = json.loads(capsys.readouterr().out)
    assert "Chi bộ B" in [cell["name"] for cell in figures["cells"]]
    assert "Chi bộ Bê Mới" not in [cell["name"] for cell in figures["cells"]]
    # The same workbook again changes nothing.
    again = workbook_import(io.BytesIO(first))
    assert again.applied and again.plans["Tên đơn vị"].unchanged == 1


def test_wrong_rename_rows_are_reported_and_nothing_is_written(tree):
    tree.cell_b.founded_on = dt.date(2015, 1, 1)
    tree.cell_b.save()
    rows = [
        ["CBB", "Chi bộ Cũ", "31/12/2018"],
        ["CBB", "Chi bộ Rất Cũ", "31/12/2018"],  # the same day twice
        ["XX", "Không có", "01/01/2019"],  # unknown unit
        ["CBB", "Trước thành lập", "01/06/2014"],  # before the cell was founded
        ["CBA", "Ngày tới", "01/01/2999"],  # in the future
        ["CBA", "", "01/01/2019"],  # no name
    ]
    result = workbook_import(make_workbook({"Tên đơn vị": rows}))
    assert not result.applied
    assert errors_of(result) == [
        ("Tên đơn vị", 3, "Dùng đến ngày"),
        ("Tên đơn vị", 4, "Mã đơn vị"),
        ("Tên đơn vị", 5, "Dùng đến ngày"),
        ("Tên đơn vị", 6, "Dùng đến ngày"),
        ("Tên đơn vị", 7, "Tên cũ"),
    ]
    assert not UnitName.objects.exists()


def test_a_committee_inside_a_larger_tree_reimports_its_own_export_where_it_stands():
    """A grassroots committee's office exports its committee (the root row's parent is left
    blank) and imports the file back: the committee stays under its superior, nothing moves."""
    province = ["TINH", "Đảng bộ Tỉnh", "Đảng bộ", "", "", "", "", "", ""]
    committee = ["DB", "Đảng bộ Thử", "Đảng bộ", "TINH", "", "", "", "", ""]
    assert workbook_import(make_workbook({"Đơn vị": [province, committee, CELL]})).applied
    own = workbook_export(Unit.objects.get(code="DB"))
    assert read_workbook(own)["Đơn vị"][1][3] is None  # the export stops at the committee
    again = workbook_import(io.BytesIO(own))
    assert again.applied, [str(error) for error in again.errors]
    assert not again.plans["Đơn vị"].updated
    assert Unit.objects.get(code="DB").parent.code == "TINH"
    assert Unit.objects.filter(parent__isnull=True).count() == 1
