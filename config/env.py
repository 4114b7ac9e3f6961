"""Read settings from the environment, so one code base serves a laptop and a province."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


# The key used when nothing is set and DEBUG is on (make run, tests); never accepted otherwise.
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-change-me-in-production"


def secret_key(debug: bool) -> str:
    """SECRET_KEY from the environment; with DEBUG off a missing, short or public key stops the
    start, because sessions, password resets and comment tokens are signed with it."""
    value = os.environ.get("SECRET_KEY", "")
    if debug:
        return value or DEVELOPMENT_SECRET_KEY
    weak = (
        len(value) < 50
        or len(set(value)) < 5
        or value == DEVELOPMENT_SECRET_KEY
        or value.startswith("django-insecure-")
    )
    if weak:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to a long random value (50 characters or more) when DEBUG "
            "is off, e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'."
        )
    return value
