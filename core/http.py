"""The request a signed-in view receives, for type checking.

`login_required` and `permission_required_for` let only a signed-in user through, so such a
view may annotate `request: AuthenticatedRequest` and read `request.user.person` without a
check for the anonymous user (django-stubs' recommended pattern). `htmx` is what
django-htmx's middleware puts on every request.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from accounts.models import User


class AuthenticatedRequest(HttpRequest):
    user: User
    htmx: HtmxDetails
