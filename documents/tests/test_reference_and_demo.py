import datetime as dt
import importlib

import pytest
from django.apps import apps

from core import demo
from documents.models import Document, DocumentDelivery, StudyTopic
from documents.reference import load_reference

pytestmark = pytest.mark.django_db

RULES_TITLES = {
    "CD-TK-XII": "Những nội dung cơ bản của tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "CD-2019": "Xây dựng ý thức tôn trọng Nhân dân, phát huy dân chủ, chăm lo đời sống Nhân dân "
    "theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
}


def test_the_data_migration_loads_the_topics_of_the_rules_once():
    migration = importlib.import_module("documents.migrations.0003_reference_topics")
    migration.forwards(apps, None)
    migration.forwards(apps, None)  # a second run (or the demo's) adds nothing
    topics = {topic.code: topic for topic in StudyTopic.objects.select_related("document")}
    assert set(topics) >= {"CD-TK-XII", "CD-2017", "CD-2018", "CD-2019", "CD-2020", "CD-TK-XIII"}
    assert StudyTopic.objects.filter(code__startswith="CD-").count() == 6
    for code, title in RULES_TITLES.items():
        assert topics[code].title == title
    assert (topics["CD-TK-XII"].kind, topics["CD-TK-XII"].start_year) == ("term", 2016)
    assert topics["CD-TK-XII"].end_year == 2021
    assert (topics["CD-2017"].kind, topics["CD-2017"].end_year) == ("annual", 2017)
    assert (topics["CD-TK-XIII"].start_year, topics["CD-TK-XIII"].end_year) == (2021, 2025)
    directive = topics["CD-2020"].document
    assert (directive.number_symbol, directive.issued_on, directive.issuer) == (
        "05-CT/TW",
        dt.date(2016, 5, 15),
        "Bộ Chính trị",
    )
    assert directive.kind == "directive" and directive.search_key.startswith("05-ct/tw ve day")
    assert "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" in directive.summary


def test_reference_loading_keeps_a_users_edits():
    StudyTopic.objects.filter(code="CD-2018").update(title="Tên đã sửa")
    load_reference(Document, StudyTopic)
    assert StudyTopic.objects.get(code="CD-2018").title == "Tên đã sửa"


def test_demo_documents_go_to_every_cell_inside_the_period():
    importlib.import_module("organisation.demo")
    from documents.demo import build_documents
    from organisation.demo import build_units_and_people

    ctx = demo.DemoContext(log=lambda text: None)
    build_units_and_people(ctx)
    StudyTopic.objects.all().delete()  # as after `load_demo --reset`
    Document.objects.all().delete()
    build_documents(ctx)
    documents = ctx.data["documents"]
    assert {"12-KH/ĐU", "05-HD/ĐU", "05-CT/TW", "23-HD/ĐU"} <= set(documents)
    assert set(ctx.data["topics"]) >= {"CD-TK-XII", "CD-2020"}
    ours = Document.objects.filter(issued_by=ctx.committee)
    assert ours.count() >= 20
    assert {document.issuer for document in ours} == {"Đảng ủy Sở Văn hóa và Thể thao Hà Nội"}
    assert all(dt.date(2016, 5, 15) <= d.issued_on <= dt.date(2020, 6, 30) for d in ours)
    assert len(ctx.cells) == 32
    assert DocumentDelivery.objects.count() == ours.count() * 32
    assert not DocumentDelivery.objects.filter(sent_on__gt=dt.date(2020, 6, 30)).exists()
    for document in ours:
        assert document.full_clean() is None
    years = {document.issued_on.year for document in ours}
    assert years == {2016, 2017, 2018, 2019, 2020}
