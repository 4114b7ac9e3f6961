import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from core.actors import SYSTEM
from meetings import services
from meetings.models import Attendance, Meeting, MeetingRules, Minutes
from meetings.selectors import rules_in_force
from organisation import services as org_services
from organisation.tests.factories import PersonFactory

from .factories import FocusAreaFactory, MeetingFactory, topic


def held_regular(user, unit, date: dt.date, start: dt.time, end: dt.time, **extra) -> Meeting:
    """A regular meeting of `unit` recorded as held on `date` from `start` to `end`."""
    return services.meeting_create(
        user=user,
        unit=unit,
        kind="regular",
        date=date,
        held=True,
        start_time=start,
        end_time=end,
        **extra,
    )


def test_meeting_create_generates_code_and_keeps_topics(tree, users):
    meeting = services.meeting_create(
        user=users["secretary"],
        unit=tree.cell_a,
        kind=Meeting.Kind.STUDY,
        date=dt.date(2024, 5, 2),
        held=True,
        topics=[topic("CD-TK-XIII")],
        place="Hội trường",
    )
    assert meeting.code == "CBA-20240502-HT"
    assert list(meeting.topics.values_list("code", flat=True)) == ["CD-TK-XIII"]
    assert meeting.history.first().history_user == users["secretary"]
    again = services.meeting_create(
        user=users["office"], unit=tree.cell_a, kind=Meeting.Kind.STUDY, date=dt.date(2024, 5, 2)
    )
    assert again.code == "CBA-20240502-HT-2"


def test_future_meeting_cannot_be_held(tree, users):
    future = timezone.localdate() + dt.timedelta(days=3)
    with pytest.raises(ValidationError) as error:
        services.meeting_create(
            user=users["secretary"], unit=tree.cell_a, kind="regular", date=future, held=True
        )
    assert "held" in error.value.message_dict
    assert not Meeting.objects.exists()
    planned = services.meeting_create(
        user=users["secretary"], unit=tree.cell_a, kind="regular", date=future, held=False
    )
    assert not planned.held


def test_end_before_start_is_refused(tree, users):
    with pytest.raises(ValidationError) as error:
        held_regular(
            users["secretary"], tree.cell_a, dt.date(2024, 1, 5), dt.time(15, 0), dt.time(14, 0)
        )
    assert "end_time" in error.value.message_dict
    assert not Meeting.objects.exists()


def test_secretary_cannot_record_for_another_cell(tree, users):
    with pytest.raises(PermissionDenied):
        services.meeting_create(
            user=users["secretary"], unit=tree.cell_b, kind="regular", date=dt.date(2024, 1, 5)
        )
    meeting = MeetingFactory(unit=tree.cell_a)
    with pytest.raises(PermissionDenied):
        services.meeting_update(user=users["secretary"], meeting=meeting, unit=tree.cell_b)
    assert not Meeting.objects.filter(unit=tree.cell_b).exists()


def test_minimum_length_follows_the_rules_in_force(tree, users):
    # Before Chỉ thị 50-CT/TW there is no minimum.
    office, cell, two_pm = users["office"], tree.cell_a, dt.time(14, 0)
    short_2024 = held_regular(office, cell, dt.date(2024, 9, 10), two_pm, dt.time(14, 45))
    assert short_2024.duration_minutes == 45
    with pytest.raises(ValidationError, match="90"):
        held_regular(office, cell, dt.date(2025, 9, 10), two_pm, dt.time(15, 0))
    with pytest.raises(ValidationError, match="120"):
        held_regular(office, cell, dt.date(2025, 9, 10), two_pm, dt.time(15, 45), combined=True)
    # The committee's own setting wins over the default, from its date.
    services.meeting_rules_save(
        user=users["office"],
        committee=tree.committee,
        effective_from=dt.date(2025, 9, 1),
        source="Quy định riêng",
        min_minutes=60,
        min_minutes_combined=100,
        thematic_per_quarter=1,
        absence_months=2,
    )
    ok = held_regular(office, cell, dt.date(2025, 9, 10), two_pm, dt.time(15, 0))
    assert ok.pk
    assert rules_in_force(tree.committee, dt.date(2025, 9, 2)).absence_months == 2
    assert rules_in_force(tree.committee, dt.date(2025, 8, 1)).min_minutes == 90
    assert rules_in_force(tree.committee, dt.date(2020, 1, 1)).min_minutes is None


def test_rules_are_data_loaded_by_migration(db):
    dates = set(
        MeetingRules.objects.filter(committee=None).values_list("effective_from", flat=True)
    )
    assert dt.date(2025, 7, 23) in dates


def test_default_rules_are_restored_by_an_office_or_the_system(tree, users):
    MeetingRules.objects.filter(committee=None).delete()
    for role in ("secretary", "inspection", "member"):
        with pytest.raises(PermissionDenied):
            services.meeting_rules_ensure_defaults(user=users[role])
    assert not MeetingRules.objects.filter(committee=None).exists()
    with pytest.raises(TypeError):
        services.meeting_rules_ensure_defaults(user=None)
    created = services.meeting_rules_ensure_defaults(user=SYSTEM)
    assert created == MeetingRules.objects.filter(committee=None).count() > 0
    assert services.meeting_rules_ensure_defaults(user=users["office"]) == 0


def test_only_the_office_changes_rules(tree, users):
    with pytest.raises(PermissionDenied):
        services.meeting_rules_save(
            user=users["secretary"],
            committee=tree.committee,
            effective_from=dt.date(2026, 1, 1),
            thematic_per_quarter=2,
            absence_months=3,
        )
    with pytest.raises(ValidationError):
        services.meeting_rules_save(
            user=users["office"],
            committee=None,
            effective_from=dt.date(2025, 7, 23),
            thematic_per_quarter=2,
            absence_months=3,
        )


def test_focus_area_of_another_committee_is_refused(tree, users):
    from organisation.tests.factories import CommitteeFactory

    other = FocusAreaFactory(committee=CommitteeFactory())
    with pytest.raises(ValidationError) as error:
        services.meeting_create(
            user=SYSTEM,
            unit=tree.cell_a,
            kind="thematic",
            date=dt.date(2024, 2, 2),
            focus_area=other,
        )
    assert "focus_area" in error.value.message_dict


def test_attendance_only_for_the_roll_on_the_day(tree, users, meeting_a):
    member = tree.members_a[0]
    row = services.attendance_mark(
        user=users["secretary"], meeting=meeting_a, person=member, status="excused", reason="Ốm"
    )
    assert (row.status, row.reason) == ("excused", "Ốm")
    row = services.attendance_mark(
        user=users["secretary"], meeting=meeting_a, person=member, status="present", reason="x"
    )
    assert (row.status, row.reason) == ("present", "")
    assert Attendance.objects.filter(meeting=meeting_a).count() == 1
    with pytest.raises(ValidationError, match="không có tên|not on the roll"):
        services.attendance_mark(
            user=users["secretary"], meeting=meeting_a, person=tree.members_b[0], status="present"
        )
    # Staff are not on a regular meeting's roll.
    with pytest.raises(ValidationError):
        services.attendance_mark(
            user=users["secretary"], meeting=meeting_a, person=tree.staff_a[0], status="present"
        )
    # Someone who joined the party after the meeting is not on that day's roll.
    late = PersonFactory(unit=tree.cell_a, party_joined_on=dt.date(2024, 6, 1))
    with pytest.raises(ValidationError):
        services.attendance_mark(user=SYSTEM, meeting=meeting_a, person=late, status="present")
    # A transfer: the old cell's roll ends the day the new posting starts.
    mover = tree.members_b[1]
    org_services.person_transfer(
        user=SYSTEM, person=mover, unit=tree.cell_a, on=dt.date(2024, 3, 1)
    )
    assert services.attendance_mark(user=SYSTEM, meeting=meeting_a, person=mover, status="present")
    assert Attendance.objects.filter(meeting=meeting_a).count() == 2


def test_attendance_on_a_planned_meeting_marks_it_held_but_not_in_future(tree, users):
    meeting = MeetingFactory(unit=tree.cell_a, held=False, date=dt.date(2024, 2, 1))
    services.attendance_mark(
        user=users["secretary"], meeting=meeting, person=tree.members_a[0], status="present"
    )
    meeting.refresh_from_db()
    assert meeting.held
    future = MeetingFactory(
        unit=tree.cell_a, held=False, date=timezone.localdate() + dt.timedelta(days=2)
    )
    with pytest.raises(ValidationError):
        services.attendance_mark(
            user=users["secretary"], meeting=future, person=tree.members_a[0], status="present"
        )
    assert not future.attendance.exists()


def test_everyone_present_keeps_existing_marks(tree, users, meeting_a):
    services.attendance_mark(
        user=users["secretary"], meeting=meeting_a, person=tree.members_a[1], status="absent"
    )
    count = services.attendance_mark_everyone_present(user=users["secretary"], meeting=meeting_a)
    assert count == 2
    statuses = dict(meeting_a.attendance.values_list("person_id", "status"))
    assert statuses[tree.members_a[1].pk] == "absent"
    assert list(statuses.values()).count("present") == 2
    assert tree.staff_a[0].pk not in statuses


def test_everyone_present_writes_in_bulk_with_history_and_stales_the_year(
    tree, users, meeting_a, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    """A fixed number of queries for any roll (saved one by one, the demo committee's 683
    members took 1,382), each row with its history row, and the meeting's year's figures
    stale."""
    from reports import versions

    PersonFactory.create_batch(20, unit=tree.cell_a)
    before = versions.current()
    with django_capture_on_commit_callbacks(execute=True):
        with django_assert_max_num_queries(20):
            count = services.attendance_mark_everyone_present(
                user=users["secretary"], meeting=meeting_a
            )
    assert count == 23
    history = Attendance.history.filter(meeting_id=meeting_a.pk)
    assert history.count() == 23
    assert {(row.history_type, row.history_user_id, row.status) for row in history} == {
        ("+", users["secretary"].pk, "present")
    }
    assert versions.current()[2024] == before.get(2024, 0) + 1


def test_staff_and_guests_only_at_conferences(tree, users, meeting_a, conference_a):
    services.attendance_mark(
        user=users["secretary"], meeting=conference_a, person=tree.staff_a[0], status="present"
    )
    guest = services.guest_add(
        user=users["secretary"], meeting=conference_a, name=" Trần Khách ", organisation="Sở"
    )
    assert str(guest) == "Trần Khách (Sở)"
    with pytest.raises(ValidationError):
        services.guest_add(user=users["secretary"], meeting=meeting_a, name="Khách")
    with pytest.raises(PermissionDenied):
        services.guest_add(user=users["other_secretary"], meeting=conference_a, name="Khách")


def test_minutes_versions(tree, users, meeting_a):
    draft = services.minutes_save(
        user=users["secretary"], meeting=meeting_a, proceedings="Khai mạc.", number="3"
    )
    assert (draft.version, draft.status) == (1, Minutes.Status.DRAFT)
    same = services.minutes_save(
        user=users["secretary"], meeting=meeting_a, proceedings="Khai mạc, thông qua chương trình."
    )
    assert same.pk == draft.pk and same.version == 1
    services.attendance_mark_everyone_present(user=users["secretary"], meeting=meeting_a)
    approved = services.minutes_approve(user=users["secretary"], minutes=same)
    assert approved.is_locked and approved.approved_by == users["secretary"]
    with pytest.raises(ValidationError):
        services.minutes_approve(user=users["secretary"], minutes=approved)
    with pytest.raises(ValidationError) as error:  # a correction says why
        services.minutes_save(user=users["secretary"], meeting=meeting_a, conclusion="x")
    assert "reason" in error.value.message_dict
    changed = services.minutes_save(
        user=users["secretary"],
        meeting=meeting_a,
        conclusion="Giao nhiệm vụ.",
        reason="Bổ sung kết luận.",
    )
    assert changed.version == 2 and changed.status == Minutes.Status.DRAFT
    assert changed.reason == "Bổ sung kết luận."
    assert changed.proceedings == "Khai mạc, thông qua chương trình."  # copied forward
    old = Minutes.objects.get(meeting=meeting_a, version=1)
    assert old.is_locked and old.conclusion == "" and old.proceedings == approved.proceedings
    with pytest.raises(ValidationError):
        services.minutes_approve(user=users["secretary"], minutes=old)
    with pytest.raises(PermissionDenied):
        services.minutes_save(user=users["other_secretary"], meeting=meeting_a, closing="x")
    with pytest.raises(ValidationError):
        services.meeting_delete(user=users["office"], meeting=meeting_a)


def test_empty_minutes_cannot_be_approved(tree, users, meeting_a):
    draft = services.minutes_save(user=users["secretary"], meeting=meeting_a, proceedings="  ")
    with pytest.raises(ValidationError):
        services.minutes_approve(user=users["secretary"], minutes=draft)


def test_minutes_template_has_the_standard_parts(tree, conference_a):
    parts = services.minutes_template(conference_a)
    assert "Chuyên đề" in parts["proceedings"] or "Study topic" in parts["proceedings"]
    assert "16:00" in parts["closing"]


def test_topic_deadline_save_and_delete(tree, users):
    deadline = services.topic_deadline_save(
        user=users["office"],
        committee=tree.committee,
        topic=topic("CD-2020"),
        deadline=dt.date(2020, 4, 30),
    )
    with pytest.raises(PermissionDenied):
        services.topic_deadline_delete(user=users["secretary"], topic_deadline=deadline)
    services.topic_deadline_delete(user=users["office"], topic_deadline=deadline)
