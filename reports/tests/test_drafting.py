import datetime as dt

import pytest

from reports.drafting import (
    issuing_body,
    period_years,
    phrase_percent,
    phrase_share,
    summary_line,
)


@pytest.mark.parametrize(
    "value,text",
    [
        (100, "100%"),
        (100.0, "100%"),
        (98.28, "trên 98%"),
        (15.83, "trên 15%"),
        (98.0, "98%"),
        (0, "0%"),
        (0.5, "trên 0%"),
        (99.99, "trên 99%"),
        (None, ""),
    ],
)
def test_percent_is_phrased_the_partys_way(value, text):
    assert phrase_percent(value) == text


def test_share_and_names():
    assert phrase_share(32, 32, "chi bộ") == "32/32 chi bộ"
    assert issuing_body("Đảng bộ Sở Văn hóa và Thể thao Hà Nội") == (
        "Đảng ủy Sở Văn hóa và Thể thao Hà Nội"
    )
    assert period_years(dt.date(2016, 5, 15), dt.date(2020, 6, 30)) == 4


@pytest.mark.django_db
def test_summary_line_names_the_directive(review):
    assert summary_line(review) == (
        "sơ kết 4 năm thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị “về đẩy "
        "mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”"
    )
