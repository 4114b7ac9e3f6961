"""The reply form: held for moderation, and every kind of bad input refused without a 500."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from news.forms import form_token
from news.models import Comment

from .factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def _post(client, article, data):
    return client.post(reverse("news:comment_post", kwargs={"slug": article.slug}), data)


def test_comment_is_held_and_the_poster_told_so(client, comment_data):
    article = ArticleFactory()
    response = _post(client, article, comment_data(article))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Bình luận của bạn đang chờ Ban biên tập duyệt" in page
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.email == "lan.nguyen@example.org"
    # Held: not on the page yet, and the email nowhere.
    assert "Bài viết rất thiết thực, cảm ơn" not in page
    assert "lan.nguyen@example.org" not in page


def test_reply_is_threaded_one_level(client, comment_data):
    article = ArticleFactory()
    top = CommentFactory(article=article, status=Comment.Status.APPROVED)
    reply = CommentFactory(article=article, parent=top, status=Comment.Status.APPROVED)
    _post(client, article, comment_data(article, parent=str(reply.pk)))
    newest = Comment.objects.latest("pk")
    assert newest.parent == top


def test_reply_to_a_comment_of_another_article_becomes_top_level(client, comment_data):
    article = ArticleFactory()
    elsewhere = CommentFactory(status=Comment.Status.APPROVED)
    _post(client, article, comment_data(article, parent=str(elsewhere.pk)))
    assert Comment.objects.latest("pk").parent is None


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": ""}, "email", "Trường này là bắt buộc."),
        ({"email": "khong-phai-email"}, "email", "Địa chỉ email không hợp lệ"),
        ({"name": ""}, "name", "Trường này là bắt buộc."),
        ({"body": "   "}, "body", "Trường này là bắt buộc."),
        ({"body": "x" * 3001}, "body", "3000"),
        (
            {"body": "Xem http://a.vn http://b.vn http://c.vn"},
            "body",
            "tối đa 2 đường liên kết",
        ),
        ({"website": "javascript:alert(1)"}, "website", "URL"),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_stored(
    client, comment_data, overrides, field, message
):
    article = ArticleFactory()
    response = _post(client, article, comment_data(article, **overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert f'id="id_{field}_error"' in html
    assert not Comment.objects.exists()


def test_script_tags_are_stored_as_typed_and_shown_escaped(
    client, comment_data, users, django_capture_on_commit_callbacks
):
    from news import services

    article = ArticleFactory()
    body = '<script>alert("x")</script> <b>đậm</b> & "trích"'
    _post(client, article, comment_data(article, body=body, name="<i>Tên</i>"))
    comment = Comment.objects.get()
    assert comment.body == body and comment.name == "<i>Tên</i>"
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_moderate(comment=comment, status="approved", user=users["editor"])
    html = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;đậm&lt;/b&gt; &amp; &quot;trích&quot;" in html
    assert "&lt;i&gt;Tên&lt;/i&gt;" in html
    assert "<script>alert" not in html and "<b>đậm" not in html


def test_honeypot_is_refused_quietly(client, comment_data):
    article = ArticleFactory()
    response = _post(client, article, comment_data(article, homepage="http://spam.example"))
    assert response.status_code == 302
    assert "đang chờ" in client.get(response["Location"]).content.decode()
    assert not Comment.objects.exists()


def test_too_fast_is_refused_with_a_plain_message(client, comment_data):
    article = ArticleFactory()
    data = comment_data(article, token=form_token(article.pk, time.time()))
    response = _post(client, article, data)
    assert response.status_code == 200
    assert "Biểu mẫu được gửi quá nhanh" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize("token", ["", "rác", None])
def test_forged_or_missing_timestamp_is_refused(client, comment_data, token):
    article = ArticleFactory()
    other = ArticleFactory()
    data = comment_data(article, token=token if token is not None else form_token(other.pk, 1.0))
    response = _post(client, article, data)
    assert response.status_code == 200
    assert "Biểu mẫu đã hết hạn" in response.content.decode()
    assert not Comment.objects.exists()


def test_flood_from_one_address_is_refused(client, comment_data, settings):
    settings.NEWS_COMMENT_RATE = (3, 600)
    article = ArticleFactory()
    statuses = [_post(client, article, comment_data(article)).status_code for _ in range(6)]
    assert statuses == [302, 302, 302, 429, 429, 429]
    assert Comment.objects.count() == 3
    response = _post(client, article, comment_data(article))
    assert "quá nhiều bình luận" in response.content.decode()
    # Another address is not affected.
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert _post(other, article, comment_data(article)).status_code == 302


def test_form_keeps_what_was_typed_after_an_error(client, comment_data):
    article = ArticleFactory()
    response = _post(client, article, comment_data(article, email="sai", body="Ý kiến của tôi"))
    html = response.content.decode()
    assert "Ý kiến của tôi" in html and 'value="Nguyễn Thị Lan"' in html


def test_csrf_is_required(comment_data):
    article = ArticleFactory()
    client = Client(enforce_csrf_checks=True)
    response = _post(client, article, comment_data(article))
    assert response.status_code == 403
    assert not Comment.objects.exists()
    page = client.get(article.get_absolute_url())
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()


def test_get_on_the_post_address_and_unknown_article(client, comment_data):
    article = ArticleFactory()
    url = reverse("news:comment_post", kwargs={"slug": article.slug})
    assert client.get(url).status_code == 405
    missing = reverse("news:comment_post", kwargs={"slug": "khong-co"})
    assert client.post(missing, comment_data(article)).status_code == 404


def test_garbage_post_never_errors(client):
    article = ArticleFactory()
    url = reverse("news:comment_post", kwargs={"slug": article.slug})
    for data in ({}, {"parent": "abc", "token": "x" * 5000}, {"name": "\x00" * 10}):
        assert client.post(url, data).status_code == 200


def test_the_cached_form_carries_each_visitors_own_tokens(settings):
    """The blank form is cached with placeholders; each visitor still gets working tokens."""
    import re

    settings.NEWS_COMMENT_MIN_SECONDS = 0
    article = ArticleFactory()
    pages = []
    for _ in range(2):
        client = Client(enforce_csrf_checks=True)
        html = client.get(article.get_absolute_url()).content.decode()
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        token = re.search(r'name="token" value="([^"]+)"', html).group(1)
        assert "@@" not in html
        pages.append((client, csrf, token))
    assert pages[0][1] != pages[1][1]
    for client, csrf, token in pages:
        data = {
            "csrfmiddlewaretoken": csrf,
            "token": token,
            "name": "Lan",
            "email": "lan@example.org",
            "body": "Ý kiến",
        }
        assert _post(client, article, data).status_code == 302
    assert Comment.objects.count() == 2
