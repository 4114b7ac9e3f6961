"""The sheets of personal plans and conduct standards: created, then unchanged on reimport,
updated when a cell changes; an unknown code or a repeated year is an error on its row."""

import io

import pytest
from openpyxl import Workbook

from pledges.models import ConductStandard, PersonalPlan
from pledges.plan_sheets import PLAN_SHEET, STANDARD_SHEET, ConductStandardSheet, PersonalPlanSheet
from workbook.services import workbook_import

pytestmark = pytest.mark.django_db


def book(handler, rows) -> io.BytesIO:
    workbook = Workbook()
    ws = workbook.active
    ws.title = handler.sheet
    ws.append([column.header for column in handler.columns])
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def _plans(tree, text):
    code = tree.members_a[0].code
    return [[code, 2019, "Mở đầu", text], [code, 2020, "", "Một việc"]]


def _standards(tree, text):
    return [[tree.cell_a.code, 2019, text], [tree.committee.code, 2019, "Chung"]]


CASES = {
    PLAN_SHEET: (PersonalPlanSheet, PersonalPlan, _plans),
    STANDARD_SHEET: (ConductStandardSheet, ConductStandard, _standards),
}


@pytest.mark.parametrize("sheet", list(CASES))
def test_import_creates_then_changes_nothing_then_updates_the_changed_row(tree, sheet):
    handler, model, rows = CASES[sheet]
    first = workbook_import(book(handler, rows(tree, "Việc 1\nViệc 2")))
    assert first.ok, first.errors
    assert len(first.plans[sheet].created) == 2 and model.objects.count() == 2
    again = workbook_import(book(handler, rows(tree, "Việc 1\nViệc 2")))
    assert again.ok and not again.plans[sheet].created and not again.plans[sheet].updated
    assert again.plans[sheet].unchanged == 2
    changed = workbook_import(book(handler, rows(tree, "Việc 1\nViệc 3")))
    assert changed.ok and len(changed.plans[sheet].updated) == 1
    assert changed.plans[sheet].unchanged == 1
    assert model.objects.filter(items="Việc 1\nViệc 3").count() == 1


@pytest.mark.parametrize("sheet", list(CASES))
def test_an_unknown_code_and_a_repeated_year_are_errors_and_nothing_is_written(tree, sheet):
    handler, model, rows = CASES[sheet]
    good = rows(tree, "Việc")[0]
    bad = [good, ["KHONG-CO", 2019, *good[2:]], good]
    result = workbook_import(book(handler, bad))
    assert not result.ok and model.objects.count() == 0
    assert {error.row for error in result.errors} == {3, 4}
