import datetime as dt

import pytest
from django.urls import reverse

from core.actors import SYSTEM
from meetings import oversight, panels, selectors
from meetings.models import Attendance, Meeting, TopicDeadline
from organisation import membership
from organisation.models import Person, Unit
from organisation.tests.factories import CommitteeFactory, UnitFactory

from .factories import topic


@pytest.fixture
def big_committee(db):
    """32 cells, 5 members each, a regular meeting every month of 2024 and a thematic one
    every quarter, everyone marked — the size of the demo committee."""
    committee = CommitteeFactory(code="LON")
    cells = [UnitFactory(code=f"C{i:02d}", parent=committee) for i in range(32)]
    people = []
    for cell in cells:
        for j in range(5):
            person = Person(
                code=f"{cell.code}-{j}",
                full_name=f"Nguyễn Văn {cell.code}{j}",
                unit=cell,
                party_status="full",
                party_joined_on=dt.date(2000, 1, 1),
            )
            person.fill_keys()
            people.append(person)
    Person.objects.bulk_create(people)
    people = list(Person.objects.filter(unit__in=cells))
    membership.rebuild(p.pk for p in people)
    meetings = []
    for cell in cells:
        for month in range(1, 13):
            meetings.append(_meeting(cell, "regular", dt.date(2024, month, 5)))
            if month % 3 == 0 and cell.code != "C05":
                meetings.append(_meeting(cell, "thematic", dt.date(2024, month, 20)))
    Meeting.objects.bulk_create(meetings)
    by_unit = {}
    for person in people:
        by_unit.setdefault(person.unit_id, []).append(person)
    Attendance.objects.bulk_create(
        [
            Attendance(meeting=meeting, person=person, status="present")
            for meeting in Meeting.objects.filter(unit__in=cells)
            for person in by_unit[meeting.unit_id]
        ]
    )
    return committee, cells


def _meeting(cell, kind: str, date: dt.date) -> Meeting:
    """An unsaved meeting of `cell`, coded by its cell, kind (R, T) and month."""
    return Meeting(
        code=f"{cell.code}-{kind[0].upper()}{date.month}", unit=cell, kind=kind, date=date
    )


def _rules_from(date: dt.date, committee, **rules) -> None:
    """The committee's meeting rules from `date` on."""
    from meetings import services

    services.meeting_rules_save(user=SYSTEM, committee=committee, effective_from=date, **rules)


def test_coverage_grid_fixed_queries(big_committee, django_assert_max_num_queries):
    # Four: cells, meeting counts, attendance (the 85% indicator), the meeting rules.
    committee, cells = big_committee
    with django_assert_max_num_queries(4):
        grid = oversight.coverage_grid(committee, 2024, upto=dt.date(2025, 1, 1))
    assert len(grid) == 32
    assert all(row.regular_missing == 0 for row in grid)
    c05 = next(row for row in grid if row.unit.code == "C05")
    assert c05.thematic_quarters_missing == 4
    assert grid[0].months[2] == {"regular": 1, "thematic": 1}


def test_coverage_page_fixed_queries(big_committee, client, django_assert_max_num_queries):
    from accounts.tests.factories import RoleAssignmentFactory, UserFactory

    committee, _ = big_committee
    user = UserFactory()
    RoleAssignmentFactory(user=user, role="office", unit=committee)
    client.force_login(user)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("meetings:coverage"), {"year": 2024})
    assert response.content.decode().count('class="k k-r"') == 32 * 12


def test_coverage_page_is_paged_by_cell(
    big_committee, client, monkeypatch, django_assert_max_num_queries
):
    from accounts.tests.factories import RoleAssignmentFactory, UserFactory

    committee, _ = big_committee
    monkeypatch.setattr(oversight, "CELLS_PER_PAGE", 10)
    user = UserFactory()
    RoleAssignmentFactory(user=user, role="office", unit=committee)
    client.force_login(user)
    with django_assert_max_num_queries(12):
        first = client.get(reverse("meetings:coverage"), {"year": 2024}).content.decode()
    last = client.get(reverse("meetings:coverage"), {"year": 2024, "page": 4}).content.decode()
    assert first.count('class="k k-r"') == 10 * 12 and "C00" in first and "C10" not in first
    assert last.count('class="k k-r"') == 2 * 12 and "C31" in last


def test_coverage_shows_only_the_cells_in_the_users_scope(big_committee, client):
    # An office whose role is on one cell opens the committee above it: only that cell shows.
    from accounts.tests.factories import RoleAssignmentFactory, UserFactory

    committee, cells = big_committee
    user = UserFactory()
    RoleAssignmentFactory(user=user, role="office", unit=cells[3])
    client.force_login(user)
    page = client.get(reverse("meetings:coverage"), {"year": 2024}).content.decode()
    assert page.count('class="k k-r"') == 12 and "C03" in page and "C04" not in page


def test_coverage_uses_the_thematic_rule(big_committee):
    committee, _ = big_committee
    _rules_from(dt.date(2024, 7, 1), committee, thematic_per_quarter=2, absence_months=3)
    grid = oversight.coverage_grid(committee, 2024, upto=dt.date(2025, 1, 1))
    assert grid[0].thematic_quarters_missing == 2  # Q3 and Q4 need two each


def test_topic_coverage(big_committee, django_assert_max_num_queries):
    committee, cells = big_committee
    studied = topic("CD-TK-XIII")
    for meeting in Meeting.objects.filter(unit__in=cells[:30], date__month=3, kind="regular"):
        meeting.topics.add(studied)
    with django_assert_max_num_queries(2):
        rows = oversight.topic_coverage(committee, studied)
    assert sum(1 for row in rows if row.meetings) == 30
    assert rows[0].first_date == dt.date(2024, 3, 5) and rows[0].percent == 100.0
    assert rows[31].first_date is None
    assert oversight.topic_coverage(committee, studied, year=2023)[0].meetings == []
    assert oversight.topic_coverage(committee, studied, kind="thematic")[0].meetings == []


def test_attention(big_committee, django_assert_max_num_queries):
    committee, cells = big_committee
    # One member absent without reason in three months, another in two.
    flagged = Person.objects.get(code="C01-0")
    not_yet = Person.objects.get(code="C01-1")
    for month in (2, 5, 9):
        Attendance.objects.filter(meeting__code=f"C01-R{month}", person=flagged).update(
            status="absent"
        )
    for month in (2, 5):
        Attendance.objects.filter(meeting__code=f"C01-R{month}", person=not_yet).update(
            status="absent"
        )
    Meeting.objects.filter(code="C07-R4").update(held=False)
    TopicDeadline.objects.create(
        committee=committee, topic=topic("CD-2018"), deadline=dt.date(2024, 6, 30)
    )
    Meeting.objects.get(code="C02-R5").topics.add(topic("CD-2018"))
    Meeting.objects.get(code="C03-R8").topics.add(topic("CD-2018"))  # after the deadline
    with django_assert_max_num_queries(9):
        result = oversight.attention(cells, committee, dt.date(2024, 11, 15))
    assert [unit.code for unit in result.no_thematic] == ["C05"]
    assert [(unit.code, months) for unit, months in result.skipped_monthly] == [("C07", [4])]
    assert [(person.code, months) for person, months in result.absentees] == [("C01-0", 3)]
    ((deadline, late),) = result.overdue_topics
    assert deadline.topic.code == "CD-2018" and len(late) == 31
    assert "C02" not in [unit.code for unit in late]
    # In the first quarter of a new year, nothing has been held yet.
    early = oversight.attention(cells, committee, dt.date(2025, 1, 10))
    assert len(early.no_thematic) == 32 and early.skipped_monthly == []


def test_absence_threshold_is_a_setting(big_committee):

    committee, cells = big_committee
    person = Person.objects.get(code="C01-0")
    for month in (2, 5):
        Attendance.objects.filter(meeting__code=f"C01-R{month}", person=person).update(
            status="absent"
        )
    assert oversight.attention(cells, committee, dt.date(2024, 11, 15)).absentees == []
    _rules_from(dt.date(2024, 1, 1), committee, absence_months=2, thematic_per_quarter=1)
    result = oversight.attention(cells, committee, dt.date(2024, 11, 15))
    assert [p.code for p, _ in result.absentees] == ["C01-0"] and result.absence_months == 2


def test_dashboard_panel_scopes(tree, users, rf, meeting_a, django_assert_max_num_queries):
    request = rf.get("/")
    request.user = users["secretary"]
    with django_assert_max_num_queries(12):
        panel = panels.meetings_attention(request)
    cells = panel.context["attention"].no_thematic
    assert [unit.code for unit in cells] == ["CBA"]
    request.user = users["office"]
    panel = panels.meetings_attention(request)
    assert {unit.code for unit in panel.context["attention"].no_thematic} == {"CBA", "CBB"}
    request.user = users["editor"]
    assert panels.meetings_attention(request) is None


def test_dashboard_shows_the_panel(tree, client_as):
    page = client_as("secretary").get(reverse("core:home")).content.decode()
    assert "Sinh hoạt: việc cần chú ý" in page


def test_roll_ignores_other_units(tree, meeting_a):
    rows = selectors.meeting_roll(meeting_a)
    assert {row.person for row in rows} == set(tree.members_a)
    assert Unit.objects.count() == 4


def test_dashboard_page_fixed_queries(big_committee, client, django_assert_max_num_queries):
    from accounts.tests.factories import RoleAssignmentFactory, UserFactory

    committee, cells = big_committee
    user = UserFactory()
    RoleAssignmentFactory(user=user, role="office", unit=committee)
    secretary = UserFactory()
    RoleAssignmentFactory(user=secretary, role="secretary", unit=cells[1])
    from core.testing import render_panel
    from meetings.panels import meetings_attention

    for who in (user, secretary):
        with django_assert_max_num_queries(12):
            html = render_panel(meetings_attention, who)
        assert "Chưa sinh hoạt chuyên đề trong quý này" in html
