"""Export → import into an empty database → export gives the same workbook, cell for cell,
and importing it again changes nothing — on the whole demo committee."""

import importlib
import io

from django.apps import apps
from django.core.management import call_command
from django.db import connection

from organisation.models import Unit
from workbook.registry import handlers
from workbook.services import workbook_export, workbook_import
from workbook.testing import read_workbook

SEEDS = [
    ("activities.migrations.0003_activity_kinds", "add_kinds"),
    ("documents.migrations.0003_reference_topics", "forwards"),
    ("meetings.migrations.0003_default_rules", "load"),
    ("ratings.migrations.0003_preload_rule_sets", "preload"),
]


def empty_installation() -> None:
    """What `migrate` leaves: no records, only the reference data the migrations preload."""
    if connection.vendor == "postgresql":  # fire the deferred checks, or TRUNCATE refuses
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    for module, function in SEEDS:
        getattr(importlib.import_module(module), function)(apps, None)


def test_the_demo_round_trips_cell_for_cell(db):
    call_command("load_demo", stdout=io.StringIO())
    first = workbook_export(Unit.objects.get(parent=None))
    exported = read_workbook(first)
    for handler in handlers():
        assert len(exported[handler.sheet]) > 1, f"the demo has no rows in {handler.sheet}"

    empty_installation()
    assert not Unit.objects.exists()
    result = workbook_import(io.BytesIO(first))
    assert result.ok, [str(error) for error in result.errors[:20]]

    second = workbook_export(Unit.objects.get(parent=None))
    again_exported = read_workbook(second)
    assert list(again_exported) == list(exported)
    differing = {
        name: next(
            (pair for pair in zip(rows, again_exported[name], strict=False) if pair[0] != pair[1]),
            (len(rows), len(again_exported[name])),
        )
        for name, rows in exported.items()
        if rows != again_exported[name]
    }
    assert not differing

    again = workbook_import(io.BytesIO(second))
    assert again.ok and again.counts[:2] == (0, 0), [
        (sheet, plan.created[:3], plan.updated[:3]) for sheet, plan in again.plans.items()
    ]
