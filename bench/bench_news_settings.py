"""Settings for bench/news_load.py: production settings, with the cache on or off."""

import os
import warnings

from config.settings.base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
if os.environ.get("NEWS_BENCH_CACHE", "on") == "off":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
# WhiteNoise warns that collectstatic has not run; the benchmark loads no static file.
warnings.filterwarnings("ignore", "No directory at")
# A hello view beside the project's pages, measured in the same run as the article.
ROOT_URLCONF = "bench_urls"
