import datetime as dt
import io
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from activities.models import Activity, Commendation
from activities.sheets import ActivitySheet, CommendationSheet
from activities.tests.factories import ActivityFactory, CommendationFactory, kind
from organisation.tests.factories import MassOrganisationFactory
from workbook.services import workbook_export, workbook_import
from workbook.testing import make_workbook, read_workbook

pytestmark = pytest.mark.django_db
ACTIVITY_HEADERS = [
    "Mã hoạt động",
    "Đoàn thể",
    "Mã đơn vị",
    "Loại",
    "Ngày",
    "Tên hoạt động",
    "Số người tham gia",
    "Số lượng",
    "Đơn vị tính",
]
COMMENDATION_HEADERS = [
    "Mã khen thưởng",
    "Mã đối tượng",
    "Cấp",
    "Hình thức",
    "Số quyết định",
    "Ngày quyết định",
    "Lý do",
]


def activities_book(rows):
    return make_workbook({"Hoạt động": [ACTIVITY_HEADERS, *rows]}, with_headers=False)


def commendations_book(rows):
    return make_workbook({"Khen thưởng": [COMMENDATION_HEADERS, *rows]}, with_headers=False)


def values(content: bytes, name: str) -> list[tuple]:
    return read_workbook(content)[name]


@pytest.fixture
def youth(db):
    return MassOrganisationFactory(name="Đoàn Thanh niên")


def test_headers_and_orders():
    assert [c.header for c in ActivitySheet.columns] == ACTIVITY_HEADERS
    assert [c.header for c in CommendationSheet.columns] == COMMENDATION_HEADERS
    assert (ActivitySheet.order, CommendationSheet.order) == (45, 46)


def test_activities_import_once_and_reimport_changes_nothing(tree, youth):
    rows = [
        [
            "HD-1",
            "Đoàn Thanh niên",
            "CBA",
            "Hiến máu",
            "26/03/2019",
            "Hiến máu",
            45,
            40,
            "đơn vị máu",
        ],
        [
            "HD-2",
            "doan thanh nien",
            "DBT",
            "tu thien",
            "01/06/2019",
            "Từ thiện",
            20,
            12500000,
            None,
        ],
    ]
    result = workbook_import(activities_book(rows))
    assert result.ok, result.errors
    assert Activity.objects.get(code="HD-2").quantity == Decimal(12_500_000)
    assert Activity.objects.get(code="HD-2").kind == kind("Từ thiện")
    again = workbook_import(activities_book(rows))
    plan = again.plans["Hoạt động"]
    assert again.ok and not plan.created and not plan.updated and plan.unchanged == 2
    rows[0][6] = 50
    changed = workbook_import(activities_book(rows))
    assert changed.plans["Hoạt động"].updated == ["HD-1 — Hiến máu"]
    assert Activity.objects.get(code="HD-1").participants == 50


def test_activity_errors_by_row_and_column_and_nothing_written(tree, youth):
    rows = [
        ["HD-1", "Hội Không Có", "CBA", "Hiến máu", "26/03/2019", "x", 1, 1, ""],
        ["HD-2", "Đoàn Thanh niên", "KHONG", "Hiến máu", "26/03/2019", "x", 1, 1, ""],
        ["HD-3", "Đoàn Thanh niên", "CBA", "Múa lân", "26/03/2019", "x", 1, 1, ""],
        ["HD-4", "Đoàn Thanh niên", "CBA", "Hiến máu", "01/01/1920", "x", 1, 1, ""],
        ["HD-5", "Đoàn Thanh niên", "CBA", "Hiến máu", "01/01/2999", "x", 1, 1, ""],
        ["HD-6", "Đoàn Thanh niên", "CBA", "Hiến máu", "26/03/2019", "x", -4, 1, ""],
        ["HD-7", "Đoàn Thanh niên", "CBA", "Hiến máu", "26/03/2019", "x", 1, -1, ""],
        ["HD-7", "Đoàn Thanh niên", "CBA", "Hiến máu", "26/03/2019", "x", 1, 1, ""],
        ["HD-9", "Đoàn Thanh niên", "CBA", "Hiến máu", "26/03/2019", "x", "nhiều", 1, ""],
    ]
    result = workbook_import(activities_book(rows))
    assert not result.applied and not Activity.objects.exists()
    where = {(e.row, e.column) for e in result.errors}
    assert where >= {
        (2, "Đoàn thể"),
        (3, "Mã đơn vị"),
        (4, "Loại"),
        (5, "Ngày"),
        (6, "Ngày"),
        (7, "Số người tham gia"),
        (8, "Số lượng"),
        (9, "Mã hoạt động"),
        (10, "Số người tham gia"),
    }
    text = " ".join(str(e) for e in result.errors)
    assert "không được âm" in text and "01/01/1930" in text and "Múa lân" in text


def test_activities_export_round_trips(tree, youth):
    ActivityFactory(unit=tree.cell_a, organisation=youth, code="HD-A", quantity=Decimal("36"))
    ActivityFactory(
        unit=tree.committee,
        organisation=youth,
        code="HD-B",
        kind=kind("Tình nguyện"),
        quantity=None,
        measure_unit="",
        participants=0,
    )
    ActivityFactory(
        unit=tree.cell_b,
        organisation=youth,
        code="HD-C",
        quantity=Decimal("2.5"),
        measure_unit="tấn",
    )
    first = workbook_export(tree.committee)
    exported = values(first, "Hoạt động")
    assert exported[0] == tuple(ACTIVITY_HEADERS)
    assert ("HD-A", "Đoàn Thanh niên", "CBA", "Hiến máu", "26/03/2019") == exported[1][:5]
    Activity.objects.all().delete()
    assert workbook_import(io.BytesIO(first)).ok
    assert values(workbook_export(tree.committee), "Hoạt động") == exported


def test_commendations_import_round_trip_and_errors(tree):
    CommendationFactory(person=tree.members_a[0], code="KT-1")
    CommendationFactory(person=None, unit=tree.cell_b, code="KT-2", level="higher", reason="")
    first = workbook_export(tree.committee)
    exported = values(first, "Khen thưởng")
    assert exported[0] == tuple(COMMENDATION_HEADERS)
    assert ("KT-2", "CBB", "Cấp trên", "Giấy khen", "123-QĐ/ĐU", "19/05/2019", None) in exported
    Commendation.objects.all().delete()
    assert workbook_import(io.BytesIO(first)).ok
    assert values(workbook_export(tree.committee), "Khen thưởng") == exported
    assert workbook_import(io.BytesIO(first)).plans["Khen thưởng"].unchanged == 2
    bad = [
        ["KT-9", "KHONG-CO", "Cấp cơ sở", "Giấy khen", "", "19/05/2019", ""],
        ["KT-10", tree.members_a[0].code, "Cấp tỉnh", "Giấy khen", "", "19/05/2019", ""],
        ["KT-11", tree.members_a[0].code, "Cấp cơ sở", "", "", "19/05/2019", ""],
        ["KT-12", tree.members_a[0].code, "Cấp cơ sở", "Giấy khen", "", "19/05/1900", ""],
    ]
    result = workbook_import(commendations_book(bad))
    where = {(e.row, e.column) for e in result.errors}
    assert where >= {
        (2, "Mã đối tượng"),
        (3, "Cấp"),
        (4, "Hình thức"),
        (5, "Ngày quyết định"),
    }
    assert Commendation.objects.count() == 2


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    participants=st.integers(min_value=0, max_value=10_000),
    quantity=st.one_of(
        st.none(), st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False)
    ),
    day=st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2020, 12, 31)),
)
def test_any_plausible_activity_round_trips(tree, youth, participants, quantity, day):
    Activity.objects.all().delete()
    row = [
        "HD-H",
        "Đoàn Thanh niên",
        "CBA",
        "Khác",
        day.strftime("%d/%m/%Y"),
        "Hoạt động",
        participants,
        float(quantity) if quantity is not None else None,
        "cái",
    ]
    result = workbook_import(activities_book([row]))
    assert result.ok, result.errors
    activity = Activity.objects.get()
    assert activity.date == day and activity.participants == participants
    if quantity is not None:
        assert activity.quantity == Decimal(str(float(quantity))).quantize(Decimal("0.01"))
    first = values(workbook_export(tree.committee), "Hoạt động")
    Activity.objects.all().delete()
    workbook_import(io.BytesIO(workbook_export_bytes(first)))
    assert values(workbook_export(tree.committee), "Hoạt động") == first


def workbook_export_bytes(rows: list[tuple]) -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Hoạt động"
    for row in rows:
        ws.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
