"""The only writers of reminders: sync them with the duties, send the digest, mark read.

`run()` is what `send_reminders` (cron) and the task worker call; running it twice a day
creates nothing new and sends no second e-mail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.actors import acting, is_system

from . import duties as duties_module
from .models import Preferences, Reminder


@dataclass
class RunResult:
    users: int = 0
    created: int = 0
    resolved: int = 0
    emails: int = 0


def preferences_for(user: Any) -> Preferences:
    preferences, _created = Preferences.objects.get_or_create(user=user)
    return preferences


@transaction.atomic
def preferences_save(*, user: Any, email_digest: bool) -> Preferences:
    preferences = preferences_for(user)
    preferences.email_digest = email_digest
    preferences.full_clean()
    preferences.save()
    return preferences


@transaction.atomic
def calendar_token_renew(*, user: Any) -> Preferences:
    """A new secret address for the calendar feed; the old one stops working."""
    preferences = preferences_for(user)
    preferences.calendar_token = Preferences._meta.get_field("calendar_token").default()
    preferences.save(update_fields=["calendar_token"])
    return preferences


@transaction.atomic
def sync_user(*, user: Any, today: dt.date, now: dt.datetime) -> tuple[int, int]:
    """Create a reminder for each new duty, refresh the others, resolve the ones done.
    Returns (created, resolved)."""
    current = {duty.key: duty for duty in duties_module.duties_for(user, today)}
    known = {reminder.key: reminder for reminder in Reminder.objects.filter(user=user)}
    created = resolved = 0
    for key, duty in current.items():
        reminder = known.get(key)
        if reminder is None:
            Reminder.objects.create(
                user=user, key=key[:80], text=duty.text[:500], url=duty.url, due=duty.due
            )
            created += 1
        elif (reminder.text, reminder.url, reminder.due, reminder.resolved_at) != (
            duty.text[:500],
            duty.url,
            duty.due,
            None,
        ):
            reminder.text, reminder.url, reminder.due = duty.text[:500], duty.url, duty.due
            reminder.resolved_at = None
            reminder.save(update_fields=["text", "url", "due", "resolved_at"])
    for key, reminder in known.items():
        if key not in current and reminder.resolved_at is None:
            reminder.resolved_at = now
            reminder.save(update_fields=["resolved_at"])
            resolved += 1
    return created, resolved


def send_digest(*, user: Any, today: dt.date, now: dt.datetime) -> bool:
    """One e-mail a day with the open reminders, for users who asked for it."""
    preferences = Preferences.objects.filter(user=user).first()
    if not (preferences and preferences.email_digest and user.email):
        return False
    if preferences.digest_sent_on == today:
        return False
    reminders = list(
        Reminder.objects.filter(user=user, resolved_at__isnull=True).order_by("due", "pk")
    )
    if not reminders:
        return False
    with translation.override("vi"):
        body = render_to_string(
            "reminders/digest.txt",
            {"user": user, "reminders": reminders, "today": today, "site": settings.SITE_URL},
        )
        subject = render_to_string("reminders/digest_subject.txt", {"n": len(reminders)}).strip()
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    with transaction.atomic():
        Reminder.objects.filter(pk__in=[reminder.pk for reminder in reminders]).update(
            emailed_at=now
        )
        preferences.digest_sent_on = today
        preferences.save(update_fields=["digest_sent_on"])
    return True


def run(today: dt.date | None = None, *, user: Any) -> RunResult:
    """Every active user with a role or a person: sync the reminders, then the digest. It
    writes for everyone, so only the system actor runs it (cron, the task worker)."""
    if not is_system(acting(user)):
        raise PermissionDenied
    today = today or timezone.localdate()
    now = timezone.now()
    result = RunResult()
    users = (
        get_user_model()
        .objects.filter(Q(role_assignments__isnull=False) | Q(person__isnull=False), is_active=True)
        .distinct()
        .select_related("person")
        .order_by("pk")
    )
    for user in users:
        created, resolved = sync_user(user=user, today=today, now=now)
        result.users += 1
        result.created += created
        result.resolved += resolved
        result.emails += send_digest(user=user, today=today, now=now)
    return result


@transaction.atomic
def mark_read(*, user: Any, pk: int | None = None) -> int:
    """Mark one reminder (or all) of the user as read; returns how many changed."""
    reminders = Reminder.objects.filter(user=user, read_at__isnull=True)
    if pk is not None:
        reminders = reminders.filter(pk=pk)
    return reminders.update(read_at=timezone.now())
