"""Local development: the README's first command uses these."""

import os

# Before the shared settings read it: DEBUG on allows the development secret key.
os.environ.setdefault("DEBUG", "1")

from .base import *  # noqa: E402, F403

DEBUG = True
# Reminder digests print to the console instead of being sent.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
