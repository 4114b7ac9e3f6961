"""Public pages are cached and refreshed on publish, unpublish, edit and approval."""

import pytest
from django.urls import reverse

from news import services
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
