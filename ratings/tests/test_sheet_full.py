"""A whole workbook (units, people, ratings) imported into an empty database: the ratings are
checked against the people and units the same workbook creates."""

import io

import pytest

from ratings.models import Level, Rating
from workbook.services import workbook_import
from workbook.testing import headers, make_workbook

pytestmark = pytest.mark.django_db


def person(code, name, born, gender, status, joined, official=None, moved_out=None) -> list:
    """A row of "Nhân sự": a person of cell CB1, with no post and no mass organisation."""
    return [code, name, born, gender, "CB1", status, joined, official, moved_out, None, None]


def workbook(rating_rows) -> io.BytesIO:
    full = ("Chính thức", "01/01/2010", "01/01/2011")
    members = [
        person(f"N{n}", f"Nguyễn Văn {chr(64 + n)}", "01/01/1980", "Nam", *full)
        for n in range(1, 7)
    ]
    return make_workbook(
        {
            "Đơn vị": [
                ["Mã đơn vị", "Tên đơn vị", "Loại", "Mã cấp trên"],
                ["DBX", "Đảng bộ X", "Đảng bộ", None],
                ["CB1", "Chi bộ 1", "Chi bộ", "DBX"],
            ],
            "Nhân sự": [
                headers("Nhân sự"),
                *members,
                person("N7", "Trần Thị Mới", "01/01/1990", "Nữ", "Dự bị", "05/03/2020"),
                person(
                    "N8",
                    "Lê Văn Đi",
                    "01/01/1970",
                    "Nam",
                    "Chính thức",
                    "01/01/2000",
                    "01/01/2001",
                    "01/06/2019",
                ),
            ],
            "Xếp loại": [["Mã đối tượng", "Năm", "Mức", "Điểm", "Ghi chú"], *rating_rows],
        },
        with_headers=False,
    )


GOOD, EXCELLENT = "Hoàn thành tốt nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ"


def test_ratings_of_people_created_by_the_same_workbook():
    rows = [[f"N{n}", 2019, GOOD, None, None] for n in range(1, 7)]
    rows[0][2] = EXCELLENT
    rows += [["N8", 2019, GOOD, None, "chuyển đi giữa năm"], ["CB1", 2019, GOOD, None, None]]
    result = workbook_import(workbook(rows))
    assert result.ok, [str(error) for error in result.errors]
    rating = Rating.objects.get(person__code="N1", year=2019)
    assert rating.level == Level.EXCELLENT and rating.cell.code == "CB1"
    assert rating.committee.code == "DBX"
    assert Rating.objects.filter(committee__code="DBX").count() == 8


def test_errors_against_the_same_workbook():
    rows = [[f"N{n}", 2019, EXCELLENT, None, None] for n in range(1, 3)]
    rows += [[f"N{n}", 2019, GOOD, None, None] for n in range(3, 7)]
    rows += [["N7", 2019, GOOD, None, None], ["N8", 2020, GOOD, None, None]]
    result = workbook_import(workbook(rows))
    assert not result.ok and not Rating.objects.exists()
    errors = {(error.row, error.column) for error in result.errors if error.sheet == "Xếp loại"}
    assert (8, "Mã đối tượng") in errors  # N7 joined in 2020
    assert (9, "Mã đối tượng") in errors  # N8 moved out in 2019
    assert any(column == "Mức" for _row, column in errors)  # 2 excellent of 4 good
