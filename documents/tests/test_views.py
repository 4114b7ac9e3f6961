import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from documents.models import Document, DocumentDelivery, StudyTopic
from documents.tests.factories import PDF_BYTES, DeliveryFactory, DocumentFactory
from organisation.models import Unit
from organisation.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

LIST = reverse("documents:list")


def _numbers(response) -> set[str]:
    return {document.number_symbol for document in response.context["page_obj"]}


def _cell_report(number_symbol: str, cell, issuer: str, summary: str):
    return DocumentFactory(
        number_symbol=number_symbol, issued_by=cell, issuer=issuer, kind="report", summary=summary
    )


@pytest.fixture
def register(tree):
    """A committee plan, a report of cell A and one of cell B, and two documents of another
    committee (its own and one of its cells)."""
    other_committee = UnitFactory(code="KHAC", name="Đảng bộ khác", kind=Unit.Kind.COMMITTEE)
    other_cell = UnitFactory(code="KHAC1", name="Chi bộ khác", parent=other_committee)
    return {
        "committee": DocumentFactory(
            number_symbol="12-KH/ĐU", issued_by=tree.committee, summary="Kế hoạch học tập"
        ),
        "cell_a": _cell_report("03-BC/CB", tree.cell_a, "Chi bộ A", "Báo cáo kết quả quý I"),
        "cell_b": _cell_report("04-BC/CB", tree.cell_b, "Chi bộ B", "Báo cáo kết quả quý II"),
        "other": DocumentFactory(
            number_symbol="01-KH/ĐU", issued_by=other_committee, issuer="Đảng ủy khác"
        ),
        "other_cell": DocumentFactory(
            number_symbol="02-KH/CB", issued_by=other_cell, issuer="Chi bộ khác"
        ),
    }


@pytest.mark.parametrize(
    "role, expected",
    [
        ("office", {"12-KH/ĐU", "03-BC/CB", "04-BC/CB"}),
        ("inspection", {"12-KH/ĐU", "03-BC/CB", "04-BC/CB"}),
        ("secretary", {"12-KH/ĐU", "03-BC/CB"}),
        ("other_secretary", {"12-KH/ĐU", "04-BC/CB"}),
    ],
)
def test_each_role_sees_committee_wide_and_own_documents(client_as, register, role, expected):
    response = client_as(role).get(LIST)
    outside = {"05-CT/TW", "01-KL/TW"}  # the reference documents from above: every reader
    assert _numbers(response) == expected | outside


@pytest.mark.parametrize("role", ["member", "editor"])
def test_members_and_editors_do_not_read_the_register(client_as, register, role):
    """domain.md: a member sees his own records and his cell's meetings; the editor news."""
    client = client_as(role)
    assert client.get(LIST).status_code == 403
    for document in register.values():
        assert client.get(reverse("documents:detail", args=[document.pk])).status_code == 404
    assert 'href="/van-ban/"' not in client.get(reverse("core:home")).content.decode()


def test_secretary_sees_another_cells_document_once_delivered_to_him(
    client_as, register, tree, users
):
    DeliveryFactory(document=register["cell_b"], unit=tree.cell_a)
    assert "04-BC/CB" in _numbers(client_as("secretary").get(LIST))
    assert (
        client_as("secretary")
        .get(reverse("documents:detail", args=[register["cell_b"].pk]))
        .status_code
        == 200
    )
    assert (
        client_as("editor")
        .get(reverse("documents:detail", args=[register["cell_b"].pk]))
        .status_code
        == 404
    )


def test_search_ignores_diacritics_and_filters_combine(client_as, register):
    client = client_as("office")
    assert _numbers(client.get(LIST, {"q": "ke hoach hoc tap"})) == {"12-KH/ĐU"}
    assert _numbers(client.get(LIST, {"q": "12-kh/du"})) == {"12-KH/ĐU"}
    assert _numbers(client.get(LIST, {"kind": "report"})) == {"03-BC/CB", "04-BC/CB"}
    assert _numbers(client.get(LIST, {"kind": "report", "issuer": "Chi bộ B"})) == {"04-BC/CB"}
    assert _numbers(client.get(LIST, {"year": "2016"})) == {"05-CT/TW"}
    response = client.get(LIST, {"q": "05-ct"})
    assert "05-CT/TW" in response.content.decode()


def test_list_paginates_with_a_fixed_number_of_queries(
    client_as, tree, django_assert_max_num_queries
):
    client = client_as("secretary")
    DocumentFactory.create_batch(5, issued_by=tree.committee)
    with django_assert_max_num_queries(9) as small:
        client.get(LIST)
    DocumentFactory.create_batch(60, issued_by=tree.committee)
    DocumentFactory.create_batch(20, issued_by=tree.cell_a, issuer="Chi bộ A")
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(LIST, {"page": 2})
    assert response.context["page_obj"].paginator.num_pages == 4
    assert len(response.context["page_obj"]) == 25


def test_office_registers_a_document_with_its_file(client_as, tree):
    upload = SimpleUploadedFile("ke-hoach.pdf", PDF_BYTES, content_type="application/pdf")
    response = client_as("office").post(
        reverse("documents:create"),
        {
            "number_symbol": "20-KH/ĐU",
            "kind": "plan",
            "issued_on": "05/03/2020",
            "issuer": "Đảng ủy thử nghiệm",
            "summary": "Học tập chuyên đề năm 2020",
            "issued_by": tree.committee.pk,
            "file": upload,
        },
    )
    document = Document.objects.get(number_symbol="20-KH/ĐU")
    assert response.status_code == 302
    assert response.url == reverse("documents:detail", args=[document.pk])
    download = client_as("secretary").get(reverse("documents:file", args=[document.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    detail = client_as("office").get(response.url).content.decode()
    assert "05/03/2020" in detail


def test_bad_form_keeps_what_was_typed_and_writes_nothing(client_as, tree, register):
    before = Document.objects.count()
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client_as("office").post(
        reverse("documents:create"),
        {
            "number_symbol": "12-kh/đu",
            "kind": "plan",
            "issued_on": tomorrow.isoformat(),
            "issuer": "Đảng ủy thử nghiệm",
            "summary": "Tóm tắt đã gõ",
            "file": SimpleUploadedFile("a.exe", b"MZ", content_type="application/octet-stream"),
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "đã có văn bản số 12-kh/đu" in form.errors["number_symbol"][0]
    assert "tương lai" in form.errors["issued_on"][0]
    assert "Không nhận loại tệp này" in form.errors["file"][0]
    assert "Tóm tắt đã gõ" in response.content.decode()
    assert Document.objects.count() == before


def test_office_edits_a_document(client_as, register, tree):
    document = register["committee"]
    response = client_as("office").post(
        reverse("documents:update", args=[document.pk]),
        {
            "number_symbol": "12-KH/ĐU",
            "kind": "plan",
            "issued_on": "2017-03-06",
            "issuer": document.issuer,
            "summary": "Kế hoạch đã sửa",
            "issued_by": tree.committee.pk,
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.summary == "Kế hoạch đã sửa"
    assert document.history.first().history_user.username == "office"


def test_office_sends_to_all_cells_then_the_page_says_who_got_it(client_as, register, tree):
    document = register["committee"]
    url = reverse("documents:deliver", args=[document.pk])
    client = client_as("office")
    response = client.post(url, {"units": [tree.cell_a.pk], "sent_on": "2017-03-08"})
    assert response.status_code == 302
    rows = {row.unit.code: row.sent_on for row in client.get(response.url).context["deliveries"]}
    assert rows == {"CBA": dt.date(2017, 3, 8), "CBB": None}
    response = client.post(url, {"all_cells": "on", "sent_on": "2017-03-10"})
    assert response.status_code == 302
    assert dict(document.deliveries.values_list("unit__code", "sent_on")) == {
        "CBA": dt.date(2017, 3, 8),
        "CBB": dt.date(2017, 3, 10),
    }
    assert client.get(url).context["nothing_left"] is True


def test_delivery_before_the_document_is_refused_next_to_the_date(client_as, register, tree):
    response = client_as("office").post(
        reverse("documents:deliver", args=[register["committee"].pk]),
        {"units": [tree.cell_a.pk], "sent_on": "2017-01-01"},
    )
    assert response.status_code == 200
    assert "trước ngày ban hành" in response.context["form"].errors["sent_on"][0]
    assert not DocumentDelivery.objects.exists()


def test_matrix_shows_cells_by_documents_with_fixed_queries(
    client_as, tree, django_assert_max_num_queries
):
    first = DocumentFactory(issued_by=tree.committee, issued_on=dt.date(2018, 1, 10))
    DeliveryFactory(document=first, unit=tree.cell_a, sent_on=dt.date(2018, 1, 12))
    client = client_as("office")
    with django_assert_max_num_queries(9) as small:
        response = client.get(reverse("documents:matrix"), {"year": 2018})
    matrix = response.context["matrix"]
    assert [row[2] for row in matrix.rows()] == [1, 0]
    assert matrix.totals() == [1]
    cells = [UnitFactory(parent=tree.committee) for _ in range(10)]
    for number in range(8):
        document = DocumentFactory(issued_by=tree.committee, issued_on=dt.date(2018, 5, number + 1))
        for cell in cells:
            DeliveryFactory(document=document, unit=cell, sent_on=dt.date(2018, 6, 1))
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("documents:matrix"), {"year": 2018})
    matrix = response.context["matrix"]
    assert len(matrix.documents) == 9 and len(matrix.cells) == 12
    assert matrix.totals()[1:] == [10] * 8
    assert "12/06/2018" not in response.content.decode()
    assert "01/06/2018" in response.content.decode()


def test_document_detail_query_count_does_not_grow(client_as, tree, django_assert_max_num_queries):
    document = DocumentFactory(issued_by=tree.committee)
    client = client_as("office")
    url = reverse("documents:detail", args=[document.pk])
    with django_assert_max_num_queries(12) as small:
        client.get(url)
    for _ in range(15):
        DeliveryFactory(document=document, unit=UnitFactory(parent=tree.committee))
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert len(response.context["deliveries"]) == 17


def test_topics_are_preloaded_and_searchable(client_as, django_assert_max_num_queries):
    client = client_as("member")
    with django_assert_max_num_queries(8):
        response = client.get(reverse("documents:topic_list"), {"q": "dai doan ket"})
    assert [topic.code for topic in response.context["page_obj"]] == ["CD-2020"]
    response = client.get(reverse("documents:topic_list"), {"kind": "term"})
    assert [topic.code for topic in response.context["page_obj"]] == ["CD-TK-XII", "CD-TK-XIII"]
    topic = StudyTopic.objects.get(code="CD-TK-XII")
    page = client.get(reverse("documents:topic_detail", args=[topic.pk])).content.decode()
    assert "05-CT/TW" in page and "15/05/2016" in page


def test_office_adds_and_edits_a_topic(client_as, register):
    client = client_as("office")
    response = client.post(
        reverse("documents:topic_create"),
        {
            "code": "CD-2022",
            "title": "Chuyên đề năm 2022 của Thành phố",
            "kind": "annual",
            "start_year": "2022",
            "end_year": "",
            "document": register["committee"].pk,
        },
    )
    topic = StudyTopic.objects.get(code="CD-2022")
    assert response.status_code == 302 and topic.end_year == 2022
    assert topic.document == register["committee"]
    response = client.post(
        reverse("documents:topic_update", args=[topic.pk]),
        {
            "code": "CD-2022",
            "title": "Tên mới",
            "kind": "annual",
            "start_year": "2022",
            "end_year": "2023",
        },
    )
    assert response.status_code == 200
    assert "cùng một năm" in response.context["form"].errors["end_year"][0]
    topic.refresh_from_db()
    assert topic.title == "Chuyên đề năm 2022 của Thành phố"


def test_menu_has_the_documents_entry(client_as):
    response = client_as("secretary").get(reverse("core:home"))
    assert 'href="/van-ban/"' in response.content.decode()
    assert "Văn bản" in response.content.decode()


def test_a_document_without_file_has_no_download(client_as, register):
    url = reverse("documents:file", args=[register["committee"].pk])
    assert client_as("office").get(url).status_code == 404
