"""The project's own error pages (400, 403, 404, 500), in the user's language, with a way back.

Django's defaults are bare English pages; these render the templates under core/templates
with a link to the page the user came from (when it is on this site) and to the home pages.
"""

from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme

from core.middleware import interface_language


def _back_url(request: HttpRequest) -> str:
    referer = request.META.get("HTTP_REFERER", "")
    try:
        host = request.get_host()
    except DisallowedHost:
        return ""
    safe = url_has_allowed_host_and_scheme(referer, {host}, require_https=request.is_secure())
    return referer if referer and safe and referer != request.build_absolute_uri() else ""


def _render(request: HttpRequest, template: str, status: int) -> HttpResponse:
    """In the user's language even when the error came before the language middleware ran
    (the thread may still hold the previous request's language)."""
    with translation.override(interface_language(request)):
        try:
            html = render_to_string(template, {"back_url": _back_url(request)}, request=request)
        except Exception:  # the failure may be in what the full page needs (database, session)
            html = render_to_string(template, {})
    return HttpResponse(html, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _render(request, "400.html", 400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _render(request, "403.html", 403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _render(request, "404.html", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return _render(request, "500.html", 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _render(request, "403_csrf.html", 403)
