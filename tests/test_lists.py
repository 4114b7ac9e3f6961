"""Every list sorts by its columns, pages by number, searches and exports what it shows.

One check per list (`_check`): records made with labels that sort the same way as the chosen
column; the page shows them in that order and reversed; the heading says so (aria-sort); the
Excel file holds exactly the filtered rows in the order asked; a search keeps only what
matches; and the page costs as many queries with two more records.
"""

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from reports.tests.factories import (
    ActivityFactory,
    CommendationFactory,
    InspectionFactory,
    PlanFactory,
    PledgeFactory,
    RatingFactory,
    RemediationFactory,
    ReviewFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def made(factory: Any, **fields: Any) -> Any:
    """A factory's record, typed loosely (factory_boy's call is typed as the factory)."""
    return factory(**fields)


def xlsx_rows(response) -> list[tuple]:
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    return list(sheet.iter_rows(values_only=True))


def _order(html: str, labels: list[str]) -> list[str]:
    html = html[html.find("<tbody") :] if "<tbody" in html else html
    found = sorted((html.find(label), label) for label in labels)
    assert all(position >= 0 for position, _ in found), [lb for p, lb in found if p < 0]
    return [label for _, label in found]


def _check(
    client,
    url: str,
    make: Callable[[int], str],
    key: str,
    column: int,
    search: tuple[str, int] | None = None,
    only: bool = False,
    **params: str,
) -> None:
    """`make(i)` records the i-th row and returns its label (shown, and the start of Excel's
    `column`); labels sort as column `key` does. `search`: (text, index of the only row it
    finds). `only`: the list holds other rows too (the roll), compare ours among them."""

    def exported(rows: list[tuple]) -> list[str]:
        values = [str(row[column]) for row in rows[1:]]
        ours = [next((lb for lb in labels if v.startswith(lb)), v) for v in values]
        return [v for v in ours if v in labels] if only else ours

    labels = [make(i) for i in range(3)]
    html = client.get(url, {**params, "sap-xep": key}).content.decode()
    assert _order(html, labels) == labels
    assert 'aria-sort="ascending"' in html or 'aria-current="true"' in html
    html = client.get(url, {**params, "sap-xep": f"-{key}"}).content.decode()
    assert _order(html, labels) == labels[::-1]
    assert "Xuất Excel" in html
    rows = xlsx_rows(client.get(url, {**params, "sap-xep": f"-{key}", "xuat": "xlsx"}))
    assert exported(rows) == labels[::-1]
    if search:
        text, index = search
        html = client.get(url, {**params, "q": text}).content.decode()
        assert labels[index] in html
        assert all(label not in html for i, label in enumerate(labels) if i != index)
        rows = xlsx_rows(client.get(url, {**params, "q": text, "xuat": "xlsx"}))
        assert exported(rows) == [labels[index]]
    with CaptureQueriesContext(connection) as before:
        client.get(url, params)
    make(3), make(4)
    with CaptureQueriesContext(connection) as after:
        client.get(url, params)
    assert len(after) == len(before), "the page's queries grow with its rows"


def test_activities(tree, client_as):
    def make(i: int) -> str:
        title = ["Hiến máu", "Trồng cây", "Thăm hỏi"][i % 3]
        return made(ActivityFactory, code=f"HDX{i}", unit=tree.cell_a, title=title).code

    _check(
        client_as("office"), reverse("activities:activity_list"), make, "code", 1, ("trong cay", 1)
    )


def test_commendations(tree, client_as):
    def make(i: int) -> str:
        return made(
            CommendationFactory, code=f"KTX{i}", unit=tree.cell_a, form=f"Giấy khen {i}"
        ).code

    _check(
        client_as("office"), reverse("activities:commendation_list"), make, "code", 1, ("ktx2", 2)
    )


def _person(tree, i: int):
    from organisation.tests.factories import PersonFactory

    names = ["An", "Bình", "Cúc", "Dung", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nam"]
    return PersonFactory(unit=tree.cell_a, code=f"NS9{i}", full_name=f"Lê Văn {names[i]}")


def test_pledges_and_plans(tree, client_as):
    def pledge(i: int) -> str:
        return made(PledgeFactory, person=_person(tree, i), year=2017).person.code

    client = client_as("office")
    _check(client, reverse("pledges:pledge_list"), pledge, "code", 1, ("le van binh", 1))

    def plan(i: int) -> str:
        return made(PlanFactory, person=_person(tree, i + 5), year=2018).person.code

    _check(client, reverse("pledges:plan_list"), plan, "code", 1, year="2018")


def test_inspections(tree, client_as):
    from inspections.models import InspectionPlan

    client = client_as("office")

    def plan(i: int) -> str:
        InspectionPlan.objects.create(
            committee=tree.committee, year=2016 + i, number_symbol=f"{i + 1}-KH/ĐU"
        )
        return f"{i + 1}-KH/ĐU"

    _check(client, reverse("inspections:plan_list"), plan, "year", 1)

    def item(i: int) -> str:
        content = ["Việc học tập", "Việc sinh hoạt", "Việc thu nộp"][i % 3]
        return made(
            InspectionFactory, code=f"KTG{i}", subject_unit=tree.cell_a, content=content
        ).code

    _check(client, reverse("inspections:inspection_list"), item, "code", 0, ("thu nop", 2))

    inspection = made(
        InspectionFactory, code="KTR", subject_unit=tree.cell_a, concluded_on=dt.date(2017, 6, 1)
    )

    def task(i: int) -> str:
        return made(
            RemediationFactory,
            inspection=inspection,
            content=f"Khắc phục số {i}",
            deadline=dt.date(2017, 7, 1 + i),
        ).content

    _check(client, reverse("inspections:remediation_list"), task, "deadline", 2, ("so 1", 1))


def test_rating_round_decisions_and_caps(tree, client_as):
    from ratings.models import CapCondition

    client = client_as("office")
    people = [_person(tree, i) for i in range(5)]
    for person in people:
        person.party_joined_on = dt.date(2000, 1, 1)
        person.save()

    # The round lists the roll at the year's end: people are made on the fly for _check.
    made = iter(people)

    def member(i: int) -> str:
        person = next(made)
        RatingFactory(
            person=person, year=2017, committee=tree.committee, cell=tree.cell_a, level=""
        )
        return person.code

    _check(
        client,
        reverse("ratings:index"),
        member,
        "code",
        1,
        ("le van cuc", 2),
        only=True,
        year="2017",
    )

    others = [_person(tree, i + 5) for i in range(5)]

    def decided(i: int) -> str:
        person = others[i]
        RatingFactory(
            person=person, year=2017, committee=tree.committee, cell=tree.cell_a, level=""
        )
        return person.full_name

    _check(
        client,
        reverse("ratings:decide_list", args=[2017]),
        decided,
        "subject",
        0,
        ("le van lan", 2),
        only=True,
    )

    def cap(i: int) -> str:
        CapCondition.objects.create(
            person=people[i], year=2017, kind="disciplined", source=f"{i}-QĐ/UBKT"
        )
        return people[i].code

    _check(client, reverse("ratings:caps"), cap, "code", 2, ("le van binh", 1))


def test_rule_sets_search_and_export(tree, client_as):
    client = client_as("office")
    url = reverse("ratings:rule_sets")
    html = client.get(url, {"sap-xep": "-years"}).content.decode()
    assert 'aria-sort="descending"' in html
    rows = xlsx_rows(client.get(url, {"sap-xep": "years", "xuat": "xlsx"}))
    years = [row[0] for row in rows[1:]]
    assert len(years) >= 2 and years == sorted(years)
    first_name = rows[1][1]
    rows = xlsx_rows(client.get(url, {"q": first_name, "xuat": "xlsx"}))
    assert [row[1] for row in rows[1:]] == [first_name]


def test_reports(tree, client_as):
    def make(i: int) -> str:
        review = made(ReviewFactory, committee=tree.committee, number_symbol=f"{10 + i}-BC/ĐU")
        return review.number_symbol

    _check(client_as("office"), reverse("reports:list"), make, "number", 0)


def test_meeting_settings(tree, client_as):
    from meetings.models import FocusArea, MeetingRules, TopicDeadline

    client = client_as("office")

    def rules(i: int) -> str:
        MeetingRules.objects.create(
            committee=tree.committee, effective_from=dt.date(2016 + i, 1, 1), source=f"QĐ số {i}"
        )
        return f"QĐ số {i}"

    _check(client, reverse("meetings:rules"), rules, "from", 2, ("qd so 2", 2), only=True)

    def focus(i: int) -> str:
        name = ["Chuẩn mực A", "Chuẩn mực B", "Trọng tâm C", "Trọng tâm D", "Trọng tâm E"][i]
        FocusArea.objects.create(committee=tree.committee, kind="conduct", name=name)
        return name

    _check(client, reverse("meetings:focus_areas"), focus, "name", 0, ("trong tam c", 2))

    def deadline(i: int) -> str:
        topic = made(TopicFactory, code=f"CD-{i}", title=f"Chuyên đề {i}")
        TopicDeadline.objects.create(
            committee=tree.committee, topic=topic, deadline=dt.date(2018, 1, 1 + i)
        )
        return f"CD-{i}"

    _check(client, reverse("meetings:deadlines"), deadline, "deadline", 0)


def test_news_articles_and_comments(tree, client_as):
    from news.tests.factories import ArticleFactory, CommentFactory

    client = client_as("editor")
    titles = ["Tin hội nghị", "Tin học tập", "Tin thi đua", "Tin khen thưởng", "Tin bầu cử"]

    def article(i: int) -> str:
        published = dt.datetime(2020, 1, 1 + i, tzinfo=dt.UTC)
        return made(ArticleFactory, title=titles[i], published_at=published).title

    _check(client, reverse("news:manage"), article, "published", 0, ("thi dua", 2))

    def comment(i: int) -> str:
        sent = dt.datetime(2020, 2, 1 + i, tzinfo=dt.UTC)
        return made(CommentFactory, name=f"Bạn đọc số {i}", created_at=sent).name

    _check(client, reverse("news:moderation"), comment, "sent", 1)

    from news.tests.factories import CategoryFactory

    def category(i: int) -> str:
        return made(CategoryFactory, name=f"Chuyên mục {'ABCDE'[i]}", slug=f"cm-{i}").name

    _check(client, reverse("news:categories"), category, "name", 0, only=True)
