import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from news import caching, services
from news.models import Article, ArticleImage, Comment

from .factories import ArticleFactory, CategoryFactory, CommentFactory

pytestmark = pytest.mark.django_db


def _photo(article, position=0, caption="Chú thích ảnh"):
    photo = ArticleImage(article=article, caption=caption, position=position, width=40, height=30)
    photo.image.save("p.jpg", ContentFile(b"x"), save=False)
    photo.save()
    return photo


def test_article_page_has_the_shape_of_the_source(client):
    category = CategoryFactory(slug="tin-nganh", name="Tin ngành")
    article = ArticleFactory(
        category=category,
        title="Đảng ủy sơ kết việc học tập",
        lead="Đoạn mở đầu của bài.",
        author="Thu Hà",
        source="Theo Văn phòng Đảng ủy",
    )
    _photo(article, position=1, caption="Toàn cảnh hội nghị")
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Tin ngành",
        "Đảng ủy sơ kết việc học tập",
        "Đoạn mở đầu của bài.",
        "Toàn cảnh hội nghị",
        "Thu Hà",
        "Theo Văn phòng Đảng ủy",
        "Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *",
    ):
        assert text in html
    # The photo sits after the first paragraph, with its caption under it.
    assert (
        html.index("Đoạn thứ nhất") < html.index("Toàn cảnh hội nghị") < html.index("Đoạn thứ hai")
    )
    assert "<figcaption>Toàn cảnh hội nghị</figcaption>" in html
    # Date shown dd/mm/yyyy; the required fields are marked with *.
    assert timezone.localtime(article.published_at).strftime("%d/%m/%Y") in html
    assert 'for="id_email">Email <span aria-hidden="true">*</span>' in html


def test_meta_tags_for_sharing(client):
    article = ArticleFactory(title="Tiêu đề chia sẻ", lead="Mô tả ngắn gọn cho mạng xã hội.")
    photo = _photo(article)
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<meta property="og:title" content="Tiêu đề chia sẻ">' in html
    assert '<meta name="description" content="Mô tả ngắn gọn cho mạng xã hội.">' in html
    assert f'<meta property="og:image" content="http://testserver{photo.url}">' in html
    assert '<link rel="canonical"' in html


def test_security_headers_and_no_inline_script(client):
    article = ArticleFactory()
    for url in (reverse("news:home"), article.get_absolute_url(), reverse("news:search")):
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        html = response.content.decode()
        assert "<script>" not in html and "<script " not in html.replace('<script src="', "")


def test_drafts_and_scheduled_articles_are_hidden(client):
    draft = ArticleFactory(status=Article.Status.DRAFT, title="Bản nháp bí mật")
    later = ArticleFactory(
        published_at=timezone.now() + dt.timedelta(days=1), title="Bài hẹn giờ ngày mai"
    )
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(later.get_absolute_url()).status_code == 404
    home = client.get(reverse("news:home")).content.decode()
    assert "Bản nháp bí mật" not in home and "Bài hẹn giờ ngày mai" not in home


def test_scheduled_article_appears_when_its_time_comes(client, users):
    article = ArticleFactory(status=Article.Status.DRAFT, title="Bài sẽ lên trang")
    services.article_publish(
        article=article, user=users["editor"], at=timezone.now() + dt.timedelta(seconds=30)
    )
    assert "Bài sẽ lên trang" not in client.get(reverse("news:home")).content.decode()
    # Time passes: the page cached before must not hide it, and no job has to run.
    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - dt.timedelta(seconds=1)
    )
    from news.models import SiteVersion

    SiteVersion.objects.update(next_publication=timezone.now() - dt.timedelta(seconds=1))
    caching.reset()
    assert "Bài sẽ lên trang" in client.get(reverse("news:home")).content.decode()


def test_category_page_lists_only_its_articles(client):
    tin = CategoryFactory(slug="tin-nganh", name="Tin ngành")
    other = CategoryFactory(slug="thong-bao", name="Thông báo")
    ArticleFactory(category=tin, title="Bài tin ngành")
    ArticleFactory(category=other, title="Bài thông báo")
    html = client.get(reverse("news:category", kwargs={"slug": "tin-nganh"})).content.decode()
    assert "Bài tin ngành" in html and "Bài thông báo" not in html
    assert client.get(reverse("news:category", kwargs={"slug": "khong-co"})).status_code == 404


def test_search_ignores_diacritics(client):
    ArticleFactory(title="Sơ kết 4 năm thực hiện Chỉ thị")
    ArticleFactory(title="Hiến máu tình nguyện")
    html = client.get(reverse("news:search"), {"q": "so ket chi thi"}).content.decode()
    assert "Sơ kết 4 năm thực hiện Chỉ thị" in html and "Hiến máu" not in html
    html = client.get(reverse("news:search"), {"q": "HIẾN MÁU"}).content.decode()
    assert "Hiến máu tình nguyện" in html


def test_related_articles_come_from_the_same_category(client):
    category = CategoryFactory()
    article = ArticleFactory(category=category)
    ArticleFactory(category=category, title="Cùng chuyên mục")
    ArticleFactory(title="Chuyên mục khác")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Cùng chuyên mục" in html and "Chuyên mục khác" not in html


def test_feeds(client):
    ArticleFactory(title="Bài trong nguồn tin", author="Thu Hà")
    ArticleFactory(title="Bài nháp", status=Article.Status.DRAFT)
    rss = client.get(reverse("news:feed_rss"))
    atom = client.get(reverse("news:feed_atom"))
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert atom["Content-Type"].startswith("application/atom+xml")
    for response in (rss, atom):
        text = response.content.decode()
        assert "Bài trong nguồn tin" in text and "Bài nháp" not in text


def test_comments_threaded_and_escaped(client):
    article = ArticleFactory()
    parent = CommentFactory(
        article=article, status=Comment.Status.APPROVED, body="<script>alert(1)</script>"
    )
    CommentFactory(article=article, parent=parent, status=Comment.Status.APPROVED, body="Trả lời")
    CommentFactory(article=article, status=Comment.Status.PENDING, body="Đang chờ")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert '<ol class="replies">' in html and "Trả lời" in html
    assert "Đang chờ" not in html
    for comment in Comment.objects.all():
        assert comment.email not in html


@pytest.mark.parametrize("articles", [3, 15])
def test_public_pages_use_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, articles
):
    category = CategoryFactory(slug="tin-nganh")
    items = ArticleFactory.create_batch(articles, category=category)
    for item in items:
        _photo(item)
        comment = CommentFactory(article=item, status=Comment.Status.APPROVED)
        CommentFactory(article=item, parent=comment, status=Comment.Status.APPROVED)
    target = items[0]
    caching.bump()  # what the services do after each change
    # Uncached: a handful of queries whatever the number of articles and comments.
    with django_assert_max_num_queries(8):
        assert client.get(target.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(reverse("news:home")).status_code == 200
    with django_assert_max_num_queries(6):
        client.get(reverse("news:category", kwargs={"slug": "tin-nganh"}))
    with django_assert_max_num_queries(5):
        client.get(reverse("news:search"), {"q": "bai viet"})
    # Cached: no query at all (the shared version is re-read at most once a second).
    with django_assert_max_num_queries(0):
        assert client.get(target.get_absolute_url()).status_code == 200
        assert client.get(reverse("news:home")).status_code == 200
    caching.reset()
    with django_assert_max_num_queries(1):
        assert client.get(target.get_absolute_url()).status_code == 200
