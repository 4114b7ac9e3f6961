import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from meetings.models import Attendance, Meeting
from meetings.reference import KIND_LABELS, STATUS_LABELS
from meetings.sheets import ATTENDANCE_SHEET, COMBINED_HEADER, MEETING_SHEET, parse_codes
from workbook.registry import CellError
from workbook.services import workbook_export, workbook_import
from workbook.testing import make_workbook, read_workbook

from .factories import topic

MEETING_HEADERS = ["Mã hội nghị", "Loại", "Mã đơn vị", "Ngày", "Mã chuyên đề", "Nội dung"]
ATTENDANCE_HEADERS = ["Mã hội nghị", "Mã nhân sự", "Có mặt"]


def book(meetings=(), attendance=()) -> io.BytesIO:
    return make_workbook(
        {
            MEETING_SHEET: [MEETING_HEADERS, *meetings],
            ATTENDANCE_SHEET: [ATTENDANCE_HEADERS, *attendance],
        },
        with_headers=False,
    )


def sheet_values(content: bytes) -> dict[str, list[tuple]]:
    workbook = read_workbook(content)
    return {name: workbook[name] for name in (MEETING_SHEET, ATTENDANCE_SHEET)}


@pytest.fixture
def good_rows(tree):
    topic("CD-2020")
    topic("CD-TK-XII")
    a = [p.code for p in tree.members_a]
    meetings = [
        ("HN-1", "Sinh hoạt định kỳ", "CBA", "05/03/2020", "CD-2020", "Sinh hoạt tháng 3"),
        ("HN-2", "hoi nghi quan triet", "DBT", dt.datetime(2016, 6, 10), "CD-TK-XII, CD-2020", ""),
        ("HN-3", "Sinh hoạt chuyên đề", "CBB", "12/05/2020", None, "Văn hóa công sở"),
    ]
    attendance = [
        ("HN-1", a[0], "Có"),
        ("HN-1", a[1], "Vắng có lý do"),
        ("HN-1", a[2], "vắng không lý do"),
        ("HN-2", a[0], "Có"),
    ]
    return meetings, attendance


def test_import_creates_held_meetings_with_attendance(tree, good_rows):
    result = workbook_import(book(*good_rows))
    assert result.ok, [str(e) for e in result.errors]
    assert Meeting.objects.count() == 3 and all(Meeting.objects.values_list("held", flat=True))
    hn2 = Meeting.objects.get(code="HN-2")
    assert (
        hn2.kind == "briefing" and hn2.unit == tree.committee and hn2.date == dt.date(2016, 6, 10)
    )
    assert sorted(hn2.topics.values_list("code", flat=True)) == ["CD-2020", "CD-TK-XII"]
    statuses = dict(
        Attendance.objects.filter(meeting__code="HN-1").values_list("person__code", "status")
    )
    assert sorted(statuses.values()) == ["absent", "excused", "present"]


def test_reimport_changes_nothing(tree, good_rows):
    workbook_import(book(*good_rows))
    history = Meeting.history.count() + Attendance.history.count()
    meetings_before = list(Meeting.objects.order_by("pk").values())
    result = workbook_import(book(*good_rows))
    assert result.ok
    assert result.plans[MEETING_SHEET].created == [] and result.plans[MEETING_SHEET].updated == []
    assert result.plans[MEETING_SHEET].unchanged == 3
    assert result.plans[ATTENDANCE_SHEET].unchanged == 4
    assert list(Meeting.objects.order_by("pk").values()) == meetings_before
    assert Meeting.history.count() + Attendance.history.count() == history


def test_reimport_updates_changed_rows(tree, good_rows):
    meetings, attendance = good_rows
    workbook_import(book(meetings, attendance))
    meetings = [("HN-1", "Học tập", "CBA", "06/03/2020", "", "Đổi")] + meetings[1:]
    attendance = [("HN-1", attendance[0][1], "Vắng có lý do")] + attendance[1:]
    result = workbook_import(book(meetings, attendance))
    assert result.plans[MEETING_SHEET].updated == ["HN-1"]
    hn1 = Meeting.objects.get(code="HN-1")
    assert (hn1.kind, hn1.date, hn1.content, hn1.topics.count()) == (
        "study",
        dt.date(2020, 3, 6),
        "Đổi",
        0,
    )
    assert Attendance.objects.get(meeting=hn1, person__code=attendance[0][1]).status == "excused"


def test_export_round_trips(tree, good_rows):
    workbook_import(book(*good_rows))
    first = workbook_export(tree.committee)
    values = sheet_values(first)
    # The optional column for a combined sitting comes last (docs/interchange.md).
    assert values[MEETING_SHEET][0] == (*MEETING_HEADERS, COMBINED_HEADER)
    assert values[MEETING_SHEET][1] == (
        "HN-2",
        "Hội nghị quán triệt",
        "DBT",
        "10/06/2016",
        "CD-2020, CD-TK-XII",
        None,
        None,
    )
    assert values[ATTENDANCE_SHEET][1][2] in STATUS_LABELS.values()
    # Into an empty meetings table, then out again: the same cells.
    Attendance.objects.all().delete()
    Meeting.objects.all().delete()
    result = workbook_import(io.BytesIO(first))
    assert result.ok, [str(e) for e in result.errors]
    assert sheet_values(workbook_export(tree.committee)) == values


def test_planned_meetings_are_not_exported(tree, meeting_a):
    Meeting.objects.filter(pk=meeting_a.pk).update(held=False)
    assert len(sheet_values(workbook_export(tree.committee))[MEETING_SHEET]) == 1


def test_errors_import_nothing(tree, good_rows):
    meetings, attendance = good_rows
    bad_meetings = meetings + [
        ("HN-1", "Sinh hoạt định kỳ", "CBA", "05/04/2020", None, "trùng mã"),
        ("HN-4", "Họp", "CBA", "05/04/2020", None, "loại sai"),
        ("HN-5", "Học tập", "KHONG-CO", "31/02/2020", None, "đơn vị và ngày sai"),
        ("HN-6", "Học tập", "CBA", "01/04/2020", "CD-9999", "chuyên đề lạ"),
        (None, "Học tập", "CBA", "01/04/2020", None, "thiếu mã"),
    ]
    bad_attendance = attendance + [
        ("HN-404", tree.members_a[0].code, "Có"),
        ("HN-1", "NS-KHONG-CO", "Có"),
        ("HN-1", tree.members_a[0].code, "Có"),
        ("HN-3", tree.members_b[0].code, "Đến muộn"),
    ]
    result = workbook_import(book(bad_meetings, bad_attendance))
    assert not result.applied
    assert Meeting.objects.count() == 0 and Attendance.objects.count() == 0
    messages = [(e.sheet, e.row, e.column) for e in result.errors]
    assert (MEETING_SHEET, 5, "Mã hội nghị") in messages  # duplicate code
    assert (MEETING_SHEET, 6, "Loại") in messages
    assert (MEETING_SHEET, 7, "Mã đơn vị") in messages
    assert (MEETING_SHEET, 7, "Ngày") in messages
    assert (MEETING_SHEET, 8, "Mã chuyên đề") in messages
    assert (MEETING_SHEET, 9, "Mã hội nghị") in messages
    assert (ATTENDANCE_SHEET, 6, "Mã hội nghị") in messages
    assert (ATTENDANCE_SHEET, 7, "Mã nhân sự") in messages
    assert (ATTENDANCE_SHEET, 8, "Mã nhân sự") in messages
    assert (ATTENDANCE_SHEET, 9, "Có mặt") in messages
    text = " ".join(str(e) for e in result.errors)
    assert "mã hội nghị HN-404 không có trong tệp" in text
    assert "mã nhân sự NS-KHONG-CO không có trong tệp" in text


def test_attendance_for_a_meeting_already_in_the_database(tree, meeting_a):
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheet = workbook.create_sheet(ATTENDANCE_SHEET)
    sheet.append(ATTENDANCE_HEADERS)
    sheet.append([meeting_a.code, tree.members_a[0].code, "x"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    result = workbook_import(buffer)
    assert not result.ok  # "x" is not a status
    sheet["C2"] = "Có"
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    assert workbook_import(buffer).ok
    assert meeting_a.attendance.get().status == "present"


def test_big_workbook_uses_bulk_writes(tree, django_assert_max_num_queries):
    people = [p.code for p in tree.members_a + tree.members_b]
    meetings = [
        (
            f"HN{i:05d}",
            "Sinh hoạt định kỳ",
            "CBA" if i % 2 else "CBB",
            dt.date(2019, 1, 1) + dt.timedelta(days=i % 700),
            None,
            "",
        )
        for i in range(1500)
    ]
    attendance = [(code, person, "Có") for code, *_ in meetings for person in people]
    content = book(meetings, attendance)
    with django_assert_max_num_queries(90):  # fixed, whatever the rows; +stored-figure counters
        result = workbook_import(content)
    assert result.ok and Attendance.objects.count() == 9000


def test_parse_codes():
    assert parse_codes(" CD-2020 ; CD-TK-XII ") == ["CD-2020", "CD-TK-XII"]
    assert parse_codes("") is None
    with pytest.raises(CellError):
        parse_codes("CD-2020, CD-2020")


kinds = st.sampled_from(list(KIND_LABELS.values()))
statuses = st.sampled_from(list(STATUS_LABELS.values()))
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(
            kinds,
            st.sampled_from(["CBA", "CBB"]),
            dates,
            # Text that starts with "=" is a formula to a spreadsheet (typed as '= in Excel).
            st.text(
                alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=30
            ).filter(lambda text: not text.strip().startswith("=")),
            st.lists(statuses, min_size=3, max_size=3),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_round_trip_property(tree, rows):
    Attendance.objects.all().delete()
    Meeting.objects.all().delete()
    members = {"CBA": tree.members_a, "CBB": tree.members_b}
    meetings = [
        (f"P{i}", kind, unit, date.strftime("%d/%m/%Y"), None, text.strip() or None)
        for i, (kind, unit, date, text, _) in enumerate(rows)
    ]
    attendance = [
        (f"P{i}", person.code, status)
        for i, (_, unit, _, _, marks) in enumerate(rows)
        for person, status in zip(members[unit], marks, strict=True)
    ]
    result = workbook_import(book(meetings, attendance))
    assert result.ok, [str(e) for e in result.errors]
    exported = sheet_values(workbook_export(tree.committee))
    Attendance.objects.all().delete()
    Meeting.objects.all().delete()
    assert workbook_import(io.BytesIO(workbook_export_bytes(exported))).ok
    assert sheet_values(workbook_export(tree.committee)) == exported


def workbook_export_bytes(values: dict[str, list[tuple]]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in values.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
