import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from pledges.models import Pledge, PledgeVersion
from pledges.sheets import PledgeSheet
from pledges.tests.factories import PledgeFactory
from workbook.services import workbook_export, workbook_import
from workbook.testing import read_workbook

pytestmark = pytest.mark.django_db
HEADERS = ["Mã nhân sự", "Năm", "Ngày đăng ký", "Nội dung"]


def book(rows, headers=HEADERS, sheet="Cam kết") -> io.BytesIO:
    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet
    ws.append(headers)
    for row in rows:
        ws.append(row)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text typed as "=…" stays text, as in Excel's 'prefix
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def sheet_values(content: bytes, name: str = "Cam kết") -> list[tuple]:
    return read_workbook(content)[name]


def test_headers_are_exactly_the_contract():
    assert [column.header for column in PledgeSheet.columns] == HEADERS
    assert PledgeSheet.order == 40


def test_import_creates_then_changes_nothing_on_reimport(tree):
    code = tree.members_a[0].code
    rows = [[code, 2019, "15/02/2019", "Cam kết 2019"], [code, 2020, dt.datetime(2020, 1, 5), ""]]
    result = workbook_import(book(rows))
    assert result.ok, result.errors
    assert result.plans["Cam kết"].created and Pledge.objects.count() == 2
    assert Pledge.objects.get(year=2020).registered_on == dt.date(2020, 1, 5)
    again = workbook_import(book(rows))
    assert again.ok and not again.plans["Cam kết"].created and not again.plans["Cam kết"].updated
    assert again.plans["Cam kết"].unchanged == 2


def test_reimport_of_a_changed_confirmed_pledge_keeps_the_old_version(tree, users):
    from django.utils import timezone

    pledge = PledgeFactory(person=tree.members_a[0], confirmed_at=timezone.now())
    rows = [[tree.members_a[0].code, 2019, "15/02/2019", "Nội dung mới"]]
    assert workbook_import(book(rows), user=users["office"]).ok
    pledge.refresh_from_db()
    assert pledge.content == "Nội dung mới" and pledge.version == 2 and not pledge.is_locked
    assert PledgeVersion.objects.get().content.startswith("Tôi xin cam kết")


def test_every_error_is_reported_by_row_and_column_and_nothing_is_written(tree, leaver):
    code = tree.members_a[0].code
    rows = [
        ["KHONG-CO", 2019, "01/02/2019", "x"],  # unknown person
        [code, 2019, "31/02/2019", "x"],  # not a date
        [code, 2019, "01/02/2019", "x"],
        [code, 2019, "03/02/2019", "second"],  # second pledge, same person and year
        [code, 1800, "01/02/2019", "x"],  # implausible year
        [tree.members_a[1].code, 2019, "01/02/2017", "x"],  # date outside the year
        [leaver.code, 2019, "01/05/2019", "x"],  # had left the committee
        [tree.members_a[2].code, None, "01/02/2019", "x"],  # year missing
    ]
    result = workbook_import(book(rows))
    assert not result.applied and not Pledge.objects.exists()
    where = {(error.row, error.column) for error in result.errors}
    assert where >= {
        (2, "Mã nhân sự"),
        (3, "Ngày đăng ký"),
        (5, "Năm"),
        (6, "Năm"),
        (7, "Ngày đăng ký"),
        (8, "Ngày đăng ký"),
        (9, "Năm"),
    }
    messages = " ".join(str(error) for error in result.errors)
    assert "KHONG-CO" in messages and "bản cam kết thứ hai" in messages
    assert "không thuộc Đảng bộ vào ngày 01/05/2019" in messages
    assert "Cam kết, dòng 5" in messages


def test_a_missing_column_is_an_error(tree):
    result = workbook_import(book([["X", 2019, "01/01/2019"]], headers=HEADERS[:3]))
    assert not result.ok and "Nội dung" in str(result.errors[0])


def test_text_starting_with_equals_round_trips_as_text(tree):
    PledgeFactory(person=tree.members_a[0], content="=1+1 là công thức?")
    first = workbook_export(tree.committee)
    assert (tree.members_a[0].code, 2019, "15/02/2019", "=1+1 là công thức?") in sheet_values(first)
    Pledge.objects.all().delete()
    assert workbook_import(io.BytesIO(first)).ok
    assert Pledge.objects.get().content == "=1+1 là công thức?"


def test_export_round_trips(tree):
    PledgeFactory(person=tree.members_a[0], content="Dòng 1\nDòng 2")
    PledgeFactory(person=tree.members_b[0], year=2020, registered_on=dt.date(2020, 1, 2))
    first = workbook_export(tree.committee)
    values = sheet_values(first)
    assert values[0] == tuple(HEADERS)
    assert (tree.members_a[0].code, 2019, "15/02/2019", "Dòng 1\nDòng 2") in values
    Pledge.objects.all().delete()
    assert workbook_import(io.BytesIO(first)).ok
    assert sheet_values(workbook_export(tree.committee)) == values


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    content=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80).map(
        str.strip
    ),
    day=st.dates(min_value=dt.date(2018, 12, 1), max_value=dt.date(2019, 12, 31)),
)
def test_any_content_and_date_round_trip(tree, content, day):
    Pledge.objects.all().delete()
    rows = [[tree.members_a[0].code, 2019, day.strftime("%d/%m/%Y"), content]]
    result = workbook_import(book(rows))
    assert result.ok, result.errors
    pledge = Pledge.objects.get()
    assert pledge.registered_on == day and pledge.content == content
    exported = [row for row in sheet_values(workbook_export(tree.committee))[1:]]
    assert exported == [(tree.members_a[0].code, 2019, day.strftime("%d/%m/%Y"), content or None)]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cell=st.one_of(
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
        st.integers(),
        st.floats(allow_nan=True),
    )
)
def test_garbage_cells_never_crash_the_check(tree, cell):
    result = workbook_import(book([[cell, cell, cell, cell]]), dry_run=True)
    assert not result.applied
    assert not Pledge.objects.exists()
