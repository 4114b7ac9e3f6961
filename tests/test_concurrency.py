"""Two people edit the same record from two browsers: the second save, made from a form shown
before the first save, is refused with both versions side by side, and nothing is written."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import RoleAssignmentFactory, UserFactory
from core.actors import SYSTEM
from core.roles import Role
from core.testing import form_values
from meetings.models import Attendance
from meetings.tests.factories import MeetingFactory
from news.tests.factories import ArticleFactory
from ratings import services as rating_services
from ratings.models import Level, Rating

STALE = "Người khác đã lưu bản ghi này"


def two_clients(tree, role=Role.OFFICE):
    """Two signed-in browsers of two people holding the same role on the committee."""
    clients = []
    for name in ("first", "second"):
        user = UserFactory(username=f"{name}_{role}")
        RoleAssignmentFactory(user=user, role=role, unit=tree.committee)
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        clients.append(client)
    return clients


def race(tree, url, first_change, second_change, role=Role.OFFICE):
    """Both open the form; the first saves; the second saves from his older form."""
    first, second = two_clients(tree, role)
    first_form = form_values(first.get(url).content.decode())
    second_form = form_values(second.get(url).content.decode())
    assert first_form["version"] and first_form["version"] == second_form["version"]
    saved = first.post(url, {**first_form, **first_change})
    assert saved.status_code == 302, saved.content.decode()[-3000:]
    refused = second.post(url, {**second_form, **second_change})
    return second, refused, {**second_form, **second_change}


def assert_refused_with_both(refused, mine: str, current: str):
    body = refused.content.decode()
    assert refused.status_code == 200
    assert STALE in body
    table = body[body.index('data-testid="conflict"') :]
    table = table[: table.index("</table>")]
    row = next(line for line in table.split("<tr") if mine in line)
    assert current in row, row


@pytest.mark.django_db
def test_person_second_save_from_a_stale_form_is_refused(tree):
    person = tree.members_a[2]
    url = reverse("organisation:person_edit", kwargs={"pk": person.pk})
    second, refused, data = race(
        tree, url, {"full_name": "Nguyễn Văn Trước"}, {"full_name": "Nguyễn Văn Sau"}
    )
    assert_refused_with_both(refused, "Nguyễn Văn Sau", "Nguyễn Văn Trước")
    person.refresh_from_db()
    assert person.full_name == "Nguyễn Văn Trước"
    # The refused form now carries the current version: saving again is a knowing overwrite.
    again = second.post(url, form_values(refused.content.decode()))
    assert again.status_code == 302
    person.refresh_from_db()
    assert person.full_name == "Nguyễn Văn Sau"


@pytest.mark.django_db
def test_meeting_second_save_from_a_stale_form_is_refused(tree):
    meeting = MeetingFactory(unit=tree.cell_a, place="Phòng họp")
    url = reverse("meetings:edit", kwargs={"pk": meeting.pk})
    _, refused, _ = race(tree, url, {"place": "Hội trường tầng 2"}, {"place": "Phòng 305"})
    assert_refused_with_both(refused, "Phòng 305", "Hội trường tầng 2")
    meeting.refresh_from_db()
    assert meeting.place == "Hội trường tầng 2"


@pytest.mark.django_db
def test_rating_decision_second_save_from_a_stale_form_is_refused(tree):
    from ratings.reference import rule_sets_ensure

    rule_sets_ensure()
    office = UserFactory(username="proposer")
    RoleAssignmentFactory(user=office, role=Role.OFFICE, unit=tree.committee)
    person = tree.members_a[1]
    meeting = MeetingFactory(unit=tree.cell_a, date=dt.date(2019, 12, 10))
    for member in tree.members_a:  # the cell's review needs its attendance and a quorum
        Attendance.objects.create(meeting=meeting, person=member, status="present")
    rating_services.rating_self_assess(  # as the member himself would (the system here)
        person=person, year=2019, text="…", self_level=Level.GOOD, user=SYSTEM
    )
    rating_services.ratings_propose(
        cell=tree.cell_a,
        year=2019,
        meeting=meeting,
        proposals=[(person, Level.GOOD, "")],
        user=office,
    )
    rating = Rating.objects.get(person=person, year=2019)
    url = reverse("ratings:decide", kwargs={"pk": rating.pk})
    _, refused, _ = race(tree, url, {"level": Level.GOOD}, {"level": Level.COMPLETE})
    labels = dict(Level.choices)
    assert_refused_with_both(refused, str(labels[Level.COMPLETE]), str(labels[Level.GOOD]))
    rating.refresh_from_db()
    assert rating.level == Level.GOOD


@pytest.mark.django_db
def test_article_second_save_from_a_stale_form_is_refused(tree):
    article = ArticleFactory(title="Tin ban đầu")
    url = reverse("news:article_edit", kwargs={"pk": article.pk})
    _, refused, _ = race(
        tree, url, {"title": "Tin đã sửa lần một"}, {"title": "Tin sửa từ bản cũ"}, Role.EDITOR
    )
    assert_refused_with_both(refused, "Tin sửa từ bản cũ", "Tin đã sửa lần một")
    article.refresh_from_db()
    assert article.title == "Tin đã sửa lần một"


@pytest.mark.django_db
def test_a_change_by_another_writer_than_a_form_also_makes_the_form_stale(tree):
    """The version is the stored values, so an import or a service changing the record
    counts as much as another form."""
    meeting = MeetingFactory(unit=tree.cell_a, date=dt.date(2024, 3, 15))
    url = reverse("meetings:edit", kwargs={"pk": meeting.pk})
    (client, _) = two_clients(tree)
    data = form_values(client.get(url).content.decode())
    type(meeting).objects.filter(pk=meeting.pk).update(agenda="Thay đổi từ bảng tính")
    refused = client.post(url, {**data, "place": "Phòng 101"})
    assert STALE in refused.content.decode()
    meeting.refresh_from_db()
    assert meeting.place != "Phòng 101" and meeting.agenda == "Thay đổi từ bảng tính"


@pytest.mark.django_db
def test_a_save_from_a_current_form_goes_through(tree):
    meeting = MeetingFactory(unit=tree.cell_a)
    url = reverse("meetings:edit", kwargs={"pk": meeting.pk})
    (client, _) = two_clients(tree)
    data = form_values(client.get(url).content.decode())
    assert client.post(url, {**data, "place": "Phòng 101"}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.place == "Phòng 101"


EDIT_PAGES = [
    "activities:activity_edit",
    "activities:commendation_edit",
    "documents:topic_update",
    "documents:update",
    "inspections:inspection_carry_out",
    "inspections:inspection_update",
    "inspections:plan_update",
    "inspections:remediation_update",
    "meetings:deadline_edit",
    "meetings:edit",
    "meetings:focus_edit",
    "meetings:rules_edit",
    "news:article_edit",
    "news:category_edit",
    "news:image_edit",
    "organisation:person_edit",
    "pledges:pledge_edit",
    "ratings:decide",
    "ratings:rule_set_edit",
    "reports:edit",
]


@pytest.mark.parametrize("url_name", EDIT_PAGES)
def test_every_edit_form_carries_the_version(url_name, tree, users, client_as):
    """The pages of the permission matrix that edit a record, opened by a role that may."""
    from tests.test_permission_matrix import MATRIX

    case = MATRIX[url_name]
    if case.setup:
        case.setup(tree, users)
    kwargs = case.kwargs(tree, users) if case.kwargs else {}
    role = next(role for role, status in case.statuses.items() if status == 200)
    page = client_as(role).get(reverse(url_name, kwargs=kwargs)).content.decode()
    assert form_values(page).get("version"), f"{url_name}: no version in the form"
