"""Reminders shown under the bell and sent in a daily e-mail digest, and each user's choices.

A reminder is keyed by what it is about ("attendance:123"), so running `send_reminders` twice
never makes a second one; it is resolved (hidden) when the task disappears from the duties.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import step_time
from core.models import unique


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Reminder(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    key = models.CharField(max_length=80)
    text = models.CharField(_("reminder"), max_length=500)
    url = models.CharField(max_length=300, blank=True)
    due = models.DateField(_("due"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = step_time(_("read at"))
    emailed_at = step_time(_("e-mailed at"))
    resolved_at = step_time(_("resolved at"))

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-created_at", "-pk"]
        constraints = [unique("user", "key", name="unique_reminder_per_user")]

    def __str__(self) -> str:
        return self.text


class Preferences(models.Model):
    """A user's reminder choices: the daily e-mail (off by default) and the calendar token."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preferences"
    )
    email_digest = models.BooleanField(_("send me a daily e-mail digest"), default=False)
    calendar_token = models.CharField(max_length=64, unique=True, default=new_token)
    digest_sent_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("reminder preferences")
        verbose_name_plural = _("reminder preferences")

    def __str__(self) -> str:
        return str(self.user)
