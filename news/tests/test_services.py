import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from core.actors import SYSTEM
from news import richtext, services
from news.models import Article, Category, Comment

from .factories import ArticleFactory, CategoryFactory, CommentFactory

pytestmark = pytest.mark.django_db


def test_article_create_is_the_reports_contract(users):
    assert not Category.objects.exists()
    article = services.article_create(
        title="Đảng ủy sơ kết 4 năm",
        lead="Mở đầu.",
        body="Đoạn một, dòng một.\nDòng hai.\n\nĐoạn hai có <b>thẻ</b> & ký tự.",
        author="Văn phòng",
        source="Theo Văn phòng Đảng ủy",
        origin="report:12",
        user=users["office"],
    )
    assert article.status == Article.Status.DRAFT and not article.is_public
    assert article.category.slug == "tin-nganh" and article.category.name == "Tin ngành"
    assert article.origin == "report:12"
    assert article.created_by == users["office"]
    assert article.body == (
        "<p>Đoạn một, dòng một.<br>Dòng hai.</p>"
        "<p>Đoạn hai có &lt;b&gt;thẻ&lt;/b&gt; &amp; ký tự.</p>"
    )
    assert article.history.first().history_user == users["office"]
    # A second one reuses the category and gets its own address.
    again = services.article_create(user=SYSTEM, title="Đảng ủy sơ kết 4 năm", lead="", body="x")
    assert again.category == article.category and again.slug != article.slug
    services.article_publish(article=article, user=users["editor"])
    assert Article.objects.public().filter(pk=article.pk).exists()


def test_article_create_with_an_unknown_category_is_refused():
    with pytest.raises(ValidationError):
        services.article_create(user=SYSTEM, title="T", lead="", body="", category_slug="khong-co")


def test_publish_at_a_time_and_unpublish(users):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    later = timezone.now() + dt.timedelta(hours=2)
    services.article_publish(article=article, user=users["editor"], at=later)
    assert article.is_scheduled and not Article.objects.public().filter(pk=article.pk).exists()
    assert Article.objects.public(now=later + dt.timedelta(seconds=1)).filter(pk=article.pk)
    services.article_unpublish(article=article, user=users["editor"])
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_sanitiser_keeps_the_small_set_only():
    dirty = (
        '<p onclick="x()">Một <strong>đậm</strong> <script>alert(1)</script>'
        '<a href="javascript:alert(1)">xấu</a> <a href="https://vi.wikipedia.org">tốt</a>'
        '<img src=x onerror=alert(1)><span style="color:red">đỏ</span></p><h2>Mục</h2>'
        "<iframe src='//x'></iframe>"
    )
    clean = richtext.sanitise(dirty)
    assert "<script" not in clean and "onclick" not in clean and "<img" not in clean
    assert "javascript:" not in clean and "<iframe" not in clean and "style=" not in clean
    assert "<strong>đậm</strong>" in clean and "<h2>Mục</h2>" in clean
    assert 'href="https://vi.wikipedia.org"' in clean and 'rel="nofollow noopener"' in clean


def test_editor_html_turns_plain_text_into_paragraphs():
    assert richtext.editor_html("Một\n\nHai") == "<p>Một</p><p>Hai</p>"
    assert richtext.editor_html("<p>Đã có</p>") == "<p>Đã có</p>"


def test_split_blocks():
    blocks = richtext.split_blocks("<p>a</p><ul><li>b<ul><li>c</li></ul></li></ul><p>d &amp; e</p>")
    assert blocks == ["<p>a</p>", "<ul><li>b<ul><li>c</li></ul></li></ul>", "<p>d &amp; e</p>"]


def _upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_image_is_checked_resized_and_stripped(photo_bytes, users):
    article = ArticleFactory()
    photo = services.image_add(
        article=article,
        upload=_upload("a.png", photo_bytes(2400, 1600, "PNG")),
        caption="Hội nghị",
        position=2,
        user=users["editor"],
    )
    assert (photo.width, photo.height) == (1600, 1067)
    with Image.open(photo.image.path) as stored:
        assert stored.format == "JPEG" and stored.size == (1600, 1067)
    with Image.open(photo.small.path) as small:
        assert small.width == 640


@pytest.mark.parametrize(
    "content",
    [
        b"not an image at all",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 50,  # a PNG header and nothing behind it
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
    ],
)
def test_non_images_are_refused(content, users):
    article = ArticleFactory()
    with pytest.raises(ValidationError) as error:
        services.image_add(article=article, upload=_upload("x.jpg", content), user=users["editor"])
    assert "image" in error.value.message_dict
    assert not article.images.exists()


def test_truncated_jpeg_is_refused(photo_bytes, users, monkeypatch):
    from PIL import ImageFile

    # As after `import weasyprint`, which turns this on for the whole process.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    article = ArticleFactory()
    data = photo_bytes(800, 600)
    with pytest.raises(ValidationError):
        services.image_add(
            article=article, upload=_upload("x.jpg", data[: len(data) // 3]), user=users["editor"]
        )
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # left as it was found


def test_comment_rules(users):
    article = ArticleFactory()
    top = CommentFactory(article=article, status=Comment.Status.APPROVED)
    reply = services.comment_submit(
        article=article, name="A", email="a@example.org", body="b", parent=top
    )
    deeper = services.comment_submit(
        article=article, name="A", email="a@example.org", body="c", parent=reply
    )
    assert deeper.parent == top
    with pytest.raises(ValidationError):
        services.comment_submit(article=article, name="A", email="", body="b")
    with pytest.raises(ValidationError):
        services.comment_submit(article=article, name="A", email="a@example.org", body="x" * 3001)
    with pytest.raises(ValidationError):
        services.comment_moderate(comment=top, status="pending", user=users["editor"])


def test_editor_reply_approves_the_comment(users):
    comment = CommentFactory()
    reply = services.comment_reply(parent=comment, body="Cảm ơn bạn.", user=users["editor"])
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED and comment.moderated_by == users["editor"]
    assert reply.status == Comment.Status.APPROVED and reply.by_editor == users["editor"]
    assert reply.name == "Ban biên tập"


def test_category_save_makes_an_address():
    category = services.category_save(user=SYSTEM, name="Hoạt động Đoàn thể")
    assert category.slug == "hoat-dong-doan-the"
    second = services.category_save(user=SYSTEM, name="Hoạt động Đoàn thể")
    assert second.slug == "hoat-dong-doan-the-2"
    CategoryFactory(slug="x")


def _refused(call, **kwargs):
    with pytest.raises(PermissionDenied):
        call(**kwargs)


def _article_change(article) -> dict:
    return {
        "article": article,
        "title": "Đổi",
        "lead": "",
        "body_html": "",
        "category": article.category,
    }


def test_services_refuse_a_user_without_a_news_role_and_write_nothing(users, photo_bytes):
    """Every writing service checks the news policy itself, whoever calls it."""
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None, title="Giữ nguyên")
    photo = services.image_add(
        article=article,
        upload=_upload("a.jpg", photo_bytes(800, 600)),
        caption="Ảnh",
        user=SYSTEM,
    )
    comment = CommentFactory(article=article)
    category = CategoryFactory(name="Chuyên mục cũ")
    for role in ("member", "secretary", "inspection"):
        user = users[role]
        _refused(services.category_save, name="Mới", user=user)
        _refused(services.category_save, category=category, name="Đổi", user=user)
        _refused(services.article_create, title="T", lead="", body="x", user=user)
        _refused(services.article_save, **_article_change(article), user=user)
        _refused(services.article_publish, article=article, user=user)
        _refused(services.article_unpublish, article=article, user=user)
        _refused(
            services.image_add,
            article=article,
            upload=_upload("b.jpg", photo_bytes(800, 600)),
            user=user,
        )
        _refused(services.image_update, photo=photo, caption="Đổi", position=3, user=user)
        _refused(services.image_delete, photo=photo, user=user)
        _refused(
            services.comment_moderate, comment=comment, status=Comment.Status.APPROVED, user=user
        )
        _refused(services.comment_reply, parent=comment, body="Trả lời", user=user)
    article.refresh_from_db()
    photo.refresh_from_db()
    comment.refresh_from_db()
    category.refresh_from_db()
    assert Article.objects.count() == 1 and not Category.objects.filter(slug="tin-nganh").exists()
    assert article.title == "Giữ nguyên" and article.status == Article.Status.DRAFT
    assert Category.objects.count() == 2 and category.name == "Chuyên mục cũ"  # and the article's
    assert photo.caption == "Ảnh" and article.images.count() == 1
    assert comment.status == Comment.Status.PENDING and Comment.objects.count() == 1


def test_another_committees_office_may_not_change_this_committees_article(users, second_committee):
    article = ArticleFactory(title="Của đảng bộ thứ nhất")
    comment = CommentFactory(article=article)
    office2 = users["office2"]
    _refused(services.article_save, **_article_change(article), user=office2)
    _refused(services.article_unpublish, article=article, user=office2)
    _refused(services.comment_moderate, comment=comment, status="spam", user=office2)
    article.refresh_from_db()
    comment.refresh_from_db()
    assert article.title == "Của đảng bộ thứ nhất" and article.is_public
    assert comment.status == Comment.Status.PENDING
    # Its own office may.
    services.article_unpublish(article=article, user=users["office"])
    assert not Article.objects.public().filter(pk=article.pk).exists()


def test_a_service_without_an_actor_is_a_programming_error():
    with pytest.raises(TypeError):
        services.category_save(name="X", user=None)
