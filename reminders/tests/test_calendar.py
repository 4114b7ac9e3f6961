"""The calendar page and the private iCalendar feed show what the user may see."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from meetings.tests.factories import MeetingFactory
from plans.tests.factories import PlanFactory, PlanItemFactory
from reminders.services import calendar_token_renew, preferences_for


def test_feed_lists_own_cell_meetings_and_plan_deadlines(tree, users, client):
    today = timezone.localdate()
    mine = MeetingFactory(unit=tree.cell_a, date=today + dt.timedelta(days=5))
    other = MeetingFactory(unit=tree.cell_b, date=today + dt.timedelta(days=6))
    plan = PlanFactory(committee=tree.committee, year=today.year, issued_on=today)
    PlanItemFactory(plan=plan, content="Sơ kết", deadline=today + dt.timedelta(days=7))
    token = preferences_for(users["secretary"]).calendar_token
    response = client.get(reverse("reminders:feed", args=[token]))
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert f"UID:meeting-{mine.pk}@dangbo" in body
    assert f"UID:meeting-{other.pk}@dangbo" not in body
    assert f"DTSTART;VALUE=DATE:{mine.date:%Y%m%d}" in body
    assert "Sơ kết" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_wrong_or_renewed_token_is_refused(tree, users, client):
    token = preferences_for(users["member"]).calendar_token
    assert client.get(reverse("reminders:feed", args=["khong-dung"])).status_code == 404
    calendar_token_renew(user=users["member"])
    assert client.get(reverse("reminders:feed", args=[token])).status_code == 404


def test_calendar_page_shows_the_month(tree, client_as):
    today = timezone.localdate()
    meeting = MeetingFactory(unit=tree.cell_a, date=today)
    html = client_as("member").get(reverse("reminders:calendar")).content.decode()
    assert reverse("meetings:detail", args=[meeting.pk]) in html
    assert "(hôm nay)" in html
