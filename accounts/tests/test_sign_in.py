import pytest
from django.urls import reverse

from core.testing import sign_in_browser


def test_wrong_passwords_lock_the_account(client, users, settings):
    url = reverse("accounts:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "office", "password": "wrong"})
    response = client.post(url, {"username": "office", "password": "secret-pass-1"})
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_in_with_the_right_password_opens_the_dashboard(client, users):
    response = client.post(
        reverse("accounts:login"), {"username": "office", "password": "secret-pass-1"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("core:home")
    assert "Bảng điều khiển" in response.content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_sign_in_in_the_browser(page, users, screenshot):
    page.goto("/tai-khoan/dang-nhap/")
    screenshot(page, "dang-nhap")
    sign_in_browser(page, "office")
    assert page.get_by_role("heading", name="Bảng điều khiển").is_visible()
