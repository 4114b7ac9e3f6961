"""The lists behind the figures: each one as long as the figure it stands behind, the two sides
of a yes/no figure adding up to the whole, and every kind of record shown with its columns."""

import datetime as dt
import re

import pytest

from reports.content import report_content
from reports.page import drill_url
from reports.records import RECORDS
from reports.selectors import FIGURES

from .factories import (
    CommendationFactory,
    DeliveryFactory,
    InspectionFactory,
    PlanFactory,
    RemediationFactory,
    StandardFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def more(tree, records):
    """Records of the kinds the shared `records` leave out, in 2017."""
    DeliveryFactory(unit=tree.cell_a)
    CommendationFactory(person=tree.members_a[0])
    CommendationFactory(unit=tree.cell_b, level="higher")
    StandardFactory(unit=tree.cell_b)
    PlanFactory(person=tree.members_b[0], year=2017)
    inspection = InspectionFactory(subject_unit=tree.cell_b, concluded_on=dt.date(2017, 11, 2))
    RemediationFactory(
        inspection=inspection, deadline=dt.date(2017, 12, 1), completed_on=dt.date(2017, 12, 10)
    )
    RemediationFactory(inspection=inspection, deadline=dt.date(2017, 10, 1))
    return records


def _count(client, review, name, **params):
    response = client.get(drill_url(review, name, **params))
    assert response.status_code == 200, (name, params)
    return response.context["page_obj"].paginator.count


def test_each_list_is_as_long_as_its_figure(client_as, review, more):
    client = client_as("office")
    figures = report_content(review).figures
    year = figures["years"][1]  # 2017
    inspections = year["inspections"]
    expected = {
        ("cells_specific_standard", ()): year["standards"]["cells_with_specific"],
        ("planned", ()): year["personal_plans"]["members"],
        ("attendance", ()): year["attendance"]["total"],
        ("deliveries", ()): year["documents"]["deliveries"],
        ("commendations", ()): year["commendations"]["total"],
        ("activities", ()): sum(entry["count"] for entry in year["activities"]),
        ("activities", (("kind", "Hiến máu"),)): sum(
            entry["count"] for entry in year["activities"] if entry["kind"] == "Hiến máu"
        ),
        ("inspections", ()): inspections["planned"],
        ("inspections", (("state", "concluded"),)): inspections["concluded"],
        ("remediations", ()): inspections["remediations_open"],
        ("remediations", (("state", "done"),)): inspections["remediations_done"],
        ("remediations", (("state", "late"),)): inspections["remediations_late"],
        ("meetings", ()): sum(
            year[key]["meetings"]
            for key in ("briefing", "thematic_meetings", "regular_meetings", "study_sessions")
        ),
    }
    for (name, params), figure in expected.items():
        assert _count(client, review, name, year=2017, **dict(params)) == figure, (name, params)
    # The 2018 task counts from its own year only: one open (and late), one done in 2017.
    assert [expected[("remediations", (("state", s),))] for s in ("done", "late")] == [1, 1]
    assert expected[("remediations", ())] == 1
    topic = figures["topics"][0]
    assert _count(client, review, "topic", code=topic["code"]) == topic["meetings"] == 10


@pytest.mark.parametrize(
    ("inside", "outside", "whole"),
    [
        ("cells_briefed", "cells_not_briefed", "cells"),
        ("cells_thematic", "cells_no_thematic", "cells"),
        ("pledged", "not_pledged", "roll"),
    ],
)
def test_the_two_sides_of_a_yes_no_figure_make_the_whole(
    client_as, review, more, inside, outside, whole
):
    client = client_as("office")
    for params in ({"year": 2017}, {"year": 2017, "cell": "CBA"}):
        total = _count(client, review, whole, **params)
        assert total
        yes, no = (_count(client, review, name, **params) for name in (inside, outside))
        assert yes + no == total, params


def test_a_cell_narrows_its_lists_and_the_cell_is_named(client_as, review, more, tree):
    client = client_as("office")
    whole = _count(client, review, "meetings", year=2017)
    cell_a = _count(client, review, "meetings", year=2017, cell="CBA")
    assert 0 < cell_a < whole
    page = client.get(drill_url(review, "meetings", year=2017, cell="CBA")).content.decode()
    assert "— CBA</h1>" in page


def test_every_kind_of_record_shows_its_columns(client_as, review, more, tree):
    client = client_as("office")
    kinds = {}
    for name, figure in FIGURES.items():
        params = {"year": 2017} if figure.yearly else {"code": "CD-TK-XII"}
        page = client.get(drill_url(review, name, **params)).content.decode()
        table = page[page.index("<table") : page.index("</table>")]
        headers = re.findall(r"<th[^>]*>(.*?)</th>", table)
        assert len(headers) == len(RECORDS[figure.kind].columns), name
        kinds[figure.kind] = table
    assert set(kinds) == set(RECORDS)
    # Vietnamese headers, values formatted the Vietnamese way.
    assert "<th>Họ và tên</th>" in kinds["people"]
    assert tree.members_a[0].full_name in kinds["people"]
    assert '<th class="num">Số người tham gia</th>' in kinds["activities"]
    assert '<td class="num">30</td>' in kinds["activities"]
    assert "01/03/2017" in kinds["deliveries"] and "Chi bộ A" in kinds["deliveries"]
    assert "Chi bộ B" in kinds["commendations"]  # a unit commended
    assert tree.members_a[0].full_name in kinds["commendations"]  # a person commended
    assert "02/11/2017" in kinds["inspections"]
    assert "—" in kinds["remediations"]  # an open task has no completion date
    assert "Chi bộ B" in kinds["units"]


def test_a_level_that_does_not_exist_is_not_found(client_as, review, records):
    client = client_as("office")
    assert client.get(drill_url(review, "rated", year=2017, level="best")).status_code == 404
    assert client.get(drill_url(review, "cells", cell="KHAC")).status_code == 404
    assert _count(client, review, "rated", year=2017) == _count(
        client, review, "rated", year=2017, level="good"
    ) + _count(client, review, "rated", year=2017, level="excellent")
