"""The dashboard panel: comments waiting for the editors."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import pgettext

from . import policies, selectors


def moderation_panel(request: HttpRequest) -> dict[str, Any] | None:
    if not policies.is_news_staff(request.user):
        return None
    counts = selectors.comment_counts(request.user)
    return {
        "title": pgettext("news", "News comments"),
        "template": "news/panel.html",
        "context": {"counts": counts},
        "order": 90,
    }
