"""The dashboard panel: comments waiting for the editors."""

from django.http import HttpRequest
from django.utils.translation import pgettext

from core.dashboard import Panel

from . import policies, selectors


def moderation_panel(request: HttpRequest) -> Panel | None:
    if not policies.is_news_staff(request.user):
        return None
    counts = selectors.comment_counts(request.user)
    return Panel(pgettext("news", "News comments"), "news/panel.html", {"counts": counts}, order=90)
