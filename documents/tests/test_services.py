import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.testing import png_bytes
from documents import services
from documents.models import Document, DocumentDelivery, StudyTopic
from documents.tests.factories import PDF_BYTES, DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def baseline(db) -> int:
    """Documents already in the register: the reference data of the data migration."""
    return Document.objects.count()


def _create(user, **overrides):
    fields = {
        "number_symbol": "12-KH/ĐU",
        "kind": Document.Kind.PLAN,
        "issued_on": dt.date(2016, 6, 20),
        "issuer": "Đảng ủy thử nghiệm",
        "summary": "Thực hiện Chỉ thị số 05-CT/TW",
        "issued_by": None,
    }
    fields.update(overrides)
    return services.document_create(user=user, **fields)


def test_create_records_who_and_fills_the_search_key(tree, users):
    document = _create(users["office"], issued_by=tree.committee)
    assert document.search_key.startswith("12-kh/du thuc hien chi thi")
    assert document.history.get().history_user == users["office"]


def test_number_is_unique_per_issuer_ignoring_case_and_spaces(tree, users, baseline):
    _create(users["office"])
    with pytest.raises(ValidationError) as error:
        _create(users["office"], number_symbol=" 12-kh/đu ", issuer="đảng ủy  thử nghiệm")
    assert "number_symbol" in error.value.message_dict
    assert "đã có văn bản" in error.value.message_dict["number_symbol"][0]
    assert Document.objects.count() == baseline + 1
    # The same number from another issuer is another document.
    _create(users["office"], issuer="Thành ủy Hà Nội")
    assert Document.objects.count() == baseline + 2


def test_date_in_the_future_is_refused(users, baseline):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        _create(users["office"], issued_on=tomorrow)
    assert "tương lai" in error.value.message_dict["issued_on"][0]
    assert Document.objects.count() == baseline


def test_secretary_cannot_register_for_his_committee(tree, users, baseline):
    with pytest.raises(ValidationError) as error:
        _create(users["secretary"], issued_by=tree.committee)
    assert "issued_by" in error.value.message_dict
    assert Document.objects.count() == baseline


def test_update_checks_permission_and_keeps_history(tree, users):
    document = _create(users["office"], issued_by=tree.committee)
    with pytest.raises(PermissionDenied):
        services.document_update(user=users["secretary"], document=document, summary="Khác")
    services.document_update(user=users["office"], document=document, summary="Nội dung mới")
    document.refresh_from_db()
    assert document.summary == "Nội dung mới"
    assert document.history.count() == 2


def test_upload_is_checked_for_type_size_and_content(users, settings, baseline):
    good = SimpleUploadedFile("ke-hoach.pdf", PDF_BYTES, content_type="application/pdf")
    document = _create(users["office"], file=good)
    assert document.file.name.endswith(".pdf")
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError, match="không phải là tệp pdf"):
        _create(users["office"], number_symbol="13-KH/ĐU", file=fake)
    exe = SimpleUploadedFile("setup.exe", b"MZ", content_type="application/octet-stream")
    with pytest.raises(ValidationError, match="pdf, doc, docx, xlsx, jpg, png"):
        _create(users["office"], number_symbol="14-KH/ĐU", file=exe)
    settings.UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError, match="giới hạn"):
        _create(users["office"], number_symbol="15-KH/ĐU", file=good)
    assert Document.objects.count() == baseline + 1


def test_deliver_to_some_then_all_cells(tree, users):
    document = _create(users["office"], issued_by=tree.committee)
    first = services.document_deliver(
        user=users["office"], document=document, units=[tree.cell_a], sent_on=dt.date(2016, 6, 22)
    )
    assert [delivery.unit for delivery in first] == [tree.cell_a]
    again = services.document_deliver(
        user=users["office"],
        document=document,
        units=[tree.cell_a, tree.cell_b],
        sent_on=dt.date(2016, 6, 25),
    )
    assert [delivery.unit for delivery in again] == [tree.cell_b]
    dates = dict(document.deliveries.values_list("unit__code", "sent_on"))
    assert dates == {"CBA": dt.date(2016, 6, 22), "CBB": dt.date(2016, 6, 25)}


@pytest.mark.parametrize(
    "units, sent_on, field",
    [
        (lambda tree: [], dt.date(2016, 7, 1), "units"),
        (lambda tree: [tree.sub_committee], dt.date(2016, 7, 1), "units"),
        (lambda tree: [tree.cell_a], dt.date(2016, 6, 1), "sent_on"),
        (lambda tree: [tree.cell_a], timezone.localdate() + dt.timedelta(days=2), "sent_on"),
    ],
)
def test_bad_deliveries_are_refused(tree, users, units, sent_on, field):
    document = _create(users["office"], issued_by=tree.committee)
    with pytest.raises(ValidationError) as error:
        services.document_deliver(
            user=users["office"], document=document, units=units(tree), sent_on=sent_on
        )
    assert field in error.value.message_dict
    assert not DocumentDelivery.objects.exists()


def test_only_the_office_delivers_and_only_committee_documents(tree, users):
    committee_doc = _create(users["office"], issued_by=tree.committee)
    with pytest.raises(PermissionDenied):
        services.document_deliver(
            user=users["secretary"],
            document=committee_doc,
            units=[tree.cell_a],
            sent_on=dt.date(2016, 7, 1),
        )
    outside = DocumentFactory(issuer="Bộ Chính trị")
    with pytest.raises(PermissionDenied):
        services.document_deliver(
            user=users["office"], document=outside, units=[tree.cell_a], sent_on=dt.date(2017, 4, 1)
        )


def test_study_topic_rules(users):
    topic = services.study_topic_create(
        user=users["office"],
        code=" CD-2021 ",
        title="Chuyên đề năm 2021",
        kind="annual",
        start_year=2021,
    )
    assert (topic.code, topic.end_year) == ("CD-2021", 2021)
    with pytest.raises(ValidationError):
        services.study_topic_create(
            user=users["office"], code="CD-2021", title="Trùng mã", kind="annual", start_year=2021
        )
    with pytest.raises(PermissionDenied):
        services.study_topic_create(
            user=users["secretary"], code="CD-Z", title="Z", kind="annual", start_year=2021
        )
    services.study_topic_update(user=users["office"], topic=topic, title="Tên mới")
    topic.refresh_from_db()
    assert topic.title == "Tên mới"
    assert StudyTopic.objects.filter(code__startswith="CD-2021").count() == 1


@pytest.mark.parametrize(
    ("kind", "start_year", "end_year", "says"),
    [
        ("annual", 2021, 2022, "cùng một năm"),
        ("term", 2021, 2020, "Năm kết thúc đứng trước năm bắt đầu."),
        ("term", 2026, None, "toàn khóa cần có năm kết thúc"),
    ],
)
def test_a_study_topic_s_last_year_fits_its_kind(users, kind, start_year, end_year, says):
    with pytest.raises(ValidationError) as error:
        services.study_topic_create(
            user=users["office"],
            code="CD-X",
            title="X",
            kind=kind,
            start_year=start_year,
            end_year=end_year,
        )
    assert says in error.value.message_dict["end_year"][0]
    assert not StudyTopic.objects.filter(code="CD-X").exists()


def test_update_replaces_then_removes_the_file(users):
    document = _create(
        users["office"],
        file=SimpleUploadedFile("cu.pdf", PDF_BYTES, content_type="application/pdf"),
    )
    png = png_bytes()
    services.document_update(
        user=users["office"],
        document=document,
        file=SimpleUploadedFile("anh-chup.png", png, content_type="image/png"),
    )
    document.refresh_from_db()
    assert document.file.name.endswith(".png")
    services.document_update(user=users["office"], document=document, file=False)
    document.refresh_from_db()
    assert not document.file
