"""Public pages are cached and refreshed on publish, unpublish, edit and approval."""

import time

import pytest
from django.core import signing
from django.urls import reverse

from news import services
from news.forms import TIMESTAMP_SALT
from news.models import Article, Comment

from .factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _html(client, url):
    return client.get(url).content.decode()


def test_cached_page_is_served_until_something_changes(client):
    article = ArticleFactory(title="Tiêu đề cũ")
    url = article.get_absolute_url()
    assert "Tiêu đề cũ" in _html(client, url)
    # A write that bypasses the services is not seen: the page really comes from the cache.
    Article.objects.filter(pk=article.pk).update(title="Tiêu đề sửa lén")
    assert "Tiêu đề cũ" in _html(client, url)


def test_edit_refreshes_the_pages(client, users, on_commit):
    article = ArticleFactory(title="Tiêu đề cũ")
    url = article.get_absolute_url()
    home = reverse("news:home")
    assert "Tiêu đề cũ" in _html(client, url) and "Tiêu đề cũ" in _html(client, home)
    with on_commit():
        services.article_save(
            article=article,
            title="Tiêu đề mới",
            lead=article.lead,
            body_html=article.body,
            category=article.category,
            user=users["editor"],
        )
    assert "Tiêu đề mới" in _html(client, url) and "Tiêu đề mới" in _html(client, home)


def test_publish_and_unpublish_refresh_the_pages(client, users, on_commit):
    article = ArticleFactory(status=Article.Status.DRAFT, title="Bài mới lên")
    home = reverse("news:home")
    assert "Bài mới lên" not in _html(client, home)
    with on_commit():
        services.article_publish(article=article, user=users["editor"])
    assert "Bài mới lên" in _html(client, home)
    assert client.get(article.get_absolute_url()).status_code == 200
    with on_commit():
        services.article_unpublish(article=article, user=users["editor"])
    assert "Bài mới lên" not in _html(client, home)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_approval_refreshes_the_article_page(client, users, on_commit):
    article = ArticleFactory()
    comment = CommentFactory(article=article, body="Ý kiến bạn đọc")
    url = article.get_absolute_url()
    assert "Ý kiến bạn đọc" not in _html(client, url)
    with on_commit():
        services.comment_moderate(
            comment=comment, status=Comment.Status.APPROVED, user=users["editor"]
        )
    assert "Ý kiến bạn đọc" in _html(client, url)
    with on_commit():
        services.comment_moderate(comment=comment, status=Comment.Status.SPAM, user=users["editor"])
    assert "Ý kiến bạn đọc" not in _html(client, url)


def test_new_pending_comment_does_not_flush_the_cache(client, comment_data):
    from news import caching

    article = ArticleFactory()
    client.get(article.get_absolute_url())
    before = caching.version()
    client.post(reverse("news:comment_post", kwargs={"slug": article.slug}), comment_data(article))
    assert caching.version() == before


def test_a_bump_by_another_process_reaches_this_one(client, settings):
    """Each process has its own memory cache; the version in the database ties them together."""
    from news import caching
    from news.models import SiteVersion

    article = ArticleFactory(title="Tiêu đề cũ")
    url = article.get_absolute_url()
    caching.bump()
    assert "Tiêu đề cũ" in _html(client, url)
    Article.objects.filter(pk=article.pk).update(title="Tiêu đề do tiến trình khác sửa")
    # Another process saved and bumped: only the database row changes here.
    SiteVersion.objects.update(value=caching.version() + 1)
    assert "Tiêu đề cũ" in _html(client, url)  # within the second, the memo is trusted
    settings.NEWS_VERSION_CHECK_SECONDS = 0
    assert "Tiêu đề do tiến trình khác sửa" in _html(client, url)


def _hidden(html: str, name: str) -> str:
    import re

    found = re.search(rf'name="{name}" value="([^"]+)"', html)
    assert found, f"no hidden field {name}"
    return found.group(1)


def test_whole_page_is_stored_and_filled_per_visitor(client, django_assert_num_queries):
    """The second anonymous visit renders no template and runs no query, yet each visitor gets
    a CSRF token and a form stamp of his own, signed for this article and this moment."""
    from django.test import Client

    article = ArticleFactory(title="Trang lưu nguyên")
    url = article.get_absolute_url()
    client.get(url)
    other = Client()
    with django_assert_num_queries(0):
        response = other.get(url)
    assert response.templates == []
    html = response.content.decode()
    assert "Trang lưu nguyên" in html and "@@" not in html
    first = _html(Client(), url)
    assert _hidden(html, "token") != _hidden(first, "token")
    assert _hidden(html, "csrfmiddlewaretoken") != _hidden(first, "csrfmiddlewaretoken")
    stamp = signing.loads(_hidden(html, "token"), salt=TIMESTAMP_SALT)
    assert stamp["a"] == article.pk and abs(stamp["t"] - time.time()) < 60


def test_whole_page_is_not_served_with_a_message_or_a_query(client, comment_data):
    article = ArticleFactory()
    url = article.get_absolute_url()
    client.get(url)
    post = reverse("news:comment_post", kwargs={"slug": article.slug})
    response = client.post(post, comment_data(article), follow=True)
    assert "Thank you" in response.content.decode() or "Cảm ơn" in response.content.decode()
    assert client.get(url + "?tra-loi=1").templates != []


def test_publishing_refreshes_the_stored_page(client, users, on_commit):
    article = ArticleFactory(title="Bài chính")
    url = article.get_absolute_url()
    client.get(url)
    newer = ArticleFactory(
        status=Article.Status.DRAFT, title="Bài liên quan mới", category=article.category
    )
    with on_commit():
        services.article_publish(article=newer, user=users["editor"])
    assert "Bài liên quan mới" in _html(client, url)
