"""What every meetings view shares: role checks, the change guard, errors and flash messages."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse

from core.policy import CHANGE, has_role
from core.roles import Role

from .. import policies, selectors
from ..models import Meeting

VIEW_ROLES = policies.MeetingPolicy.view_roles
CHANGE_ROLES = policies.MeetingPolicy.change_roles
OVERSIGHT_ROLES = (Role.OFFICE, Role.INSPECTION, Role.SECRETARY)


def roles_required(*roles: str) -> Callable:
    """Signed in and holding one of `roles` somewhere, else 403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        @login_required
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def meeting_for_change(request: HttpRequest, pk: int) -> Meeting:
    """The meeting `pk` if the user sees it (else 404) and may change it (else 403)."""
    meeting = selectors.meeting_detail(request.user, pk)
    if not policies.meetings.can(request.user, CHANGE, meeting):
        raise PermissionDenied
    return meeting


def flash_outcome(
    request: HttpRequest, action: Callable[[], Any], success: str | Callable[[Any], str]
) -> bool:
    """Run one service call: its refusal becomes an error message, else `success` is shown.

    `success` may be a function of the call's result (e.g. a count). Returns whether it worked.
    """
    try:
        result = action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, success(result) if callable(success) else success)
    return True
