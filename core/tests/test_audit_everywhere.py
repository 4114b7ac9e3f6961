"""Every record kind is on the audit trail, and each record's page shows its own history."""

import datetime as dt

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse

from core import audit
from meetings import services as meeting_services
from meetings.models import Meeting
from meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

# Technical rows, not records anyone edits: the public site's cache version, export and
# print jobs.
# Postings are derived from membership events (organisation.membership.rebuild): the trail
# shows the events.
NOT_AUDITED = {
    "news.siteversion",
    "reports.exportjob",
    "workbook.workbookjob",  # a background job like reports.exportjob
    "exporters.printjob",  # a printout run in the background, like reports.exportjob
    "news.commentguard",  # rate limits and spent form tokens, not a record
    "reminders.reminder",  # notices the system derives from the records, per user
    "reminders.preferences",  # a user's own settings for the e-mail digest
    "organisation.posting",
    # Stored figures are caches of what the records give, rebuilt when the records change.
    "reports.recordsversion",
    "reports.yearfigures",
    "reports.reviewfigures",
}


def test_every_model_keeps_history_and_is_on_the_trail():
    registered = {entry.key for entry in audit.registered()}
    for app in settings.DOMAIN_APPS:
        for model in apps.get_app_config(app).get_models():
            key = model._meta.label_lower
            if model.__name__.startswith("Historical") or key in NOT_AUDITED:
                continue
            assert hasattr(model, "history"), f"{key} has no HistoricalRecords"
            assert key in registered, f"{key} is not on the audit trail"


def test_user_history_never_keeps_the_password(db):
    from accounts.models import User

    fields = {field.name for field in User.history.model._meta.fields}
    assert "password" not in fields and "username" in fields


def test_a_meeting_change_is_on_the_trail_and_on_its_page(tree, users, client_as):
    meeting = MeetingFactory(unit=tree.cell_a, date=dt.date(2024, 3, 15), place="Hội trường")
    meeting_services.meeting_update(user=users["office"], meeting=meeting, place="Phòng 201")
    client = client_as("office")
    trail = client.get(reverse("core:audit"), {"model": "meetings.meeting"})
    html = trail.content.decode()
    assert "Phòng 201" in html and "Hội trường" in html
    items = list(trail.context["page_obj"])
    assert {item.entry.model for item in items} == {Meeting}
    assert items[0].who == users["office"]
    by_unit = client.get(
        reverse("core:audit"), {"unit": tree.cell_b.pk, "model": "meetings.meeting"}
    )
    assert "Phòng 201" not in by_unit.content.decode()
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    history = page.split('class="record-history')[1]
    assert "Phòng 201" in history and "office" in history
    secretary_page = client_as("secretary").get(reverse("meetings:detail", args=[meeting.pk]))
    assert 'class="record-history' not in secretary_page.content.decode()
