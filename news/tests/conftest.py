import io
import time

import pytest
from django.core.cache import cache
from PIL import Image

from news import caching
from news.forms import form_token


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    caching.reset()
    yield
    cache.clear()
    caching.reset()


@pytest.fixture
def photo_bytes():
    """A real JPEG, larger than the site keeps, so that resizing shows."""

    def make(width: int = 2400, height: int = 1600, fmt: str = "JPEG") -> bytes:
        image = Image.new("RGB", (width, height), (160, 30, 30))
        output = io.BytesIO()
        image.save(output, format=fmt)
        return output.getvalue()

    return make


@pytest.fixture
def comment_data():
    """A valid reply-form post for an article, as a person would send it (form shown 10 s ago)."""

    def make(article, **overrides) -> dict:
        data = {
            "name": "Nguyễn Thị Lan",
            "email": "lan.nguyen@example.org",
            "website": "",
            "body": "Bài viết rất thiết thực, cảm ơn Ban biên tập.",
            "parent": "",
            "token": form_token(article.pk, time.time() - 10),
            "homepage": "",
        }
        data.update(overrides)
        return data

    return make
