import pytest

from core.actors import SYSTEM
from core.demo import DemoContext
from news import services
from news.demo import REPORT_CAPTION, build_news
from news.models import Article, Comment

pytestmark = pytest.mark.django_db


def test_demo_news_publishes_the_report_article(users, client):
    report = services.article_create(
        user=SYSTEM,
        title="Đảng ủy sơ kết 4 năm thực hiện Chỉ thị",
        lead="Số liệu từ hồ sơ.",
        body="Đoạn một.\n\nĐoạn hai.",
        source="Đảng ủy Sở Văn hóa và Thể thao",
        origin="report:7",
    )
    build_news(DemoContext(users={"editor": users["editor"]}, log=lambda text: None))
    report.refresh_from_db()
    assert report.is_public and report.category.slug == "tin-nganh"
    assert report.author and report.source == "Theo Đảng ủy Sở Văn hóa và Thể thao"
    assert report.images.get().caption == REPORT_CAPTION
    assert Article.objects.public().count() == 5
    assert (
        Comment.objects.filter(status=Comment.Status.APPROVED, by_editor__isnull=False).count() == 1
    )
    assert Comment.objects.filter(status=Comment.Status.PENDING).count() == 1
    html = client.get(report.get_absolute_url()).content.decode()
    assert REPORT_CAPTION in html


def test_demo_news_without_a_report(users):
    build_news(DemoContext(users={"editor": users["editor"]}, log=lambda text: None))
    assert not Article.objects.filter(origin__startswith="report:").exists()
    assert Article.objects.public().count() == 4
