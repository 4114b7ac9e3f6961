import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import vn
from workbook.registry import CellError, parse_date, parse_int, parse_text, parse_yes_no


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_a_date_written_dd_mm_yyyy_reads_back(day):
    assert parse_date(vn.format_date(day)) == day
    assert parse_date(f"  {day.day}/{day.month}/{day.year:04d} ") == day
    assert parse_date(day.isoformat()) == day


@given(st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)))
def test_an_excel_date_cell_reads_as_its_date(moment):
    assert parse_date(moment) == moment.date()
    assert parse_date(moment.date()) == moment.date()


@given(st.text(alphabet="0123456789/-.abc ", max_size=12))
def test_a_date_parser_either_reads_or_explains(text):
    try:
        value = parse_date(text)
    except CellError as error:
        assert "dd/mm/yyyy" in str(error)
    else:
        assert value is None or isinstance(value, dt.date)


@pytest.mark.parametrize("text", ["31/02/2020", "2020/13/01", "hôm nay", "12.2020", "00/01/2020"])
def test_impossible_dates_are_refused(text):
    with pytest.raises(CellError):
        parse_date(text)


@given(
    st.sampled_from(["Có", "có", "CÓ", " co ", "x", "X"]),
    st.sampled_from(["Không", "không", "KHONG", "khong "]),
)
def test_yes_no_cells(yes, no):
    assert parse_yes_no(yes) is True
    assert parse_yes_no(no) is False


@given(st.one_of(st.none(), st.just(""), st.just("   ")))
def test_a_blank_yes_no_cell_is_no(blank):
    assert parse_yes_no(blank) is False


@given(
    st.text(min_size=1).filter(
        lambda t: (
            vn.search_key(t) not in {"co", "x", "yes", "1", "true", "khong", "no", "0", "false", ""}
        )
    )
)
def test_anything_else_is_not_yes_or_no(text):
    with pytest.raises(CellError):
        parse_yes_no(text)


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_whole_numbers_read_from_text_and_floats(number):
    assert parse_int(str(number)) == number
    assert parse_int(float(number)) == number
    assert parse_text(float(number)) == str(number)


def test_a_sheet_with_a_wrong_dimension_is_read_to_its_last_row(db):
    import io
    import re
    import zipfile

    from workbook.services import workbook_check
    from workbook.testing import make_workbook

    rows = [["DB", "Đảng bộ", "Đảng bộ", ""], ["C1", "Chi bộ 1", "Chi bộ", "DB"]]
    original = make_workbook({"Đơn vị": rows}).getvalue()
    source, target = zipfile.ZipFile(io.BytesIO(original)), io.BytesIO()
    with zipfile.ZipFile(target, "w") as patched:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="A1:[A-Z]+3"/>', b'<dimension ref="A1"/>', data)
                assert b'<dimension ref="A1"/>' in data
            patched.writestr(item, data)
    result = workbook_check(io.BytesIO(target.getvalue()))
    assert result.ok and result.plans["Đơn vị"].created == ["DB — Đảng bộ", "C1 — Chi bộ 1"]
