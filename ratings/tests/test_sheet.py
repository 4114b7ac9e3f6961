"""The workbook sheet "Xếp loại": import, bad input, re-import, export round trip."""

import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook

from organisation.tests.factories import PersonFactory
from ratings.models import CapCondition, Level, Rating
from workbook.services import workbook_export, workbook_import
from workbook.testing import make_workbook

pytestmark = pytest.mark.django_db
HEADERS = ["Mã đối tượng", "Năm", "Mức", "Điểm", "Ghi chú"]
GOOD, EXCELLENT = "Hoàn thành tốt nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ"


def book(rows) -> io.BytesIO:
    return make_workbook({"Xếp loại": [HEADERS, *rows]}, with_headers=False)


def history_rows(tree):
    people = tree.members_a + tree.members_b
    rows = [[p.code, 2019, GOOD, None, None] for p in people]
    rows[0][2] = EXCELLENT
    rows.append([tree.cell_a.code, 2019, GOOD, None, "Chi bộ trong sạch"])
    rows.append([tree.members_a[1].code, 2025, GOOD, 85, None])
    return rows


def test_decided_history_imports_and_reimport_changes_nothing(tree, users):
    result = workbook_import(book(history_rows(tree)), user=users["office"])
    assert result.ok, [str(e) for e in result.errors]
    assert Rating.objects.filter(year=2019, person__isnull=False).count() == 6
    first = Rating.objects.get(person=tree.members_a[0], year=2019)
    assert first.level == Level.EXCELLENT and first.imported and first.cell == tree.cell_a
    assert first.committee == tree.committee and first.decided_by == users["office"]
    assert Rating.objects.get(unit=tree.cell_a).note == "Chi bộ trong sạch"
    assert Rating.objects.get(year=2025).score == 85
    history = Rating.history.count()
    again = workbook_import(book(history_rows(tree)), user=users["office"])
    assert again.ok and again.plans["Xếp loại"].unchanged == 8
    assert not again.plans["Xếp loại"].created and not again.plans["Xếp loại"].updated
    assert Rating.history.count() == history


def test_export_round_trips(tree, users):
    workbook_import(book(history_rows(tree)), user=users["office"])
    exported = load_workbook(io.BytesIO(workbook_export(tree.committee)))
    rows = list(exported["Xếp loại"].iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert len(rows) == 9
    assert any(row[0] == tree.members_a[1].code and row[1] == 2025 and row[3] == 85 for row in rows)
    buffer = io.BytesIO()
    fresh = Workbook()
    sheet = fresh.active
    sheet.title = "Xếp loại"
    for row in rows:
        sheet.append(list(row))
    fresh.save(buffer)
    buffer.seek(0)
    result = workbook_import(buffer, user=users["office"])
    assert result.ok and result.plans["Xếp loại"].unchanged == 8


def errors_of(rows, users):
    result = workbook_import(book(rows), user=users["office"])
    assert not result.ok
    assert not Rating.objects.exists()
    return [(e.row, e.column, e.message) for e in result.errors]


def test_bad_levels_scores_and_codes(tree, users):
    member = tree.members_a[1].code
    errors = errors_of(
        [
            [member, 2019, "Tốt", None, None],
            [tree.members_a[2].code, 2025, GOOD, 120, None],
            [tree.members_b[0].code, 2019, GOOD, 80, None],
            ["KHONGCO", 2019, GOOD, None, None],
            [tree.members_b[1].code, 2019, GOOD, None, None],
            [tree.members_b[1].code, 2019, GOOD, None, None],
            [tree.committee.code, 2019, GOOD, None, None],
        ],
        users,
    )
    by_row = {row: (column, message) for row, column, message in errors}
    assert by_row[2][0] == "Mức"
    assert by_row[3][0] == "Điểm"
    assert by_row[4][0] == "Điểm"
    assert by_row[5][0] == "Mã đối tượng"
    assert by_row[7][0] == "Mã đối tượng"
    assert by_row[8][0] == "Mã đối tượng"


def test_someone_outside_the_committee_that_year_is_an_error(tree, users):
    newcomer = PersonFactory(unit=tree.cell_a, party_joined_on=dt.date(2020, 2, 1))
    leaver = PersonFactory(unit=tree.cell_a, moved_out_on=dt.date(2019, 5, 1))
    errors = errors_of(
        [[newcomer.code, 2019, GOOD, None, None], [leaver.code, 2019, GOOD, None, None]], users
    )
    assert [row for row, _c, _m in errors] == [2]
    assert workbook_import(book([[leaver.code, 2019, GOOD, None, None]]), user=users["office"]).ok


def test_the_quota_applies_to_imported_history(tree, users):
    rows = [[p.code, 2019, EXCELLENT, None, None] for p in tree.members_a[:2]] + [
        [p.code, 2019, GOOD, None, None] for p in tree.members_a[2:] + tree.members_b
    ]
    errors = errors_of(rows, users)
    assert len(errors) == 1 and errors[0][1] == "Mức"
    assert "HTXSNV" in errors[0][2]


def test_the_caps_apply_to_imported_history(tree, users):
    CapCondition.objects.create(
        person=tree.members_a[1], year=2019, kind=CapCondition.Kind.DISCIPLINED, source="9-QĐ/UBKT"
    )
    errors = errors_of([[tree.members_a[1].code, 2019, GOOD, None, None]], users)
    assert "9-QĐ/UBKT" in errors[0][2]
    result = workbook_import(
        book([[tree.members_a[1].code, 2019, "Không hoàn thành nhiệm vụ", None, None]]),
        user=users["office"],
    )
    assert result.ok


from hypothesis import example, given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ratings.sheets import parse_score, parse_year  # noqa: E402
from workbook.registry import CellError  # noqa: E402


@given(st.one_of(st.text(max_size=12), st.floats(allow_nan=True), st.integers()))
@example(float("nan"))
@example("NaN")
@example("sNaN")
def test_score_cells_parse_into_range_or_say_why(value):
    _parses_between_or_says_why(parse_score, value, 0, 100)


@given(st.one_of(st.text(max_size=8), st.integers(), st.floats(allow_nan=False)))
def test_year_cells_parse_into_a_year_or_say_why(value):
    _parses_between_or_says_why(parse_year, value, 1930, 2100)


def _parses_between_or_says_why(parse, value, low, high):
    """`parse(value)` is empty or between `low` and `high`, or refuses the cell with a reason."""
    try:
        parsed = parse(value)
    except CellError as error:
        assert str(error)
    else:
        assert parsed is None or low <= parsed <= high
