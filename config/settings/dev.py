"""Local development: the README's first command uses these."""

from .base import *  # noqa: F403

DEBUG = True
# Reminder digests print to the console instead of being sent.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
