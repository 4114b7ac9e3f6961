"""Cache of the public pages, invalidated by a site-wide version number.

Every cached fragment's key carries the current version; publishing, unpublishing, editing an
article and approving a comment bump it (after the transaction commits), so stale fragments
are simply never read again and expire on their own. An article scheduled for later needs no
job: the time of the next scheduled publication is kept beside the version, and the first
request after that time bumps the version itself.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

VERSION_KEY = "news:version"
NEXT_KEY = "news:next-publication"
NO_SCHEDULE = 0.0  # nothing scheduled


def timeout() -> int:
    return int(getattr(settings, "NEWS_CACHE_SECONDS", 600))


def _next_publication() -> float:
    from .models import Article

    upcoming = (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return upcoming.timestamp() if upcoming else NO_SCHEDULE


def bump() -> int:
    """Start a new version now; every page is rendered afresh on its next request."""
    version = time.time_ns()
    cache.set_many({VERSION_KEY: version, NEXT_KEY: _next_publication()}, None)
    return version


def bump_on_commit() -> None:
    transaction.on_commit(bump)


def version() -> int:
    """The current version; bumps it when a scheduled article's time has come."""
    values = cache.get_many([VERSION_KEY, NEXT_KEY])
    current = values.get(VERSION_KEY)
    if current is None:
        return bump()
    upcoming = values.get(NEXT_KEY) or NO_SCHEDULE
    if upcoming and upcoming <= time.time():
        return bump()
    return current


def key(*parts: object) -> str:
    return ":".join(["news", str(version()), *(str(part) for part in parts)])
