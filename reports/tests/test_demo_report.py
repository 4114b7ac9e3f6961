"""After load_demo the report says what the source article says, because the records say so."""

import io
import re

import pytest
from django.core.management import call_command

from news.models import Article
from reports.content import report_content
from reports.models import Review


@pytest.mark.django_db
def test_demo_report_says_what_the_article_says():
    call_command("load_demo", stdout=io.StringIO())
    review = Review.objects.get(committee__code="SVHTT", number_symbol="15-BC/ĐU")
    assert review.directive.number_symbol == "05-CT/TW"
    content = report_content(review)
    figures = content.figures
    assert [entry["year"] for entry in figures["years"]] == [2016, 2017, 2018, 2019, 2020]
    cells = figures["cells_total"]
    assert cells == 32
    # 100% of the cells briefed (the whole-term topic, and the 2020 topic at a regular meeting).
    assert figures["totals"]["cells_briefed"] == figures["totals"]["cells_in_period"] == 33
    assert figures["years"][-1]["briefing"]["cells_held"] == cells
    # A cell merged into another on 01/07/2018: 33 cells until 2017, 32 from 2018; all 33
    # briefed in the period.
    assert [entry["cells_total"] for entry in figures["years"]] == [33, 33, 32, 32, 32]
    assert "33/33 chi bộ (100% số chi bộ)" in content.text("leading")
    for entry in figures["years"]:
        # Every cell held thematic meetings, and 100% of members pledged, every year.
        assert entry["thematic_meetings"]["cells_held"] == entry["cells_total"], entry["year"]
        assert entry["pledges"]["percent"] == 100.0, entry["year"]
    assert (
        "33/33 chi bộ trong các năm 2016–2017 và 32/32 chi bộ trong các năm 2018–2020 "
        "có sinh hoạt chuyên đề"
    ) in content.text("study")
    assert "đăng ký đạt 100% trong các năm 2016–2020" in content.text("standards")
    rated = [entry for entry in figures["years"] if entry["ratings"]["members_rated"]]
    assert len(rated) >= 4
    for entry in rated:
        assert entry["ratings"]["good_or_better_percent"] > 98, entry["year"]
        assert entry["ratings"]["excellent_percent"] > 15, entry["year"]
    example = content.text("example")
    good = re.search(
        r"(?:Trên|từ trên) (\d+)%[^.]*tốt nhiệm vụ|tốt nhiệm vụ[^.]* từ trên (\d+)%", example
    )
    good = next(group for group in good.groups() if group)
    excellent = re.search(r"xuất sắc nhiệm vụ chiếm (?:từ )?trên (\d+)%", example).group(1)
    assert int(good) >= 98 and int(excellent) >= 15
    # Nine directions, written by the committee.
    assert len([line for line in content.text("directions").splitlines() if line.strip()]) == 9
    article = Article.objects.get(origin=f"report:{review.pk}")
    assert "sơ kết 4 năm thực hiện Chỉ thị 05-CT/TW" in article.title
    assert article.published_at.date() > review.issued_on
