import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from core import vn

SYLLABLES = ["An", "Ánh", "Ân", "Ấn", "Bình", "Đức", "Dũng", "Hà", "Hạ", "Ả", "Ă", "Ơn", "Ưng"]


def test_names_sort_by_given_name_the_vietnamese_way():
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn Ánh", "Phạm Thị Ân", "Đỗ Đức", "Vũ Dũng"]
    ordered = sorted(names, key=vn.name_sort_key)
    assert ordered == [
        "Nguyễn Thị An",
        "Lê Văn Ánh",
        "Phạm Thị Ân",
        "Trần Văn Bình",
        "Vũ Dũng",
        "Đỗ Đức",
    ]


@given(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=4))
def test_sort_keys_are_plain_lowercase_ascii(parts):
    key = vn.name_sort_key(" ".join(parts))
    assert key.isascii() and key.isalpha() and key == key.lower()


@given(st.sampled_from(SYLLABLES), st.sampled_from(SYLLABLES))
def test_a_shorter_given_name_sorts_before_a_longer_one_it_begins(first, second):
    if second.startswith(first) and first != second:
        assert vn.name_sort_key(f"X {first}") < vn.name_sort_key(f"X {second}")


def test_search_key_ignores_marks_and_case():
    assert vn.search_key("  Nguyễn   VĂN Đạt ") == "nguyen van dat"


def test_vietnamese_letters_follow_the_alphabet():
    # a < ă < â, d < đ, o < ô < ơ < u < ư
    for earlier, later in [
        ("Lê Văn Ai", "Lê Văn Ăn"),
        ("Lê Văn Ăn", "Lê Văn Ân"),
        ("Lê Văn Dũng", "Lê Văn Đức"),
        ("Lê Văn Ơn", "Lê Văn Uy"),
        ("Lê Văn Uy", "Lê Văn Ưng"),
    ]:
        assert vn.name_sort_key(earlier) < vn.name_sort_key(later)


def test_formats():
    assert vn.format_date(dt.date(2020, 6, 5)) == "05/06/2020"
    assert vn.format_number(1234567) == "1.234.567"
    assert vn.format_percent(98.28) == "98,28%"
    assert vn.format_percent(100.0) == "100%"
    assert vn.parse_date("05/06/2020") == dt.date(2020, 6, 5)
