"""Reads: a user's own reminders (nobody reads another's) and the owner of a feed token."""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet

from .models import Preferences, Reminder


def reminders_of(user: Any) -> QuerySet[Reminder]:
    """Open reminders first (newest first), then the resolved ones."""
    return Reminder.objects.filter(user=user).order_by(
        F("resolved_at").desc(nulls_first=True), "-created_at", "-pk"
    )


def reminder_of(user: Any, pk: int) -> Reminder | None:
    """One of the user's own reminders; None for another's (nobody reads another's)."""
    return reminders_of(user).filter(pk=pk).first()


def unread_count(user: Any) -> int:
    return Reminder.objects.filter(
        user=user, read_at__isnull=True, resolved_at__isnull=True
    ).count()


def user_for_token(token: str) -> Any:
    preferences = (
        Preferences.objects.filter(calendar_token=token, user__is_active=True)
        .select_related("user")
        .first()
    )
    return preferences.user if preferences else None
