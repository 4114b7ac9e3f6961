"""The comment form's guards hold across worker processes: the rate is counted in the database
and a signed form token posts one comment only."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from news.models import Comment

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _post(client, article, data):
    return client.post(reverse("news:comment_post", kwargs={"slug": article.slug}), data)


def test_a_form_token_posts_one_comment_only(client, comment_data):
    article = ArticleFactory()
    data = comment_data(article)
    assert _post(client, article, data).status_code == 302
    replay = _post(client, article, {**data, "body": "Gửi lại lần nữa bằng cùng biểu mẫu."})
    assert replay.status_code == 200
    assert "Biểu mẫu này đã được gửi" in replay.content.decode()
    assert Comment.objects.count() == 1
    # The page offers a fresh form, which posts.
    assert _post(client, article, comment_data(article)).status_code == 302
    assert Comment.objects.count() == 2


def test_a_refused_comment_does_not_spend_its_token(client, comment_data):
    article = ArticleFactory()
    data = comment_data(article, email="sai")
    assert _post(client, article, data).status_code == 200
    assert _post(client, article, {**data, "email": "lan@example.org"}).status_code == 302
    assert Comment.objects.count() == 1


def test_the_rate_survives_another_process_cache(comment_data, settings):
    """Each worker has its own memory cache; clearing it between posts plays a second worker."""
    settings.NEWS_COMMENT_RATE = (2, 600)
    article = ArticleFactory()
    statuses = []
    for _ in range(4):
        cache.clear()
        client = Client(REMOTE_ADDR="10.1.1.1")
        statuses.append(_post(client, article, comment_data(article)).status_code)
    assert statuses == [302, 302, 429, 429]
    assert Comment.objects.count() == 2


def test_behind_a_proxy_the_rate_counts_the_client_address(comment_data, settings):
    settings.NEWS_COMMENT_RATE = (1, 600)
    settings.PROXY_COUNT = 1
    article = ArticleFactory()
    first = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    second = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert _post(first, article, comment_data(article)).status_code == 302
    assert _post(second, article, comment_data(article)).status_code == 302
    assert _post(first, article, comment_data(article)).status_code == 429
    assert set(Comment.objects.values_list("ip_address", flat=True)) == {
        "203.0.113.5",
        "203.0.113.6",
    }
