"""Cache of the public pages, invalidated by a site-wide version number.

Every cached fragment's key carries the current version; publishing, unpublishing, editing an
article and approving a comment bump it (after the transaction commits), so stale fragments
are simply never read again and expire on their own.

The version lives in the database (`SiteVersion`, one row), so that every server process sees
a bump made by another, whatever the cache backend. Each process re-reads it at most once per
`NEWS_VERSION_CHECK_SECONDS` (1 s): a cached page costs no query, and a change reaches every
process within a second. An article scheduled for later needs no job: the time of the next
scheduled publication is stored beside the version, and the first request after that time
bumps the version itself.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

_memo: dict = {"value": None, "checked": 0.0, "next": None}


def timeout() -> int:
    return int(getattr(settings, "NEWS_CACHE_SECONDS", 600))


def check_seconds() -> float:
    return float(getattr(settings, "NEWS_VERSION_CHECK_SECONDS", 1))


def reset() -> None:
    """Forget what this process knows (tests, after the database was emptied)."""
    _memo.update(value=None, checked=0.0, next=None)


def _next_publication():
    from .models import Article

    return (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )


def _remember(value: int, upcoming) -> int:
    _memo.update(
        value=value,
        checked=time.monotonic(),
        next=upcoming.timestamp() if upcoming else None,
    )
    return value


def bump() -> int:
    """Start a new version now; every page is rendered afresh on its next request."""
    from .models import SiteVersion

    value = time.time_ns()
    upcoming = _next_publication()
    fields = {"value": value, "next_publication": upcoming}
    if not SiteVersion.objects.filter(pk=1).update(**fields):
        try:
            with transaction.atomic():
                SiteVersion.objects.create(pk=1, **fields)
        except IntegrityError:  # another process created it meanwhile
            SiteVersion.objects.filter(pk=1).update(**fields)
    return _remember(value, upcoming)


def bump_on_commit() -> None:
    transaction.on_commit(bump)


def version() -> int:
    """The current version; bumps it when a scheduled article's time has come."""
    from .models import SiteVersion

    fresh = time.monotonic() - _memo["checked"] < check_seconds()
    due = _memo["next"] is not None and _memo["next"] <= time.time()
    if _memo["value"] is not None and fresh and not due:
        return _memo["value"]
    row = SiteVersion.objects.filter(pk=1).values_list("value", "next_publication").first()
    if row is None or (row[1] is not None and row[1] <= timezone.now()):
        return bump()
    return _remember(*row)


def key(*parts: object) -> str:
    """Fragments hold interface text, so the language is part of the key."""
    return ":".join(["news", str(version()), get_language() or "", *(str(p) for p in parts)])


# Whole pages ------------------------------------------------------------------------------
# A public page is the same for every anonymous visitor but for the CSRF token and the comment
# form's signed timestamp. It is rendered once per version with placeholders and stored as
# bytes; a hit fills in this visitor's two values and renders no template (issue 18: the cached
# article at ≥ 0.5× the throughput of a hello view).

CSRF_PLACEHOLDER = "@@csrf@@"
TOKEN_PLACEHOLDER = "@@token@@"


def whole_page_applies(request: HttpRequest) -> bool:
    """A plain anonymous GET: no query string (one stored page per URL, no flooding the cache
    with `?x=1`, `?x=2`…), no session (a signed-in user, or messages kept in the session) and
    no messages cookie (a "thank you" after a comment must be shown)."""
    return (
        request.method == "GET"
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def whole_page(request: HttpRequest, article_pk: int | None, render: Callable[[], HttpResponse]):
    """The page rendered with placeholders, marked for `WholePageMiddleware` to store and fill.
    `article_pk` names the article whose comment form the page shows (or None)."""
    response = render()
    response.whole_page = article_pk  # type: ignore[attr-defined]
    if not getattr(request, "whole_page_store", False):  # no middleware: fill it here
        response.content = _fill(request, response.content.decode(), article_pk)
    return response


def _fill(request: HttpRequest, body: str, article_pk: int | None) -> bytes:
    from .forms import form_token

    body = body.replace(CSRF_PLACEHOLDER, get_token(request))
    if article_pk is not None:
        body = body.replace(TOKEN_PLACEHOLDER, form_token(article_pk))
    return body.encode()


# Headers that belong to one visitor or that the outer middleware sets again.
_NOT_STORED = {"set-cookie", "content-length", "vary", "content-language"}


class WholePageMiddleware:
    """Answers a plain anonymous GET of a stored public page before the URL is resolved and
    before the middleware below it (authentication, messages, htmx, history, axes) runs: the
    page's bytes, the headers it was first served with, this visitor's two values.

    Placed after CsrfViewMiddleware (which then sets the visitor's CSRF cookie) and the
    language middleware (the language is part of the key). A page is stored only when its
    view marked it (`whole_page`), so nothing else is ever cached by URL.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not whole_page_applies(request):
            return self.get_response(request)
        page_key = key("page", request.scheme, request.get_host(), request.path)
        stored = cache.get(page_key)
        if stored is None:
            request.whole_page_store = True  # type: ignore[attr-defined]
            response = self.get_response(request)
            if not hasattr(response, "whole_page"):
                return response
            headers = [(k, v) for k, v in response.items() if k.lower() not in _NOT_STORED]
            stored = (response.content.decode(), response.status_code, headers, response.whole_page)
            cache.set(page_key, stored, timeout())
        body, status, headers, article_pk = stored
        response = HttpResponse(_fill(request, body, article_pk), status=status)
        for name, value in headers:
            response[name] = value
        return response
