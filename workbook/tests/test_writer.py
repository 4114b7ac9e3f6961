"""The exported workbook is one a clerk can work in, in Excel or LibreOffice Calc."""

import datetime as dt
import io

from openpyxl import load_workbook

from workbook.registry import handlers
from workbook.services import workbook_export


def test_every_sheet_is_ready_to_work_in(tree):
    book = load_workbook(io.BytesIO(workbook_export(tree.committee)))
    assert book.sheetnames[0] == "Hướng dẫn"
    guide = [row[1] for row in book["Hướng dẫn"].iter_rows(values_only=True)]
    for handler in handlers():
        sheet = book[handler.sheet]
        assert handler.sheet in [row[0] for row in book["Hướng dẫn"].iter_rows(values_only=True)]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")
        assert sheet.auto_filter.ref.endswith(str(sheet.max_row))
        for index, column in enumerate(handler.columns):
            cell = sheet.cell(row=1, column=index + 1)
            assert cell.value == column.header and cell.font.bold
            assert cell.comment is not None
            width = sheet.column_dimensions[cell.column_letter].width
            assert width >= len(column.header)
    assert any(text and "dd/mm/yyyy" in text for text in guide)


def test_choice_columns_offer_their_labels_in_a_drop_down(tree):
    book = load_workbook(io.BytesIO(workbook_export(tree.committee)))
    people = book["Nhân sự"]
    lists = {
        str(rule.sqref).split(":")[0]: rule.formula1
        for rule in people.data_validations.dataValidation
    }
    assert lists["D2"] == '"Nam,Nữ"'  # Giới tính
    assert lists["F2"] == '"Chính thức,Dự bị"'  # Đảng viên
    units = book["Đơn vị"]
    kinds = [rule.formula1 for rule in units.data_validations.dataValidation]
    assert kinds == ['"Đảng bộ,Đảng bộ bộ phận,Chi bộ"']


def test_dates_are_date_cells_shown_dd_mm_yyyy(tree):
    person = tree.members_a[0]
    book = load_workbook(io.BytesIO(workbook_export(tree.committee)))
    sheet = book["Nhân sự"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == person.code)
    joined = row[6]
    assert joined.value == dt.datetime.combine(person.party_joined_on, dt.time())
    assert joined.number_format == "dd/mm/yyyy"


def test_the_template_is_the_same_workbook_without_data(tree):
    template = load_workbook(io.BytesIO(workbook_export(None, template=True)))
    full = load_workbook(io.BytesIO(workbook_export(tree.committee)))
    assert template.sheetnames == full.sheetnames
    for handler in handlers():
        assert template[handler.sheet].max_row == 1
        assert [c.value for c in template[handler.sheet][1]] == [
            c.value for c in full[handler.sheet][1]
        ]
