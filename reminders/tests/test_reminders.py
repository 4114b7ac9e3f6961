"""Reminders: made from the duties, idempotent, e-mailed only to who asked, and the bell."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.actors import SYSTEM
from meetings.models import Attendance
from meetings.tests.factories import MeetingFactory
from reminders.models import Reminder
from reminders.services import preferences_save, run


def test_send_reminders_is_idempotent_and_mails_only_who_asked(tree, users, capsys):
    today = timezone.localdate()
    meeting = MeetingFactory(unit=tree.cell_a, date=today)
    call_command("send_reminders")
    secretary = users["secretary"]
    key = f"attendance:{meeting.pk}"
    assert Reminder.objects.filter(user=secretary, key=key).count() == 1
    # Cell B's secretary is not reminded of cell A's meeting.
    assert not Reminder.objects.filter(user=users["other_secretary"], key=key).exists()
    assert mail.outbox == []  # the digest is off by default
    created = Reminder.objects.count()
    assert run(user=SYSTEM).created == 0 and Reminder.objects.count() == created

    secretary.email = "bithu@example.org"
    secretary.save()
    preferences_save(user=secretary, email_digest=True)
    run(user=SYSTEM)
    run(user=SYSTEM)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["bithu@example.org"]
    assert reverse("meetings:attendance", args=[meeting.pk]) in mail.outbox[0].body
    assert "Điểm danh buổi sinh hoạt" in mail.outbox[0].body


def test_a_done_task_resolves_its_reminder(tree, users):
    today = timezone.localdate()
    meeting = MeetingFactory(unit=tree.cell_a, date=today - dt.timedelta(days=1))
    run(user=SYSTEM)
    reminder = Reminder.objects.get(user=users["secretary"], key=f"attendance:{meeting.pk}")
    assert reminder.resolved_at is None
    Attendance.objects.create(meeting=meeting, person=tree.members_a[0], status="present")
    result = run(user=SYSTEM)
    reminder.refresh_from_db()
    assert reminder.resolved_at is not None and result.resolved >= 1


def test_bell_counts_unread_and_opening_marks_read(tree, users, client_as):
    MeetingFactory(unit=tree.cell_a, date=timezone.localdate())
    run(user=SYSTEM)
    client = client_as("secretary")
    unread = Reminder.objects.filter(user=users["secretary"], resolved_at__isnull=True).count()
    assert unread >= 1
    html = client.get(reverse("reminders:list")).content.decode()
    assert f"Nhắc việc: {unread} chưa đọc" in html
    reminder = Reminder.objects.filter(user=users["secretary"]).first()
    response = client.post(reverse("reminders:open", args=[reminder.pk]))
    assert response.status_code == 302 and response.url == reminder.url
    html = client.get(reverse("reminders:list")).content.decode()
    assert f"Nhắc việc: {unread - 1} chưa đọc" in html


def test_office_is_reminded_of_plan_tasks_due_this_week(tree, users):
    from plans.tests.factories import PlanFactory, PlanItemFactory

    today = timezone.localdate()
    plan = PlanFactory(committee=tree.committee, year=today.year, issued_on=today)
    soon = PlanItemFactory(plan=plan, content="Sơ kết", deadline=today + dt.timedelta(days=2))
    PlanItemFactory(plan=plan, content="Tổng kết", deadline=today + dt.timedelta(days=30))
    run(user=SYSTEM)
    keys = set(Reminder.objects.filter(user=users["office"]).values_list("key", flat=True))
    assert f"plan-item:{soon.pk}" in keys
    assert len([key for key in keys if key.startswith("plan-item:")]) == 1
    assert not Reminder.objects.filter(user=users["member"], key__startswith="plan-item:").exists()


def test_only_the_system_runs_everyones_reminders(tree, users):
    MeetingFactory(unit=tree.cell_a, date=timezone.localdate())  # the system would remind
    for role in ("office", "secretary", "member"):
        with pytest.raises(PermissionDenied):
            run(user=users[role])
    assert not Reminder.objects.exists() and not mail.outbox
