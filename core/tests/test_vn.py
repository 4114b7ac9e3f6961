import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from core import vn


def test_search_key_drops_marks_and_case():
    assert vn.search_key("Nguyễn Văn An") == "nguyen van an"
    assert vn.search_key("ĐẶNG Thị Đào") == "dang thi dao"


def test_names_sort_by_given_name_then_family_and_middle():
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Phạm Đức Anh", "Đỗ Thị Ân"]
    ordered = sorted(names, key=vn.name_sort_key)
    assert ordered == ["Lê Văn An", "Nguyễn Thị An", "Phạm Đức Anh", "Đỗ Thị Ân", "Trần Văn Bình"]


def test_vietnamese_letters_follow_the_alphabet():
    # a < ă < â, d < đ, o < ô < ơ, u < ư
    for earlier, later in [
        ("Lê Văn Ai", "Lê Văn Ăn"),
        ("Lê Văn Ăn", "Lê Văn Ân"),
        ("Lê Văn Dũng", "Lê Văn Đức"),
        ("Lê Văn Ơn", "Lê Văn Uy"),
        ("Lê Văn Uy", "Lê Văn Ưng"),
    ]:
        assert vn.name_sort_key(earlier) < vn.name_sort_key(later)


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạ ", min_size=1, max_size=30))
def test_sort_key_is_plain_digits(name):
    assert vn.name_sort_key(name).isdigit() or not name.split()


def test_formats():
    assert vn.format_date(dt.date(2020, 6, 5)) == "05/06/2020"
    assert vn.format_number(1234567) == "1.234.567"
    assert vn.format_percent(98.28) == "98,28%"
    assert vn.format_percent(100.0) == "100%"
    assert vn.parse_date("05/06/2020") == dt.date(2020, 6, 5)
