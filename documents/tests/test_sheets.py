import datetime as dt
import io
import string

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from documents.models import Document, StudyTopic
from documents.sheets import KIND_LABELS, DocumentSheet, StudyTopicSheet
from documents.tests.conftest import sheet_values
from documents.tests.factories import DocumentFactory, StudyTopicFactory
from workbook.registry import ImportContext, Row
from workbook.services import workbook_export, workbook_import

pytestmark = pytest.mark.django_db

ISSUER = "Đảng ủy Đảng bộ thử nghiệm"
DOCUMENT_ROWS = [
    ["12-KH/ĐU", "Kế hoạch", "20/06/2016", "Đảng ủy thử nghiệm", "Thực hiện Chỉ thị 05"],
    ["05-HD/ĐU", "hướng dẫn", dt.datetime(2016, 7, 8), "Đảng ủy thử nghiệm", "Sinh hoạt chuyên đề"],
    ["03-CT/TU", "Chỉ thị", "02/01/2017", "Thành ủy Hà Nội", "Học tập và làm theo"],
]
TOPIC_ROWS = [
    ["CD-2021", "Chuyên đề năm 2021", "Năm", 2021, None, "05-HD/ĐU"],
    ["CD-TK-THU", "Chuyên đề toàn khóa thử", "Toàn khóa", 2021, 2025, "05-CT/TW"],
]


def _errors(result) -> list[tuple]:
    return [(error.sheet, error.row, error.column, error.message) for error in result.errors]


def test_import_creates_documents_and_topics_from_the_same_workbook(make_workbook, tree):
    result = workbook_import(make_workbook({"Văn bản": DOCUMENT_ROWS, "Chuyên đề": TOPIC_ROWS}))
    assert result.ok, _errors(result)
    plan = Document.objects.get(number_symbol="12-KH/ĐU")
    # "Đảng ủy thử nghiệm" is the executive of the unit "Đảng bộ thử nghiệm": ours.
    assert plan.issued_by == tree.committee
    assert plan.kind == "plan" and plan.issued_on == dt.date(2016, 6, 20)
    assert Document.objects.get(number_symbol="03-CT/TU").issued_by is None
    topic = StudyTopic.objects.get(code="CD-2021")
    assert topic.end_year == 2021 and topic.document.number_symbol == "05-HD/ĐU"
    assert StudyTopic.objects.get(code="CD-TK-THU").document.issuer == "Bộ Chính trị"
    assert plan.history.count() == 1


def test_importing_twice_changes_nothing(make_workbook, tree):
    workbook = make_workbook({"Văn bản": DOCUMENT_ROWS, "Chuyên đề": TOPIC_ROWS})
    assert workbook_import(workbook).ok
    history = Document.history.count() + StudyTopic.history.count()
    workbook.seek(0)
    again = workbook_import(workbook)
    assert again.ok
    assert again.plans["Văn bản"].unchanged == 3 and not again.plans["Văn bản"].updated
    assert again.plans["Chuyên đề"].unchanged == 2 and not again.plans["Chuyên đề"].created
    assert Document.history.count() + StudyTopic.history.count() == history


def test_a_changed_row_updates_its_record(make_workbook, tree):
    assert workbook_import(make_workbook({"Văn bản": DOCUMENT_ROWS})).ok
    changed = [row[:] for row in DOCUMENT_ROWS]
    changed[0][4] = "Trích yếu mới"
    result = workbook_import(make_workbook({"Văn bản": changed}))
    assert result.plans["Văn bản"].updated == ["12-KH/ĐU"]
    assert Document.objects.get(number_symbol="12-KH/ĐU").summary == "Trích yếu mới"


def test_every_error_is_reported_by_sheet_row_and_column_and_nothing_is_written(make_workbook):
    before = (Document.objects.count(), StudyTopic.objects.count())
    future = (timezone.localdate() + dt.timedelta(days=3)).strftime("%d/%m/%Y")
    documents = [
        ["12-KH/ĐU", "Kế hoạch", "20/06/2016", "Đảng ủy thử nghiệm", "Đúng"],
        ["12-kh/đu", "Kế hoạch", "21/06/2016", "đảng ủy thử nghiệm", "Trùng số"],
        ["13-KH/ĐU", "Công văn", "31/02/2016", "Đảng ủy thử nghiệm", "Sai loại, sai ngày"],
        ["14-KH/ĐU", "Kế hoạch", future, "Đảng ủy thử nghiệm", "Ngày tương lai"],
        ["", "Kế hoạch", "01/01/2017", "Đảng ủy thử nghiệm", ""],
    ]
    topics = [
        ["CD-A", "A", "Năm", 2021, 2022, None],
        ["CD-B", "B", "Cả khóa", "hai nghìn", None, "99-XX/TW"],
        ["cd-a", "Trùng mã", "Năm", 2021, None, None],
        ["CD-C", "C", "Toàn khóa", 2021, None, None],
    ]
    result = workbook_import(make_workbook({"Văn bản": documents, "Chuyên đề": topics}))
    assert not result.applied
    found = {(sheet, row, column) for sheet, row, column, _message in _errors(result)}
    assert found == {
        ("Văn bản", 3, "Số ký hiệu"),
        ("Văn bản", 4, "Loại"),
        ("Văn bản", 4, "Ngày ban hành"),
        ("Văn bản", 5, "Ngày ban hành"),
        ("Văn bản", 6, "Số ký hiệu"),
        ("Văn bản", 6, "Trích yếu"),
        ("Chuyên đề", 2, "Năm kết thúc"),
        ("Chuyên đề", 3, "Loại"),
        ("Chuyên đề", 3, "Năm bắt đầu"),
        ("Chuyên đề", 3, "Số ký hiệu văn bản"),
        ("Chuyên đề", 4, "Mã chuyên đề"),
        ("Chuyên đề", 5, "Năm kết thúc"),
    }
    messages = {(sheet, row, column): message for sheet, row, column, message in _errors(result)}
    assert "đã có ở dòng 2" in messages[("Văn bản", 3, "Số ký hiệu")]
    assert "tương lai" in messages[("Văn bản", 5, "Ngày ban hành")]
    assert "Chỉ thị, Nghị quyết" in messages[("Văn bản", 4, "Loại")]
    assert "99-XX/TW" in messages[("Chuyên đề", 3, "Số ký hiệu văn bản")]
    assert "cùng một năm" in messages[("Chuyên đề", 2, "Năm kết thúc")]
    assert (Document.objects.count(), StudyTopic.objects.count()) == before


def test_a_missing_column_is_an_error_on_the_header_row(make_workbook):
    result = workbook_import(
        make_workbook(
            {"Văn bản": [["Số ký hiệu", "Loại"], ["1-KH/ĐU", "Kế hoạch"]]}, with_headers=False
        )
    )
    assert _errors(result)[0][:2] == ("Văn bản", 1)
    assert "Ngày ban hành" in _errors(result)[0][3]


def test_ambiguous_document_number_is_refused(make_workbook):
    DocumentFactory(number_symbol="01-HD/TW", issuer="Ban Tuyên giáo Trung ương")
    DocumentFactory(number_symbol="01-HD/TW", issuer="Ban Tổ chức Trung ương")
    result = workbook_import(
        make_workbook({"Chuyên đề": [["CD-X", "X", "Năm", 2022, 2022, "01-HD/TW"]]})
    )
    assert [error.column for error in result.errors] == ["Số ký hiệu văn bản"]
    assert "Ban Tổ chức Trung ương" in result.errors[0].message


def test_export_round_trips_through_an_import(make_workbook, tree):
    DocumentFactory(
        number_symbol="07-HD/ĐU",
        kind="guidance",
        issued_on=dt.date(2019, 3, 18),
        issuer="Đảng ủy thử nghiệm",
        summary="Nội dung sinh hoạt chuyên đề năm 2019",
        issued_by=tree.committee,
    )
    StudyTopicFactory(code="CD-2023", title="Chuyên đề 2023")
    first = workbook_export(tree.committee)
    documents = sheet_values(first, "Văn bản")
    assert documents[0] == ["Số ký hiệu", "Loại", "Ngày ban hành", "Cơ quan ban hành", "Trích yếu"]
    assert [
        "07-HD/ĐU",
        "Hướng dẫn",
        "18/03/2019",
        "Đảng ủy thử nghiệm",
        "Nội dung sinh hoạt chuyên đề năm 2019",
    ] in documents
    topics = sheet_values(first, "Chuyên đề")
    assert topics[0] == [
        "Mã chuyên đề",
        "Tên chuyên đề",
        "Loại",
        "Năm bắt đầu",
        "Năm kết thúc",
        "Số ký hiệu văn bản",
    ]
    assert [
        "CD-2020",
        StudyTopic.objects.get(code="CD-2020").title,
        "Năm",
        2020,
        2020,
        "05-CT/TW",
    ] in topics
    # Into an empty register (the reference data the migration loads stays), and out again.
    StudyTopic.objects.all().delete()
    Document.objects.all().delete()
    assert workbook_import(io.BytesIO(first)).ok
    second = workbook_export(tree.committee)
    for sheet in ("Văn bản", "Chuyên đề"):
        assert sheet_values(second, sheet) == sheet_values(first, sheet)


def test_template_has_headers_only(tree):
    content = workbook_export(tree.committee, template=True)
    assert sheet_values(content, "Văn bản") == [
        ["Số ký hiệu", "Loại", "Ngày ban hành", "Cơ quan ban hành", "Trích yếu"]
    ]


# Random rows never crash the checks: every bad cell becomes an error, never an exception.
cell = st.one_of(
    st.none(),
    st.text(
        alphabet=string.ascii_letters + string.digits + " /-.,:" + "ĐđăâêôơưÀẢÃÁẠ", max_size=30
    ),
    st.integers(min_value=-10_000, max_value=10_000),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.sampled_from(list(KIND_LABELS) + ["Toàn khóa", "Năm", "05-CT/TW", "20/06/2016"]),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=st.lists(st.lists(cell, min_size=6, max_size=6), max_size=6))
def test_random_rows_give_errors_not_exceptions(make_workbook, rows):
    with transaction.atomic():
        document_rows = [row[:5] for row in rows]
        result = workbook_import(make_workbook({"Văn bản": document_rows, "Chuyên đề": rows}))
        for error in result.errors:
            assert error.sheet in {"Văn bản", "Chuyên đề"}
            assert error.row is None or error.row >= 1
            assert error.message
        transaction.set_rollback(True)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    number=st.from_regex(r"[0-9]{1,3}-(KH|HD|CT|NQ|BC)/(ĐU|TW|TU)", fullmatch=True),
    issuer=st.text(alphabet="ĐảngủyThànhộiBChínhtrị ", min_size=1, max_size=40).filter(
        lambda text: text.strip()
    ),
    issued_on=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2020, 12, 31)),
    kind=st.sampled_from(list(KIND_LABELS)),
)
def test_any_valid_document_row_round_trips(tree, number, issuer, issued_on, kind):
    with transaction.atomic():
        sheet = DocumentSheet()
        ctx = ImportContext()
        parsed = {
            column.key: column.parse(value)
            for column, value in zip(
                sheet.columns,
                [number, kind, issued_on.strftime("%d/%m/%Y"), issuer, "Trích yếu"],
                strict=True,
            )
        }
        sheet.check([Row(2, parsed)], ctx)
        assert not ctx.errors
        sheet.apply(ctx)
        exported = [row for row in sheet.export_rows(tree.committee) if row[0] == number.strip()]
        assert [" ".join(issuer.split()), kind, issued_on.strftime("%d/%m/%Y")] == [
            exported[-1][3],
            exported[-1][1],
            exported[-1][2],
        ]
        again = ImportContext()
        sheet.check([Row(2, parsed)], again)
        assert again.plans["Văn bản"].unchanged == 1
        transaction.set_rollback(True)


def test_topic_sheet_check_alone_reads_the_register(tree):
    ctx = ImportContext()
    sheet = StudyTopicSheet()
    values = {
        "code": "CD-2017",
        "title": StudyTopic.objects.get(code="CD-2017").title,
        "kind": "annual",
        "start_year": 2017,
        "end_year": 2017,
        "document": "05-ct/tw",
    }
    sheet.check([Row(2, values)], ctx)
    assert not ctx.errors and ctx.plans["Chuyên đề"].unchanged == 1
