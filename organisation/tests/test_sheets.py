import datetime as dt

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import vn
from organisation.models import MassOrganisation, Person, Posting, Unit
from organisation.selectors import roll_on
from workbook.services import workbook_export, workbook_import
from workbook.testing import make_workbook, read_workbook

UNITS = [
    ["DB", "Đảng bộ Thử", "Đảng bộ", ""],
    ["BP", "Đảng bộ bộ phận Một", "Đảng bộ bộ phận", "DB"],
    ["C1", "Chi bộ Một", "Chi bộ", "BP"],
    ["C2", "Chi bộ Hai", "chi bo", "DB"],
]


def person(code="NS1", unit="C1", **changes):
    row = {
        "code": code,
        "name": "Nguyễn Văn An",
        "birth": "01/02/1980",
        "gender": "Nam",
        "unit": unit,
        "party": "Chính thức",
        "joined": "03/04/2005",
        "official": "03/04/2006",
        "moved": "",
        "position": "Chuyên viên",
        "mass": "Công đoàn, Hội Cựu chiến binh",
    }
    row.update(changes)
    return list(row.values())


def errors_of(result):
    return [(e.sheet, e.row, e.column) for e in result.errors]


@pytest.mark.django_db
def test_import_creates_the_tree_and_the_people():
    book = make_workbook(
        {
            "Đơn vị": UNITS,
            "Nhân sự": [
                person(),
                person(
                    "NS2",
                    "C2",
                    name="Trần Thị Bình",
                    gender="Nữ",
                    party="Dự bị",
                    official="",
                    mass="Hội Phụ nữ",
                ),
                person("NS3", "C2", name="Lê Văn Cường", party="", joined="", official="", mass=""),
            ],
        }
    )
    result = workbook_import(book)
    assert result.ok and result.applied, result.errors
    committee = Unit.objects.get(code="DB")
    assert Unit.objects.get(code="C1").path.startswith(committee.path)
    assert Unit.objects.get(code="C2").kind == Unit.Kind.CELL
    an = Person.objects.get(code="NS1")
    assert an.birth_date == dt.date(1980, 2, 1)
    assert an.party_status == Person.PartyStatus.FULL
    assert {m.name for m in an.mass_organisations.all()} == {"Công đoàn", "Hội Cựu chiến binh"}
    assert Person.objects.get(code="NS2").party_status == Person.PartyStatus.PROBATIONARY
    assert Person.objects.get(code="NS3").party_status == ""
    assert {p.code for p in roll_on(committee, dt.date(2010, 1, 1))} == {"NS1", "NS2"}
    assert an.history.get().history_type == "+"
    assert an.history.get().full_name == "Nguyễn Văn An"  # written as a plain row
    assert an.search_key == "nguyen van an ns1" and an.sort_key  # found by the pickers


@pytest.mark.django_db
def test_importing_the_same_workbook_twice_changes_nothing():
    sheets = {"Đơn vị": UNITS, "Nhân sự": [person(), person("NS2", "C2", mass="")]}
    assert workbook_import(make_workbook(sheets)).applied
    counts = (Unit.history.count(), Person.history.count(), Posting.objects.count())
    again = workbook_import(make_workbook(sheets))
    assert again.applied
    assert again.plans["Đơn vị"].unchanged == 4 and not again.plans["Đơn vị"].updated
    assert again.plans["Nhân sự"].unchanged == 2 and not again.plans["Nhân sự"].created
    assert (Unit.history.count(), Person.history.count(), Posting.objects.count()) == counts


@pytest.mark.django_db
def test_a_changed_unit_code_transfers_the_person():
    workbook_import(make_workbook({"Đơn vị": UNITS, "Nhân sự": [person()]}))
    result = workbook_import(
        make_workbook({"Nhân sự": [person(unit="C2", position="Trưởng phòng")]})
    )
    assert result.plans["Nhân sự"].updated == ["NS1 — Nguyễn Văn An (Mã đơn vị, Chức vụ)"]
    an = Person.objects.get(code="NS1")
    assert an.unit.code == "C2" and an.position == "Trưởng phòng"
    today = timezone.localdate()
    old, new = an.postings.order_by("pk")
    assert (old.unit.code, old.end) == ("C1", today)
    assert (new.unit.code, new.start, new.end) == ("C2", today, None)


@pytest.mark.django_db
def test_a_move_out_date_closes_the_posting_and_clearing_it_reopens():
    workbook_import(make_workbook({"Đơn vị": UNITS, "Nhân sự": [person()]}))
    workbook_import(make_workbook({"Nhân sự": [person(moved="15/06/2019")]}))
    an = Person.objects.get(code="NS1")
    assert an.moved_out_on == dt.date(2019, 6, 15)
    assert an.postings.get().end == dt.date(2019, 6, 15)
    workbook_import(make_workbook({"Nhân sự": [person()]}))
    assert Person.objects.get(code="NS1").postings.get().end is None


@pytest.mark.django_db
def test_unknown_mass_organisations_are_created_and_matched_loosely():
    MassOrganisation.objects.create(name="Đoàn Thanh niên", short_name="ĐTN")
    result = workbook_import(
        make_workbook({"Đơn vị": UNITS, "Nhân sự": [person(mass="doan thanh nien; DTN, Hội Mới")]})
    )
    assert result.applied
    assert "đoàn thể: Hội Mới" in result.plans["Nhân sự"].created
    assert {m.name for m in Person.objects.get().mass_organisations.all()} == {
        "Đoàn Thanh niên",
        "Hội Mới",
    }


FUTURE = vn.format_date(timezone.localdate() + dt.timedelta(days=3))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "units,people,expected",
    [
        (UNITS + [["C1", "Trùng", "Chi bộ", "DB"]], [], [("Đơn vị", 6, "Mã đơn vị")]),
        (UNITS + [["C9", "Mồ côi", "Chi bộ", "XX"]], [], [("Đơn vị", 6, "Mã cấp trên")]),
        (
            UNITS + [["DB2", "Gốc khác", "Đảng bộ", ""]],
            [],
            [("Đơn vị", 2, "Mã cấp trên"), ("Đơn vị", 6, "Mã cấp trên")],
        ),
        (
            [
                UNITS[0],
                ["X1", "X1", "Đảng bộ bộ phận", "X2"],
                ["X2", "X2", "Đảng bộ bộ phận", "X1"],
            ],
            [],
            [("Đơn vị", 3, "Mã cấp trên"), ("Đơn vị", 4, "Mã cấp trên")],
        ),
        (UNITS + [["C5", "Dưới chi bộ", "Chi bộ", "C1"]], [], [("Đơn vị", 6, "Mã cấp trên")]),
        (UNITS + [["C6", "Loại lạ", "Tổ đảng", "DB"]], [], [("Đơn vị", 6, "Loại")]),
        ([["C1", "Chi bộ gốc", "Chi bộ", ""]], [], [("Đơn vị", 2, "Loại")]),
        (UNITS, [person(), person()], [("Nhân sự", 3, "Mã nhân sự")]),
        (UNITS, [person(unit="ZZ")], [("Nhân sự", 2, "Mã đơn vị")]),
        (UNITS, [person(birth="31/02/1980")], [("Nhân sự", 2, "Ngày sinh")]),
        (UNITS, [person(joined="hôm qua")], [("Nhân sự", 2, "Ngày vào Đảng")]),
        (UNITS, [person(joined=FUTURE, official="")], [("Nhân sự", 2, "Ngày vào Đảng")]),
        (UNITS, [person(moved="01/01/2000")], [("Nhân sự", 2, "Ngày chuyển đi")]),
        (UNITS, [person(party="Dự bị")], [("Nhân sự", 2, "Ngày chính thức")]),
        (UNITS, [person(party="Chính thức", joined="")], [("Nhân sự", 2, "Ngày vào Đảng")]),
        (UNITS, [person(party="Quần chúng")], [("Nhân sự", 2, "Đảng viên")]),
        (UNITS, [person(gender="Khác")], [("Nhân sự", 2, "Giới tính")]),
        (UNITS, [person(name="")], [("Nhân sự", 2, "Họ và tên")]),
    ],
    ids=[
        "duplicate unit",
        "unknown parent",
        "two roots",
        "cycle",
        "unit under a cell",
        "unknown kind",
        "root not a committee",
        "duplicate person",
        "unknown unit",
        "bad date",
        "not a date",
        "future date",
        "move-out before joining",
        "probationary with official date",
        "member without joining date",
        "unknown membership",
        "unknown gender",
        "missing name",
    ],
)
def test_bad_input_is_an_error_at_its_cell_and_nothing_is_written(units, people, expected):
    result = workbook_import(make_workbook({"Đơn vị": units, "Nhân sự": people}))
    assert not result.applied
    assert errors_of(result) == expected, [str(e) for e in result.errors]
    assert all(error.message for error in result.errors)
    assert not Unit.objects.exists() and not Person.objects.exists()


@pytest.mark.django_db
def test_error_messages_are_in_vietnamese():
    result = workbook_import(
        make_workbook(
            {"Đơn vị": UNITS, "Nhân sự": [person(party="Dự bị"), person("NS2", unit="Q")]}
        )
    )
    text = "\n".join(str(error) for error in result.errors)
    assert (
        "Nhân sự, dòng 2, cột “Ngày chính thức”: Đảng viên dự bị chưa có ngày chính thức." in text
    )
    assert "không có đơn vị nào mã Q" in text


@pytest.mark.django_db
def test_a_unit_existing_in_the_database_is_a_valid_parent_and_a_second_root_is_not():
    workbook_import(make_workbook({"Đơn vị": UNITS}))
    ok = workbook_import(make_workbook({"Đơn vị": [["C7", "Chi bộ Bảy", "Chi bộ", "BP"]]}))
    assert ok.applied and Unit.objects.get(code="C7").parent.code == "BP"
    bad = workbook_import(make_workbook({"Đơn vị": [["NEW", "Gốc mới", "Đảng bộ", ""]]}))
    assert errors_of(bad) == [("Đơn vị", 2, "Mã cấp trên")]


@pytest.mark.django_db
def test_moving_a_unit_rebuilds_the_paths_of_its_subtree():
    workbook_import(make_workbook({"Đơn vị": UNITS, "Nhân sự": [person()]}))
    moved = [
        UNITS[0],
        ["BP", "Đảng bộ bộ phận Một", "Đảng bộ bộ phận", "C2x"],
        UNITS[2],
        ["C2x", "Đảng bộ bộ phận Hai", "Đảng bộ bộ phận", "DB"],
    ]
    assert workbook_import(make_workbook({"Đơn vị": moved})).applied
    c2x, c1 = Unit.objects.get(code="C2x"), Unit.objects.get(code="C1")
    assert c1.path.startswith(c2x.path) and c1.depth == 3
    assert Person.objects.get().pk in set(
        Person.objects.filter(unit__path__startswith=c2x.path).values_list("pk", flat=True)
    )


@pytest.mark.django_db
def test_export_then_import_into_an_empty_database_gives_the_same_workbook(tree):
    tree.members_a[0].mass_organisations.add(MassOrganisation.objects.create(name="Công đoàn"))
    Person.objects.filter(pk=tree.members_b[0].pk).update(moved_out_on=dt.date(2019, 1, 2))
    first = workbook_export(tree.committee)
    rows = read_workbook(first)
    assert rows["Đơn vị"][1][:4] == ("DBT", "Đảng bộ thử nghiệm", "Đảng bộ", None)
    Posting.objects.all().delete()
    Person.objects.all().delete()
    for unit in Unit.objects.order_by("-depth"):
        unit.delete()
    import io

    assert workbook_import(io.BytesIO(first)).applied
    second = workbook_export(Unit.objects.get(code="DBT"))
    assert read_workbook(second) == rows


dates = st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2020, 12, 31))


@st.composite
def people_rows(draw):
    count = draw(st.integers(min_value=1, max_value=8))
    codes = draw(
        st.lists(
            st.from_regex(r"[A-Z]{2}[0-9]{3}", fullmatch=True),
            min_size=count,
            max_size=count,
            unique=True,
        )
    )
    rows = []
    for code in codes:
        birth = draw(dates)
        status = draw(st.sampled_from(["", "Chính thức", "Dự bị"]))
        joined = official = moved = None
        if status:
            joined = draw(
                st.dates(min_value=birth + dt.timedelta(days=1), max_value=dt.date(2024, 1, 1))
            )
            if status == "Chính thức" and draw(st.booleans()):
                official = joined + dt.timedelta(days=365)
            if draw(st.booleans()):
                moved = joined + dt.timedelta(days=draw(st.integers(0, 400)))
        name = " ".join(
            draw(
                st.lists(
                    st.sampled_from(["Nguyễn", "Thị", "Ánh", "Đức", "An"]), min_size=2, max_size=4
                )
            )
        )
        as_cell = draw(st.booleans())  # dates as Excel date cells or as dd/mm/yyyy text
        fmt = (lambda d: d) if as_cell else vn.format_date
        rows.append(
            [
                code,
                name,
                fmt(birth),
                draw(st.sampled_from(["Nam", "Nữ", ""])),
                draw(st.sampled_from(["C1", "C2"])),
                status,
                fmt(joined) if joined else "",
                fmt(official) if official else "",
                fmt(moved) if moved else "",
                draw(st.sampled_from(["", "Chuyên viên"])),
                draw(st.sampled_from(["", "Công đoàn", "Công đoàn, Hội Phụ nữ"])),
            ]
        )
    return rows


@pytest.mark.django_db
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=people_rows())
def test_any_valid_workbook_imports_once_and_exports_the_same_values(rows):
    Posting.objects.all().delete()
    Person.objects.all().delete()
    for unit in Unit.objects.order_by("-depth"):
        unit.delete()
    book = {"Đơn vị": UNITS, "Nhân sự": rows}
    first = workbook_import(make_workbook(book))
    assert first.applied, [str(e) for e in first.errors]
    second = workbook_import(make_workbook(book))
    assert not second.plans["Nhân sự"].created and not second.plans["Nhân sự"].updated
    exported = read_workbook(workbook_export(Unit.objects.get(code="DB")))["Nhân sự"][1:]
    as_text = sorted(
        tuple(vn.format_date(v) if isinstance(v, dt.date) else (v or None) for v in row)
        for row in rows
    )
    assert sorted(tuple(v or None for v in row) for row in exported) == as_text


@pytest.mark.django_db
def test_a_unit_with_units_under_it_cannot_become_a_cell():
    workbook_import(make_workbook({"Đơn vị": UNITS}))
    result = workbook_import(make_workbook({"Đơn vị": [["BP", "Một", "Chi bộ", "DB"]]}))
    assert errors_of(result) == [("Đơn vị", 2, "Loại")]
    assert "C1" in result.errors[0].message
    assert Unit.objects.get(code="BP").kind == Unit.Kind.SUB_COMMITTEE


CORRUPTIONS = {
    # column index → (bad value, column header)
    0: ("", "Mã nhân sự"),
    2: ("30/02/1985", "Ngày sinh"),
    3: ("Khác", "Giới tính"),
    4: ("KHONGCO", "Mã đơn vị"),
    5: ("Quần chúng", "Đảng viên"),
    6: ("ngày 3 tháng 4", "Ngày vào Đảng"),
    8: ("01/01/1999", "Ngày chuyển đi"),  # before joining (03/04/2005)
}


@pytest.mark.django_db
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    count=st.integers(min_value=1, max_value=6),
    bad_row=st.integers(min_value=0, max_value=5),
    column=st.sampled_from(sorted(CORRUPTIONS)),
)
def test_one_bad_cell_anywhere_imports_nothing_and_is_reported_there(count, bad_row, column):
    bad_row = bad_row % count
    rows = [person(f"NS{index}") for index in range(count)]
    value, header = CORRUPTIONS[column]
    rows[bad_row][column] = value
    result = workbook_import(make_workbook({"Đơn vị": UNITS, "Nhân sự": rows}))
    assert not result.applied
    assert ("Nhân sự", bad_row + 2, header) in errors_of(result)
    assert not Unit.objects.exists() and not Person.objects.exists()
