"""The back office is the article's committee's: a second committee in the same installation
neither sees nor changes the first one's articles, photos and comments; the public site shows
every committee's published articles."""

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from openpyxl import load_workbook

from news import services
from news.models import Article, ArticleImage, Comment
from news.tests.factories import ArticleFactory, CategoryFactory, CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def first(tree, second_committee):
    """A published and a draft article of the first committee, a photo, a pending comment."""
    category = CategoryFactory(slug="tin-nganh", name="Tin ngành")
    published = ArticleFactory(title="Bài của Đảng bộ thử nghiệm", category=category)
    draft = ArticleFactory(title="Nháp của Đảng bộ thử nghiệm", status=Article.Status.DRAFT)
    photo = ArticleImage(article=published, caption="Ảnh", position=0, width=4, height=3)
    photo.image.save("a.jpg", ContentFile(b"x"), save=False)
    photo.save()
    comment = CommentFactory(article=published, name="Người đọc thứ nhất")
    return {"published": published, "draft": draft, "photo": photo, "comment": comment}


def test_a_plain_article_belongs_to_its_writers_committee(tree, second_committee, client_as):
    CategoryFactory(slug="tin-nganh")
    client = client_as("office2")
    client.post(
        reverse("news:article_add"),
        {
            "title": "Tin của Đảng bộ thứ hai",
            "lead": "",
            "body": "<p>Nội dung</p>",
            "category": CategoryFactory().pk,
        },
    )
    article = Article.objects.get(title="Tin của Đảng bộ thứ hai")
    assert article.unit == second_committee["committee"]
    # The first committee's editor does not see it; its own office does.
    assert "Tin của Đảng bộ thứ hai" not in client_as("editor").get(reverse("news:manage")).text
    assert "Tin của Đảng bộ thứ hai" in client_as("office2").get(reverse("news:manage")).text


def test_another_committee_sees_none_of_our_articles_or_comments(first, client_as):
    client = client_as("office2")
    listed = client.get(reverse("news:manage")).text
    assert "Đảng bộ thử nghiệm" not in listed
    export = client.get(reverse("news:manage"), {"xuat": "xlsx"})
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert len(rows) == 1  # the heading only
    queue = client.get(reverse("news:moderation")).text
    assert "Người đọc thứ nhất" not in queue
    # Our own editor sees both.
    ours = client_as("editor").get(reverse("news:manage")).text
    assert "Bài của Đảng bộ thử nghiệm" in ours and "Nháp của Đảng bộ thử nghiệm" in ours
    assert "Người đọc thứ nhất" in client_as("editor").get(reverse("news:moderation")).text


@pytest.mark.parametrize(
    ("name", "method", "key"),
    [
        ("news:article_edit", "get", "published"),
        ("news:article_edit", "post", "published"),
        ("news:article_preview", "get", "draft"),
        ("news:article_publish", "post", "draft"),
        ("news:article_unpublish", "post", "published"),
        ("news:image_add", "post", "published"),
        ("news:image_edit", "get", "photo"),
        ("news:image_delete", "post", "photo"),
        ("news:comment_moderate", "post", "comment"),
        ("news:comment_reply", "post", "comment"),
    ],
)
def test_another_committee_cannot_change_our_news(first, client_as, name, method, key):
    client = client_as("office2")
    url = reverse(name, args=[first[key].pk])
    data = {"status": "approved", "body": "Trả lời", "title": "Đổi tên", "at": ""}
    response = client.post(url, data) if method == "post" else client.get(url)
    assert response.status_code == 404
    first["published"].refresh_from_db()
    first["draft"].refresh_from_db()
    assert first["published"].title == "Bài của Đảng bộ thử nghiệm"
    assert first["published"].status == Article.Status.PUBLISHED
    assert first["draft"].status == Article.Status.DRAFT
    assert ArticleImage.objects.filter(pk=first["photo"].pk).exists()
    assert Comment.objects.get(pk=first["comment"].pk).status == Comment.Status.PENDING
    assert Comment.objects.count() == 1


def test_the_public_site_shows_every_committees_articles(first, second_committee):
    theirs = services.article_save(
        title="Tin công khai của Đảng bộ thứ hai",
        lead="",
        body_html="<p>x</p>",
        category=first["published"].category,
        user=second_committee["users"]["office2"],
    )
    services.article_publish(article=theirs, user=None)
    from django.test import Client

    home = Client().get(reverse("news:home")).text
    assert "Bài của Đảng bộ thử nghiệm" in home
    assert "Tin công khai của Đảng bộ thứ hai" in home


def test_existing_articles_get_their_committee(tree, second_committee, users):
    """The data migration: a report's article to the report's committee, a written one to
    its writer's, one without either to the first committee."""
    import importlib

    from django.apps import apps

    from reports.tests.factories import ReviewFactory

    migration = importlib.import_module("news.migrations.0004_article_unit")
    review = ReviewFactory(committee=second_committee["committee"])
    report = ArticleFactory(origin=f"report:{review.pk}", unit=None)
    written = ArticleFactory(created_by=users["office2"], unit=None)
    orphan = ArticleFactory(unit=None)
    migration.fill_units(apps, None)
    for article in (report, written, orphan):
        article.refresh_from_db()
    assert report.unit == second_committee["committee"]
    assert written.unit == second_committee["committee"]
    assert orphan.unit == tree.committee
