"""A visitor comments, the editor approves, the visitor sees it — and never the email."""

import random

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.actors import SYSTEM
from core.testing import sign_in_browser
from news import services
from news.demo import demo_photo

EMAIL = "lan.nguyen.bandoc@example.org"


def _article(editor):
    category = services.category_default(user=SYSTEM)
    services.category_save(user=SYSTEM, name="Đoàn thể", order=20)
    article = services.article_create(
        title="Đảng ủy tổng kết đợt sinh hoạt chuyên đề năm",
        lead="Các chi bộ đã hoàn thành sinh hoạt chuyên đề đúng kế hoạch.",
        body=(
            "Văn phòng Đảng ủy tổng hợp biên bản của các chi bộ gửi về.\n\n"
            "Nhiều chi bộ gắn chuyên đề với việc làm cụ thể tại cơ quan.\n\n"
            "Đảng ủy đề ra hướng làm cho năm tiếp theo."
        ),
        category_slug=category.slug,
        author="Minh Thư",
        source="Theo Văn phòng Đảng ủy",
        user=editor,
    )
    upload = SimpleUploadedFile(
        "hoi-nghi.png", demo_photo(random.Random(1)), content_type="image/png"
    )
    services.image_add(
        article=article,
        upload=upload,
        caption="Quang cảnh buổi sinh hoạt chuyên đề.",
        position=1,
        user=editor,
    )
    services.article_publish(article=article, user=editor)
    return article


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_comment_is_moderated_and_the_email_never_shown(
    page, phone_page, screenshot, users, settings
):
    settings.NEWS_COMMENT_MIN_SECONDS = 1
    from django.core.cache import cache

    cache.clear()
    article = _article(users["editor"])
    visitor = phone_page

    visitor.goto(article.get_absolute_url())
    visitor.get_by_role("heading", name=article.title).wait_for()
    assert visitor.get_by_text("Email của bạn sẽ không được hiển thị công khai.").is_visible()
    screenshot(visitor, "tin-tuc-bai-viet-dien-thoai")

    visitor.get_by_role("textbox", name="Bình luận").fill(
        "Bài viết thiết thực. <b>Cảm ơn</b> Ban biên tập!"
    )
    visitor.get_by_role("textbox", name="Tên", exact=True).fill("Nguyễn Thị Lan")
    visitor.get_by_role("textbox", name="Email").fill(EMAIL)
    visitor.wait_for_timeout(1200)
    visitor.get_by_role("button", name="Gửi bình luận").click()
    visitor.get_by_text("Bình luận của bạn đang chờ Ban biên tập duyệt").wait_for()
    assert "Cảm ơn</b> Ban biên tập" not in visitor.content()
    assert visitor.get_by_text("Chưa có bình luận nào.").is_visible()
    screenshot(visitor, "tin-tuc-binh-luan-cho-duyet")

    sign_in_browser(page, "editor")
    page.goto("/tin-tuc/quan-ly/binh-luan/")
    page.get_by_text(EMAIL).wait_for()
    screenshot(page, "tin-tuc-duyet-binh-luan")
    page.get_by_role("button", name="Duyệt").click()
    page.get_by_text("Bình luận của Nguyễn Thị Lan: Đã duyệt.").wait_for()

    page.goto(f"/tin-tuc/quan-ly/bai-viet/{article.pk}/")
    page.get_by_label("Tiêu đề").wait_for()
    screenshot(page, "tin-tuc-soan-bai")

    visitor.goto(article.get_absolute_url())
    shown = visitor.locator(".comment-list .comment .text")
    shown.first.wait_for()
    # Shown exactly as typed, as text: the markup the visitor typed did not become markup.
    assert shown.first.inner_text() == "Bài viết thiết thực. <b>Cảm ơn</b> Ban biên tập!"
    source = visitor.content()
    assert EMAIL not in source and "lan.nguyen" not in source
    screenshot(visitor, "tin-tuc-binh-luan-da-duyet")

    visitor.goto("/tin-tuc/")
    visitor.get_by_role("link", name=article.title).first.wait_for()
    assert EMAIL not in visitor.content()
    screenshot(visitor, "tin-tuc-trang-chu-dien-thoai")
