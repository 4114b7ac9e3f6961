import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from news.models import Article, Category, Comment

from .factories import ArticleFactory, CategoryFactory, CommentFactory

pytestmark = pytest.mark.django_db


def test_editor_writes_publishes_and_unpublishes(client_as, photo_bytes):
    client = client_as("editor")
    category = CategoryFactory(slug="tin-nganh", name="Tin ngành")
    response = client.post(
        reverse("news:article_add"),
        {
            "title": "Bài của biên tập viên",
            "category": category.pk,
            "lead": "Sapo.",
            "body": (
                '<p>Đoạn <strong>một</strong></p><script>alert(1)</script><p onclick="x">Hai</p>'
            ),
            "author": "Thu Hà",
            "source": "Theo Văn phòng Đảng ủy",
        },
    )
    article = Article.objects.get()
    assert response.status_code == 302 and article.status == Article.Status.DRAFT
    assert article.body == "<p>Đoạn <strong>một</strong></p><p>Hai</p>"
    upload = SimpleUploadedFile("anh.jpg", photo_bytes(), content_type="image/jpeg")
    response = client.post(
        reverse("news:image_add", kwargs={"pk": article.pk}),
        {"image": upload, "caption": "Toàn cảnh", "position": 1},
    )
    assert response.status_code == 302 and article.images.get().caption == "Toàn cảnh"
    client.post(reverse("news:article_publish", kwargs={"pk": article.pk}), {"at": ""})
    article.refresh_from_db()
    assert article.is_public
    client.post(
        reverse("news:article_publish", kwargs={"pk": article.pk}), {"at": "31/12/2099 08:00"}
    )
    article.refresh_from_db()
    assert article.is_scheduled
    client.post(reverse("news:article_unpublish", kwargs={"pk": article.pk}))
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_bad_article_form_keeps_what_was_typed(client_as):
    client = client_as("editor")
    CategoryFactory()
    response = client.post(reverse("news:article_add"), {"title": "", "lead": "Giữ lại sapo"})
    html = response.content.decode()
    assert response.status_code == 200 and "Giữ lại sapo" in html
    assert 'id="id_title_error"' in html and not Article.objects.exists()


def test_publish_with_a_bad_time_is_refused_plainly(client_as):
    article = ArticleFactory(status=Article.Status.DRAFT)
    client = client_as("editor")
    response = client.post(
        reverse("news:article_publish", kwargs={"pk": article.pk}), {"at": "ngày mai"}, follow=True
    )
    assert "không phải ngày giờ hợp lệ" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


@pytest.mark.parametrize(
    "content", [b"MZ\x90\x00 an executable", b"%PDF-1.4 not a photo", b"GIF89a broken"]
)
def test_non_image_upload_gets_a_clear_message(client_as, content):
    article = ArticleFactory()
    client = client_as("editor")
    upload = SimpleUploadedFile("anh.jpg", content, content_type="image/jpeg")
    response = client.post(
        reverse("news:image_add", kwargs={"pk": article.pk}),
        {"image": upload, "caption": "x", "position": 0},
    )
    assert response.status_code == 400
    assert "Tệp không phải là ảnh" in response.content.decode()
    assert not article.images.exists()


def test_article_list_search_and_counts(client_as, django_assert_max_num_queries):
    for number in range(30):
        article = ArticleFactory(title=f"Hội nghị quán triệt số {number}")
        CommentFactory(article=article)
    ArticleFactory(title="Hiến máu nhân đạo", status=Article.Status.DRAFT)
    client = client_as("editor")
    with django_assert_max_num_queries(10):
        response = client.get(reverse("news:manage"), {"q": "hien mau"})
    html = response.content.decode()
    assert "Hiến máu nhân đạo" in html and "Hội nghị quán triệt" not in html
    response = client.get(reverse("news:manage"))
    assert "Trang 1 / 2" in response.content.decode()
    response = client.get(reverse("news:manage"), {"trang-thai": "draft"})
    assert "Hiến máu nhân đạo" in response.content.decode()


def test_moderation_queue(client_as, django_assert_max_num_queries):
    article = ArticleFactory()
    CommentFactory.create_batch(30, article=article)
    CommentFactory(article=article, status=Comment.Status.SPAM, name="Rác")
    target = CommentFactory(article=article, name="Người gửi", email="nguoi.gui@example.org")
    client = client_as("editor")
    with django_assert_max_num_queries(10):
        response = client.get(reverse("news:moderation"))
    html = response.content.decode()
    assert 'Chờ duyệt <span class="badge">31</span>' in html
    assert 'Thư rác <span class="badge">1</span>' in html
    # Editors see the email, to be able to answer in private.
    assert "nguoi.gui@example.org" in html
    response = client.get(reverse("news:moderation"), {"q": "nguoi gui"})
    assert "Người gửi" in response.content.decode()
    url = reverse("news:comment_moderate", kwargs={"pk": target.pk})
    client.post(url, {"status": "approved"})
    target.refresh_from_db()
    assert target.status == Comment.Status.APPROVED and target.moderated_by.username == "editor"
    client.post(url, {"status": "spam"})
    target.refresh_from_db()
    assert target.status == Comment.Status.SPAM
    response = client.post(url, {"status": "delete-everything"}, follow=True)
    assert "Thao tác duyệt không hợp lệ" in response.content.decode()


def test_reply_as_editor(client_as):
    comment = CommentFactory(name="Bạn đọc A")
    client = client_as("office")
    response = client.post(
        reverse("news:comment_reply", kwargs={"pk": comment.pk}), {"body": "Cảm ơn bạn."}
    )
    assert response.status_code == 302
    reply = Comment.objects.get(parent=comment)
    assert reply.status == Comment.Status.APPROVED and reply.by_editor.username == "office"
    page = client.get(comment.article.get_absolute_url()).content.decode()
    assert "Cảm ơn bạn." in page and "Ban biên tập" in page


def test_categories(client_as):
    client = client_as("editor")
    client.post(reverse("news:categories"), {"name": "Thông báo", "slug": "", "order": 20})
    category = Category.objects.get(name="Thông báo")
    assert category.slug == "thong-bao"
    response = client.post(
        reverse("news:categories"), {"name": "Khác", "slug": "thong-bao", "order": 1}
    )
    assert "đã được một chuyên mục khác sử dụng" in response.content.decode()
    client.post(
        reverse("news:category_edit", kwargs={"pk": category.pk}),
        {"name": "Thông báo mới", "slug": "thong-bao", "description": "", "order": 5},
    )
    category.refresh_from_db()
    assert category.name == "Thông báo mới" and category.order == 5


def test_dashboard_panel_counts_waiting_comments(client_as):
    CommentFactory.create_batch(2)
    html = client_as("editor").get("/").content.decode()
    assert "2 bình luận chờ duyệt" in html
    assert "bình luận chờ duyệt" not in client_as("secretary").get("/").content.decode()


def test_editing_without_changes_keeps_the_body(client_as):
    article = ArticleFactory(body="<p>Một &amp; hai</p><ul><li>ba</li></ul><p>bốn</p>")
    client = client_as("editor")
    page = client.get(reverse("news:article_edit", kwargs={"pk": article.pk}))
    form = page.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["category"] = article.category_id
    client.post(reverse("news:article_edit", kwargs={"pk": article.pk}), data)
    article.refresh_from_db()
    assert article.body == "<p>Một &amp; hai</p>\n\n<ul><li>ba</li></ul>\n\n<p>bốn</p>"
    assert "Một &amp; hai" in client.get(article.get_absolute_url()).content.decode()
