"""Lists sort by their columns, page by number and export what they show to Excel."""

import io

import pytest
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from organisation.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def codes_in(page: str, people) -> list[str]:
    found = [(page.find(f">{p.code}</td>"), p.code) for p in people]
    return [code for position, code in sorted(found) if position >= 0]


def test_people_sort_by_name_and_code_both_ways(tree, client_as):
    people = tree.members_a + tree.staff_a
    url = reverse("organisation:unit", args=[tree.cell_a.pk])
    client = client_as("office")
    by_code = sorted(people, key=lambda p: p.code)
    page = client.get(url, {"sap-xep": "code"}).content.decode()
    assert codes_in(page, people) == [p.code for p in by_code]
    assert 'aria-sort="ascending"' in page
    page = client.get(url, {"sap-xep": "-code"}).content.decode()
    assert codes_in(page, people) == [p.code for p in reversed(by_code)]
    # A key that is not a column's falls back to the default order, not an error.
    assert client.get(url, {"sap-xep": "password"}).status_code == 200


def test_export_is_the_filtered_sorted_list_not_only_the_page(tree, client_as):
    extra = PersonFactory.create_batch(4, unit=tree.cell_a, full_name="Đỗ Văn Lâm")
    client = client_as("office")
    url = reverse("organisation:unit", args=[tree.cell_a.pk])
    with override_settings(PAGE_SIZE=2):
        page = client.get(url, {"q": "do van lam"}).content.decode()
        assert 'aria-label="Trang 2"' in page  # pages by number
        response = client.get(url, {"q": "do van lam", "sap-xep": "-code", "xuat": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Họ và tên", "Mã")
    assert [row[1] for row in rows[1:]] == sorted((p.code for p in extra), reverse=True)


def test_another_cell_cannot_export_our_people(tree, client_as):
    url = reverse("organisation:unit", args=[tree.cell_a.pk])
    assert client_as("other_secretary").get(url, {"xuat": "xlsx"}).status_code == 404


def test_unit_menus_follow_the_tree_with_codes(tree, client_as):
    page = client_as("office").get(reverse("organisation:person_add", args=[tree.cell_a.pk]))
    html = page.content.decode()
    order = [html.find(f"{u.name} ({u.code})") for u in (tree.committee, tree.sub_committee)]
    cell_a = html.find(f"{tree.cell_a.name} ({tree.cell_a.code})")
    assert -1 not in order and order[0] < order[1] < cell_a
    assert "\u00a0" * 6 + tree.cell_a.name in html  # two levels down


def test_meetings_export(tree, client_as):
    from meetings.tests.factories import MeetingFactory

    meetings = [MeetingFactory(unit=tree.cell_a), MeetingFactory(unit=tree.cell_b)]
    response = client_as("secretary").get(reverse("meetings:list"), {"xuat": "xlsx"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [row[3] for row in rows[1:]] == [meetings[0].code]  # his cell only


def test_a_list_loaded_whole_sorts_on_the_same_paths_and_searches_without_accents():
    from types import SimpleNamespace as Row

    from core.listing import Column, matching, sorted_queryset

    rows = [
        Row(person=Row(code="B"), year=2017, name="Bình"),
        Row(person=Row(code=None), year=2018, name="An"),
        Row(person=Row(code="A"), year=2018, name="Cúc"),
    ]
    columns = [Column("code", "Mã", ("person__code", "-year"))]
    # Empty values last going up, first going down, as PostgreSQL orders NULLs.
    assert [r.name for r in sorted_queryset(rows, columns, "code")] == ["Cúc", "Bình", "An"]
    assert [r.name for r in sorted_queryset(rows, columns, "-code")] == ["An", "Bình", "Cúc"]
    assert [r.name for r in matching(rows, "cuc", lambda r: r.name)] == ["Cúc"]
    assert matching(rows, "", lambda r: r.name) is rows
