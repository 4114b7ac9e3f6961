"""The interchange contract end to end: a committee that is not the demo, built only from
the workbook headers of interchange.md, imported with the importer, and its report figures
compared with what the definitions give, worked out by hand below for each figure."""

import datetime as dt

import pytest

from organisation.models import Unit
from reports.figures import compute
from workbook.services import workbook_import
from workbook.testing import make_workbook

SHEETS = {
    "Đơn vị": [
        ["DBX", "Đảng bộ Thử nghiệm X", "Đảng bộ", ""],
        ["BPX", "Đảng bộ bộ phận X", "Đảng bộ bộ phận", "DBX"],
        ["C1", "Chi bộ Một", "Chi bộ", "DBX"],
        ["C2", "Chi bộ Hai", "Chi bộ", "DBX"],
        ["C3", "Chi bộ Ba", "Chi bộ", "BPX"],
    ],
    "Nhân sự": [
        # code, name, birth, gender, unit, member, joined, official, moved out, position, orgs
        [
            "P1",
            "Nguyễn Văn An",
            "01/01/1970",
            "Nam",
            "C1",
            "Chính thức",
            "01/01/2000",
            "01/01/2001",
            "",
            "Bí thư",
            "Công đoàn",
        ],
        [
            "P2",
            "Trần Thị Bình",
            "02/02/1980",
            "Nữ",
            "C1",
            "Chính thức",
            "05/05/2010",
            "05/05/2011",
            "",
            "",
            "",
        ],
        [
            "P3",
            "Lê Văn Cường",
            "03/03/1995",
            "Nam",
            "C1",
            "Dự bị",
            "15/03/2018",
            "",
            "",
            "",
            "Đoàn Thanh niên",
        ],
        [
            "P4",
            "Phạm Thị Dung",
            "04/04/1975",
            "Nữ",
            "C2",
            "Chính thức",
            "01/01/2005",
            "01/01/2006",
            "30/06/2018",
            "",
            "",
        ],
        [
            "P5",
            "Hoàng Văn Em",
            "05/05/1965",
            "Nam",
            "C2",
            "Chính thức",
            "01/01/1995",
            "01/01/1996",
            "31/12/2018",
            "",
            "",
        ],
        [
            "P6",
            "Vũ Thị Giang",
            "06/06/1990",
            "Nữ",
            "C3",
            "Chính thức",
            "31/12/2017",
            "31/12/2018",
            "",
            "",
            "",
        ],
        ["P7", "Đỗ Văn Hùng", "07/07/1992", "Nam", "C3", "", "", "", "", "Nhân viên", "Công đoàn"],
        ["P8", "Ngô Thị Lan", "08/08/1993", "Nữ", "C2", "", "", "", "", "Nhân viên", "Công đoàn"],
    ],
    "Văn bản": [
        [
            "01-KH/ĐU",
            "Kế hoạch",
            "01/03/2017",
            "Đảng ủy Thử nghiệm X",
            "Kế hoạch học tập chuyên đề",
        ],
    ],
    "Chuyên đề": [
        ["CDX-1", "Chuyên đề thử nghiệm năm 2017", "Năm", 2017, 2017, "01-KH/ĐU"],
    ],
    "Hội nghị": [
        ["M1", "Sinh hoạt chuyên đề", "C1", "10/04/2017", "", "Văn hóa công sở"],
        ["M2", "Sinh hoạt định kỳ", "C2", "15/05/2017", "CDX-1", "Học chuyên đề năm"],
        ["M3", "Hội nghị quán triệt", "C1", "20/02/2017", "", "Trước kỳ báo cáo"],
        ["M4", "Học tập", "C3", "10/03/2018", "", "Học tập"],
        ["M5", "Sinh hoạt chuyên đề", "C2", "10/07/2018", "", "Sau kỳ báo cáo"],
        ["M6", "Sinh hoạt chuyên đề", "C3", "05/01/2018", "", "Chuyên đề quý I"],
        ["M7", "Sinh hoạt định kỳ", "C1", "12/06/2017", "", "Tháng 6"],
        ["M8", "Hội nghị quán triệt", "DBX", "01/04/2017", "CDX-1", "Đảng ủy quán triệt"],
    ],
    "Tham dự": [
        ["M1", "P1", "Có"],
        ["M1", "P2", "Vắng có lý do"],
        ["M2", "P4", "Có"],
        ["M2", "P5", "Vắng không lý do"],
        ["M3", "P1", "Có"],
        ["M6", "P6", "Có"],
    ],
    "Cam kết": [
        ["P1", 2017, "10/01/2017", "Trước kỳ báo cáo"],
        ["P2", 2017, "05/03/2017", ""],
        ["P4", 2017, "06/03/2017", ""],
        ["P5", 2017, "07/03/2017", ""],
        ["P6", 2017, "31/12/2017", ""],
        ["P7", 2017, "10/03/2017", ""],
        ["P1", 2018, "01/02/2018", ""],
        ["P3", 2018, "20/03/2018", ""],
        ["P8", 2018, "01/03/2018", ""],
    ],
    "Xếp loại": [
        ["P1", 2017, "Hoàn thành tốt nhiệm vụ", "", ""],
        ["P2", 2017, "Hoàn thành tốt nhiệm vụ", "", ""],
        ["P4", 2017, "Hoàn thành tốt nhiệm vụ", "", ""],
        ["P5", 2017, "Hoàn thành nhiệm vụ", "", ""],
        ["P6", 2017, "Không hoàn thành nhiệm vụ", "", "Kỷ luật khiển trách"],
        ["C1", 2017, "Hoàn thành tốt nhiệm vụ", "", ""],
        ["P1", 2018, "Hoàn thành tốt nhiệm vụ", "", ""],
        ["P3", 2018, "Hoàn thành nhiệm vụ", "", ""],
        ["P4", 2018, "Hoàn thành tốt nhiệm vụ", "", "Đã chuyển đi"],
    ],
    "Hoạt động": [
        [
            "A1",
            "Đoàn Thanh niên",
            "C1",
            "Hiến máu",
            "10/05/2017",
            "Hiến máu đợt 1",
            20,
            18,
            "đơn vị máu",
        ],
        [
            "A2",
            "Đoàn Thanh niên",
            "C2",
            "Hiến máu",
            "10/11/2017",
            "Hiến máu đợt 2",
            15,
            12,
            "đơn vị máu",
        ],
        ["A3", "Công đoàn", "C3", "Từ thiện", "01/02/2017", "Trước kỳ", 10, 1000000, "đồng"],
        ["A4", "Công đoàn", "C3", "Từ thiện", "01/02/2018", "Quyên góp", 30, 5000000, "đồng"],
    ],
    "Kiểm tra": [
        ["K1", "Kiểm tra", 2017, "C1", "Học tập và làm theo", "10/10/2017", "Thực hiện tốt"],
        ["K2", "Giám sát", 2017, "P2", "Nêu gương", "", ""],
        [
            "K3",
            "Kiểm tra",
            2018,
            "C2",
            "Khắc phục theo Nghị quyết TW4",
            "15/05/2018",
            "Còn hạn chế",
        ],
        ["K4", "Kiểm tra", 2016, "C3", "Sinh hoạt chi bộ", "01/11/2016", "Còn hạn chế"],
    ],
    "Khắc phục": [
        ["K1", "Bổ sung biên bản", "31/12/2017", "20/12/2017"],
        ["K1", "Hoàn thiện hồ sơ", "30/11/2017", "15/01/2018"],
        ["K4", "Sinh hoạt đúng kỳ", "30/06/2017", ""],
        ["K3", "Xây dựng kế hoạch khắc phục", "30/09/2018", ""],
    ],
}


@pytest.fixture
def figures(db):
    result = workbook_import(make_workbook(SHEETS))
    assert result.ok, [str(error) for error in result.errors]
    committee = Unit.objects.get(code="DBX")
    return compute(committee, dt.date(2017, 3, 1), dt.date(2018, 6, 30))


def test_importing_the_same_workbook_again_changes_nothing(figures):
    again = workbook_import(make_workbook(SHEETS))
    assert again.ok
    changed = {
        sheet: (plan.created, plan.updated)
        for sheet, plan in again.plans.items()
        if plan.created or plan.updated
    }
    assert not changed


def year(figures, number):
    return next(entry for entry in figures["years"] if entry["year"] == number)


def counts(figures, number, section, *names):
    """The figures `names` of one section of one year, in that order."""
    found = year(figures, number)[section]
    return tuple(found[name] for name in names)


def test_period_and_cells(figures):
    assert figures["committee"]["code"] == "DBX"
    assert figures["period"] == {"from": "2017-03-01", "to": "2018-06-30"}
    assert figures["cells_total"] == 3
    assert [entry["year"] for entry in figures["years"]] == [2017, 2018]


def test_roll(figures):
    # 2017 (31/12/2017): P1 P2 P4 P5 and P6 who joined on the roll date; P3 not yet.
    assert year(figures, 2017)["members_on_roll"] == 5
    # 2018 (30/06/2018, the period's end): P4 moved out that very day; P3 has joined.
    assert year(figures, 2018)["members_on_roll"] == 5


def test_meetings(figures):
    y2017, y2018 = year(figures, 2017), year(figures, 2018)
    # M3 lies before the period; M8 is the committee's, not a cell's.
    assert y2017["briefing"]["cells_held"] == 1
    assert y2017["thematic_meetings"]["cells_held"] == 1
    assert y2017["thematic_meetings"]["meetings"] == 1
    assert y2017["regular_meetings"]["meetings"] == 2
    # M5 lies after the period.
    assert y2018["briefing"]["cells_held"] == 1
    assert y2018["thematic_meetings"]["cells_held"] == 1
    assert y2018["thematic_meetings"]["meetings"] == 1
    assert y2018["regular_meetings"]["meetings"] == 0
    assert y2017["attendance_percent"] == 50.0
    assert y2018["attendance_percent"] == 100.0


def test_pledges(figures):
    # P1's 2017 pledge is dated before the period.
    names = ("members_pledged", "percent", "non_members_pledged")
    assert counts(figures, 2017, "pledges", *names) == (4, 80.0, 1)
    assert counts(figures, 2018, "pledges", *names) == (2, 40.0, 1)


def test_ratings(figures):
    r2017 = year(figures, 2017)["ratings"]
    levels = ("members_rated", "excellent", "good", "complete", "not_complete")
    assert counts(figures, 2017, "ratings", *levels) == (5, 0, 3, 1, 1)
    assert r2017["good_or_better_percent"] == 60.0
    assert r2017["excellent_percent"] == 0.0
    # P4 was rated for 2018 but moved out on the roll date.
    r2018 = year(figures, 2018)["ratings"]
    assert counts(figures, 2018, "ratings", "members_rated", "good", "complete") == (2, 1, 1)
    assert r2018["good_or_better_percent"] == 50.0


def test_activities(figures):
    def simple(entries):
        return [
            (e["kind"], e["count"], e["participants"], float(e["quantity"]), e["unit"])
            for e in entries
        ]

    assert simple(year(figures, 2017)["activities"]) == [("Hiến máu", 2, 35, 30.0, "đơn vị máu")]
    assert simple(year(figures, 2018)["activities"]) == [("Từ thiện", 1, 30, 5000000.0, "đồng")]


def test_inspections(figures):
    assert year(figures, 2017)["inspections"] == {
        "planned": 2,
        "concluded": 1,
        "remediations_open": 2,
        "remediations_done": 1,
        "remediations_late": 2,
    }
    assert year(figures, 2018)["inspections"] == {
        "planned": 1,
        "concluded": 1,
        "remediations_open": 2,
        "remediations_done": 1,
        "remediations_late": 1,
    }
