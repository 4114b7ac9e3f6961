"""Every URL of the meetings app × every role (tests/test_permission_matrix.py)."""

import datetime as dt

from django.core.files.base import ContentFile

from core.testing import Case
from meetings.models import Guest, Meeting, MeetingRules, Minutes, TopicDeadline

from .factories import FocusAreaFactory, topic


def meeting_a(tree, users=None) -> Meeting:
    meeting, _ = Meeting.objects.get_or_create(
        code="PM-A",
        defaults={
            "unit": tree.cell_a,
            "kind": Meeting.Kind.BRIEFING,
            "date": dt.date(2024, 3, 15),
            "held": True,
        },
    )
    return meeting


def pk_a(tree, users):
    return {"pk": meeting_a(tree).pk}


def person_kwargs(tree, users):
    return {"pk": meeting_a(tree).pk, "person_pk": tree.members_a[2].pk}


def guest_kwargs(tree, users):
    meeting = meeting_a(tree)
    guest, _ = Guest.objects.get_or_create(meeting=meeting, name="Khách")
    return {"pk": meeting.pk, "guest_pk": guest.pk}


def minutes_kwargs(tree, users):
    meeting = meeting_a(tree)
    minutes = Minutes.objects.filter(meeting=meeting, version=1).first()
    if minutes is None:
        minutes = Minutes(meeting=meeting, version=1, proceedings="Khai mạc.")
        minutes.file.save("bien-ban.txt", ContentFile(b"bien ban"), save=False)
        minutes.save()
    return {"pk": meeting.pk, "version": 1}


def draft_kwargs(tree, users):
    minutes_kwargs(tree, users)
    return {"pk": meeting_a(tree).pk}


def rules_kwargs(tree, users):
    rules, _ = MeetingRules.objects.get_or_create(
        committee=tree.committee, effective_from=dt.date(2024, 1, 1)
    )
    return {"pk": rules.pk}


def focus_kwargs(tree, users):
    return {"pk": FocusAreaFactory(committee=tree.committee).pk}


def deadline_kwargs(tree, users):
    deadline, _ = TopicDeadline.objects.get_or_create(
        committee=tree.committee,
        topic=topic("CD-TK-XIII"),
        defaults={"deadline": dt.date(2024, 6, 30)},
    )
    return {"pk": deadline.pk}


READERS = {"office": 200, "secretary": 200, "inspection": 200, "member": 200, "editor": 403}
READERS_A = {**READERS, "other_secretary": 404}
OVERSIGHT = {"office": 200, "secretary": 200, "other_secretary": 200, "inspection": 200}
CHANGE_A = {"office": 200, "secretary": 200, "other_secretary": 404}
POST_A = {"office": 302, "secretary": 302, "other_secretary": 404}
OFFICE_ONLY = {"office": 200}

MATRIX = {
    "meetings:list": Case(expect={**READERS, "other_secretary": 200}),
    "meetings:create": Case(expect={"office": 200, "secretary": 200, "other_secretary": 200}),
    "meetings:detail": Case(expect=READERS_A, kwargs=pk_a),
    "meetings:edit": Case(expect=CHANGE_A, kwargs=pk_a),
    "meetings:delete": Case(expect=POST_A, kwargs=pk_a, method="post"),
    "meetings:attendance": Case(expect=CHANGE_A, kwargs=pk_a),
    "meetings:attendance_mark": Case(
        expect=POST_A, kwargs=person_kwargs, method="post", data=lambda t, u: {"status": "present"}
    ),
    "meetings:attendance_remove": Case(expect=POST_A, kwargs=person_kwargs, method="post"),
    "meetings:attendance_everyone": Case(expect=POST_A, kwargs=pk_a, method="post"),
    "meetings:attendance_add": Case(
        expect=POST_A,
        kwargs=pk_a,
        method="post",
        data=lambda t, u: {"people": [t.staff_a[0].pk]},
    ),
    "meetings:guest_add": Case(
        expect=POST_A, kwargs=pk_a, method="post", data=lambda t, u: {"name": "Khách mời"}
    ),
    "meetings:guest_delete": Case(expect=POST_A, kwargs=guest_kwargs, method="post"),
    "meetings:minutes": Case(expect=READERS_A, kwargs=pk_a),
    "meetings:minutes_edit": Case(expect=CHANGE_A, kwargs=pk_a),
    "meetings:minutes_approve": Case(expect=POST_A, kwargs=draft_kwargs, method="post"),
    "meetings:minutes_version": Case(expect=READERS_A, kwargs=minutes_kwargs),
    "meetings:minutes_docx": Case(expect=READERS_A, kwargs=minutes_kwargs),
    "meetings:minutes_pdf": Case(expect=READERS_A, kwargs=minutes_kwargs),
    "meetings:minutes_file": Case(expect=READERS_A, kwargs=minutes_kwargs),
    "meetings:coverage": Case(expect=OVERSIGHT),
    "meetings:topic_coverage": Case(expect=OVERSIGHT),
    "meetings:attention": Case(expect=OVERSIGHT),
    "meetings:rules": Case(expect=OVERSIGHT),
    "meetings:rules_create": Case(expect=OFFICE_ONLY),
    "meetings:rules_edit": Case(expect=OFFICE_ONLY, kwargs=rules_kwargs),
    "meetings:focus_areas": Case(expect=OVERSIGHT),
    "meetings:focus_create": Case(expect=OFFICE_ONLY),
    "meetings:focus_edit": Case(expect=OFFICE_ONLY, kwargs=focus_kwargs),
    "meetings:deadlines": Case(expect=OVERSIGHT),
    "meetings:deadline_create": Case(expect=OFFICE_ONLY),
    "meetings:deadline_edit": Case(expect=OFFICE_ONLY, kwargs=deadline_kwargs),
    "meetings:deadline_delete": Case(expect={"office": 302}, kwargs=deadline_kwargs, method="post"),
}
