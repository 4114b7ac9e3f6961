"""The editor writes an article in the rich-text editor; its buttons follow the article's state."""

import pytest
from playwright.sync_api import expect

from accounts.tests.factories import RoleAssignmentFactory, UserFactory
from core.actors import SYSTEM
from core.roles import Role
from core.testing import sign_in_browser
from news import services
from news.models import Article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_writes_in_the_rich_text_editor_and_publishes(page, tree):
    editor = UserFactory(username="bientap")
    RoleAssignmentFactory(user=editor, role=Role.EDITOR, unit=tree.committee)
    services.category_default(user=SYSTEM)
    errors = []
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and "favicon" not in message.location.get("url", "")
            and errors.append(f"{message.text} {message.location.get('url')}")
        ),
    )
    sign_in_browser(page, "bientap")
    page.goto("/tin-tuc/quan-ly/bai-viet/them/")
    page.get_by_label("Tiêu đề").fill("Chi bộ A hoàn thành sinh hoạt chuyên đề")
    body = page.locator(".ProseMirror[contenteditable='true']")
    expect(body).to_have_count(1)  # the textarea became one editor
    expect(body).to_be_visible()
    body.click()
    page.keyboard.type("Kết quả ")
    page.keyboard.press("Control+b")
    page.keyboard.type("nổi bật")
    page.keyboard.press("Control+b")
    page.keyboard.type(" của năm.")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url("**/quan-ly/bai-viet/*/")
    article = Article.objects.get()
    assert "<strong>nổi bật</strong>" in article.body and "<script" not in article.body
    assert not errors, errors
    publish = page.get_by_role("button", name="Đăng bài")
    expect(publish).to_be_visible()
    publish.click()
    expect(page.get_by_role("button", name="Gỡ bài")).to_be_visible()
    expect(page.get_by_role("button", name="Đăng bài")).to_have_count(0)
