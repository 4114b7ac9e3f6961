"""The drafted text: the party's wording of figures, no claim without a figure, no machine
repetition, and the sections only people write flagged until they are written."""

import datetime as dt
import re
from collections import Counter

import pytest
from django.core.exceptions import ValidationError

from core.actors import SYSTEM
from organisation.models import Unit
from reports import services
from reports.content import report_content
from reports.drafting import summary_line
from reports.models import WRITTEN_SECTIONS
from reports.phrasing import (
    grouped,
    issuing_body,
    period_years,
    phrase_percent,
    phrase_ratio,
    years_label,
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


def test_a_ratio_is_phrased_from_the_counts_never_from_a_rounded_percentage():
    assert phrase_ratio(2449, 2450) == "trên 99%"  # 99.96% rounds to 100.0
    assert phrase_ratio(24499, 25000) == "trên 97%"  # 97.996%
    assert phrase_ratio(49, 50) == "98%" and phrase_ratio(7, 7) == "100%"
    assert phrase_ratio(0, 0) == ""


def test_years_are_grouped_when_their_figures_agree():
    entries = [{"year": 2016, "v": 1}, {"year": 2017, "v": 1}, {"year": 2018, "v": 2}]
    assert grouped(entries, lambda e: e["v"]) == [([2016, 2017], 1), ([2018], 2)]
    assert years_label([2016, 2017, 2018]) == "các năm 2016–2018"
    assert years_label([2016, 2018]) == "các năm 2016, 2018"
    assert years_label([2019]) == "năm 2019"


def test_names_and_years():
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


# Words that claim something was done; a committee without records must not read them.
CLAIMS = re.compile(
    r"\b(đã tổ chức|đã được|đã quán triệt|được duy trì|thường xuyên|hằng năm|đã ban hành|"
    r"đã xây dựng|đã hoàn thành|thu hút|đã triển khai|trở thành|đột phá|chuyển biến)\b",
    re.IGNORECASE,
)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.;:])\s+|\n", text) if s.strip()]


@pytest.mark.django_db
def test_a_committee_without_records_reads_no_claim(users):
    empty = Unit.objects.create(code="RONG", name="Đảng bộ Trống", kind=Unit.Kind.COMMITTEE)
    Unit.objects.create(code="RONG-C1", name="Chi bộ Một", kind=Unit.Kind.CELL, parent=empty)
    review = services.review_create(
        committee=empty,
        period_from=dt.date(2021, 1, 1),
        period_to=dt.date(2022, 12, 31),
        number_symbol="01-BC/ĐU",
        user=SYSTEM,  # a committee of its own: nobody of the test tree holds a role on it
    )
    content = report_content(review)
    for section in content.sections:
        for sentence in _sentences(section.text):
            assert not CLAIMS.search(sentence), (section.key, sentence)
    assert {section.key for section in content.unwritten} == set(WRITTEN_SECTIONS)


@pytest.mark.django_db
def test_drafting_does_not_repeat_its_sentence_shapes(review, records):
    content = report_content(review)
    sentences = [s for section in content.sections for s in _sentences(section.text)]
    assert len(sentences) >= 10
    openings = Counter(" ".join(sentence.split()[:3]) for sentence in sentences)
    repeated = {opening: n for opening, n in openings.items() if n > 2}
    assert not repeated, repeated
    body = "\n".join(section.text for section in content.sections)
    assert body.count("Hằng năm") <= 1 and body.count("Trong giai đoạn") <= 1
    assert "năm 2016: " not in body  # no "năm 2016: …; năm 2017: …" lists
    assert not re.search(r"\d{2}/\d{2}/\d{4}", body)  # one way of writing dates: 15/5/2016


@pytest.mark.django_db
def test_a_report_with_an_unwritten_section_cannot_be_frozen(tree, records, users):
    review = services.review_create(
        committee=tree.committee,
        period_from=dt.date(2016, 5, 15),
        period_to=dt.date(2020, 6, 30),
        number_symbol="16-BC/ĐU",
        user=users["office"],
    )
    assert report_content(review).unwritten
    with pytest.raises(ValidationError) as error:
        services.review_freeze(review=review, user=users["office"])
    assert "Bài học kinh nghiệm" in str(error.value) or "Lessons" in str(error.value)
    for key in WRITTEN_SECTIONS:
        review = services.review_section_save(
            review=review, key=key, text=f"Nội dung {key} do Đảng ủy viết.", user=users["office"]
        )
    frozen = services.review_freeze(review=review, user=users["office"])
    assert frozen.is_frozen
