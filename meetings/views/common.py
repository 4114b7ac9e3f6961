"""What every meetings view shares: the change guard, errors and flash messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from core.policy import CHANGE

from .. import policies, selectors
from ..models import Meeting


def meeting_for_change(request: HttpRequest, pk: int) -> Meeting:
    """The meeting `pk` if the user sees it (else 404) and may change it (else 403)."""
    meeting = selectors.meeting_detail(request.user, pk)
    policies.meetings.check(request.user, CHANGE, meeting)
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
