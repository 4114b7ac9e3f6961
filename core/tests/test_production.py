"""Production settings from the environment, and password guessing held back."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import UserFactory

PASSWORD = "mat-khau-that-dai-2026"


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """manage.py with production settings and only the given environment (no test key)."""
    environment = {
        key: value
        for key, value in os.environ.items()
        # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; production does not.
        if key
        not in {
            "SECRET_KEY",
            "DEBUG",
            "SECURE",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.base", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_the_documented_settings(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50),
        SECURE="1",
        ALLOWED_HOSTS="dangbo.example.vn",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("key", ["", "dev-only-insecure-key-change-me-in-production", "ngan"])
def test_no_start_without_a_real_secret_key_when_debug_is_off(tmp_path, key):
    result = _manage("check", SECRET_KEY=key, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_password_rules_refuse_common_short_and_numeric_passwords():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    user = UserFactory.build(username="nguyenvanan")
    for weak in ["password123", "12345678901", "ngan", "nguyenvanan1"]:
        with pytest.raises(ValidationError):
            validate_password(weak, user)
    validate_password(PASSWORD, user)


def _login(username: str, password: str, address: str):
    client = Client(REMOTE_ADDR=address)
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


@pytest.mark.django_db
def test_guessing_one_account_from_many_addresses_locks_the_account():
    UserFactory(username="vanphong", password=PASSWORD)
    limit = settings.AXES_FAILURE_LIMIT
    for number in range(limit):
        _login("vanphong", "sai-mat-khau", f"198.51.100.{number + 1}")
    # The right password, from yet another address: still refused while locked.
    locked = _login("vanphong", PASSWORD, "198.51.100.200")
    assert locked.status_code == 429
    assert "_auth_user_id" not in locked.client.session
    # Other accounts are not affected.
    UserFactory(username="bithu", password=PASSWORD)
    assert _login("bithu", PASSWORD, "198.51.100.201").status_code == 302


@pytest.mark.django_db
def test_guessing_many_accounts_from_one_address_locks_the_address():
    UserFactory(username="bithu", password=PASSWORD)
    limit = settings.AXES_FAILURE_LIMIT
    for number in range(limit):
        _login(f"ten-doan-{number}", "sai-mat-khau", "203.0.113.7")
    assert _login("bithu", PASSWORD, "203.0.113.7").status_code == 429
    assert _login("bithu", PASSWORD, "203.0.113.8").status_code == 302
