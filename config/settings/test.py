"""Fast, isolated settings for the test suite."""

import os

# The suite runs with DEBUG off, so it needs a key the production check accepts.
os.environ.setdefault("SECRET_KEY", "test-suite-only-" + "k3y-" * 12)

from .base import *  # noqa: E402, F403
from .base import BASE_DIR  # noqa: E402

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / ".test-media"
AXES_FAILURE_LIMIT = 5
