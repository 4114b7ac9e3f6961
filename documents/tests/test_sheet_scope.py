"""The sheets "Văn bản" and "Chuyên đề" stay inside the importer's committee: a row naming
another committee's unit, document or topic is an error on that row, and nothing is written;
an export holds one's own documents and topics and the outside ones (Politburo, city)."""

import pytest

from documents.models import Document, StudyTopic
from documents.tests.factories import DocumentFactory, StudyTopicFactory
from workbook.services import workbook_export, workbook_import
from workbook.testing import read_workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def theirs(second_committee):
    """A document and a topic of the second committee."""
    other = second_committee["committee"]
    document = DocumentFactory(number_symbol="07-KH/ĐU", issuer="Đảng ủy thứ hai", issued_by=other)
    topic = StudyTopicFactory(code="CD-K2", title="Chuyên đề của họ", document=document)
    return document, topic


def test_a_row_naming_another_committee_is_an_error_and_nothing_is_written(
    make_workbook, tree, users, theirs
):
    document, topic = theirs
    rows = {
        "Văn bản": [
            ["20-KH/ĐU", "Kế hoạch", "01/02/2020", "Đảng ủy thử nghiệm", "Của chúng tôi"],
            ["07-KH/ĐU", "Kế hoạch", "01/02/2020", "Đảng ủy thứ hai", "Sửa của họ"],
        ],
        "Chuyên đề": [
            ["CD-K2", "Đổi tên chuyên đề của họ", "Năm", 2020, 2020, None],
            ["CD-MOI", "Chuyên đề mới", "Năm", 2020, 2020, "07-KH/ĐU"],
        ],
    }
    result = workbook_import(make_workbook(rows), user=users["office"])
    errors = [(e.sheet, e.row, e.column) for e in result.errors]
    assert errors == [
        ("Văn bản", 3, "Cơ quan ban hành"),
        ("Chuyên đề", 2, "Mã chuyên đề"),
        ("Chuyên đề", 3, "Số ký hiệu văn bản"),
    ]
    assert [e.message.split()[0] for e in result.errors] == ["Đảng", "CD-K2", "07-KH/ĐU"]
    assert not Document.objects.filter(number_symbol="20-KH/ĐU").exists()
    document.refresh_from_db()
    topic.refresh_from_db()
    assert document.summary != "Sửa của họ" and topic.title == "Chuyên đề của họ"


def test_the_other_office_imports_its_own_rows(make_workbook, tree, second_committee, theirs):
    rows = {"Chuyên đề": [["CD-K2", "Tên mới của họ", "Năm", 2020, 2020, "07-KH/ĐU"]]}
    result = workbook_import(make_workbook(rows), user=second_committee["users"]["office2"])
    assert result.ok, [str(e) for e in result.errors]
    assert StudyTopic.objects.get(code="CD-K2").title == "Tên mới của họ"


def test_an_export_holds_our_documents_and_the_outside_ones_only(tree, theirs):
    DocumentFactory(number_symbol="21-KH/ĐU", issuer="Đảng ủy thử nghiệm", issued_by=tree.committee)
    DocumentFactory(number_symbol="99-CT/TW", issuer="Bộ Chính trị", issued_by=None)
    exported = read_workbook(workbook_export(tree.committee))
    numbers = {row[0] for row in exported["Văn bản"][1:]}
    assert {"21-KH/ĐU", "99-CT/TW"} <= numbers and "07-KH/ĐU" not in numbers
    assert "CD-K2" not in {row[0] for row in exported["Chuyên đề"][1:]}
