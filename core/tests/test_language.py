"""The interface is Vietnamese whatever the browser asks for; the switch to English is kept."""

import pytest
from django.test import RequestFactory

from accounts.tests.factories import UserFactory
from core import errors

pytestmark = pytest.mark.django_db


def test_an_english_browser_gets_vietnamese(client):
    response = client.get("/tai-khoan/dang-nhap/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Đăng nhập" in response.content.decode()
    assert response["Content-Language"] == "vi"


def test_the_switch_to_english_is_remembered(client):
    response = client.post("/ngon-ngu/", {"language": "en", "next": "/tai-khoan/dang-nhap/"})
    assert response.status_code == 302
    assert response["Location"] == "/tai-khoan/dang-nhap/"
    page = client.get("/tai-khoan/dang-nhap/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Sign in" in page and "Đăng nhập" not in page
    client.post("/ngon-ngu/", {"language": "vi", "next": "/"})
    assert "Đăng nhập" in client.get("/tai-khoan/dang-nhap/").content.decode()


def test_an_unknown_language_cookie_falls_back_to_vietnamese(client):
    client.cookies["django_language"] = "fr"
    assert "Đăng nhập" in client.get("/tai-khoan/dang-nhap/").content.decode()


def test_the_public_site_is_vietnamese_for_an_english_browser(client):
    page = client.get("/tin-tuc/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Tìm kiếm" in page and "Search articles" not in page
    client.post("/ngon-ngu/", {"language": "en", "next": "/tin-tuc/"})
    assert "Search articles" in client.get("/tin-tuc/").content.decode()


def test_not_found_is_our_page_in_the_users_language_with_a_way_back(client_as):
    client = client_as("member")
    response = client.get(
        "/khong-co-trang-nay/", HTTP_REFERER="http://testserver/to-chuc/ho-so-cua-toi/"
    )
    page = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in page
    assert 'href="http://testserver/to-chuc/ho-so-cua-toi/"' in page  # back where he came from
    assert 'href="/"' in page
    client.post("/ngon-ngu/", {"language": "en", "next": "/"})
    assert "Page not found" in client.get("/khong-co-trang-nay/").content.decode()


def test_a_link_back_to_another_site_is_not_offered(client):
    page = client.get("/khong-co/", HTTP_REFERER="https://evil.example/x").content.decode()
    assert "evil.example" not in page


def test_forbidden_is_our_page(client_as):
    response = client_as("member").get("/nhat-ky/")
    assert response.status_code == 403
    assert "Bạn không được làm việc này" in response.content.decode()


def test_bad_request_is_our_page(client):
    response = client.get("/tai-khoan/dang-nhap/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Không hiểu được yêu cầu" in response.content.decode()


def test_server_error_is_our_page():
    """In the user's language, whatever language the thread's previous request left active."""
    from django.utils import translation

    request = RequestFactory().get("/")
    with translation.override("en"):
        response = errors.server_error(request)
    assert response.status_code == 500
    assert "Đã có lỗi" in response.content.decode()
    request.COOKIES["django_language"] = "en"
    with translation.override("vi"):
        assert "Đã có lỗi" not in errors.server_error(request).content.decode()


def test_an_expired_form_is_our_page(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/tai-khoan/dang-nhap/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in response.content.decode()


def test_my_record_without_a_person_is_explained_not_missing(client):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True, person=None)
    client.force_login(admin)
    home = client.get("/").content.decode()
    assert "/to-chuc/ho-so-cua-toi/" not in home
    response = client.get("/to-chuc/ho-so-cua-toi/")
    assert response.status_code == 200
    assert "không gắn với một người" in response.content.decode()
