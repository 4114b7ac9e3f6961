"""The page of one record: found through its policy (404 when the user may not see it), shown
with whether he may change it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.policy import CHANGE


def record_page(
    request: HttpRequest,
    policy: Any,
    pk: int,
    template: str,
    name: str,
    extra: Callable[[Any], Mapping[str, Any]] | None = None,
) -> HttpResponse:
    """`template` with the record `pk` of `policy` as `name`, `can_change`, and what
    `extra(record)` adds."""
    record = policy.get_visible_or_404(request.user, pk=pk)
    context = {name: record, "can_change": policy.can(request.user, CHANGE, record)}
    if extra is not None:
        context.update(extra(record))
    return render(request, template, context)
