"""The columns of the plan, item and remediation lists: what sorts (the code, the year, the
dates, the state) and what each row writes to the Excel export (core.listing)."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from core.listing import Column


def _subject(item: Any) -> str:
    if item.subject_unit_id:
        return item.subject_unit.name
    person = item.subject_person
    return f"{person.full_name} ({person.unit.name})" if person else ""


def _task_status(task: Any) -> str:
    if task.completed_on:
        return _("Done late") if task.completed_on > task.deadline else _("Done")
    return _("Overdue") if task.is_late() else _("Within the deadline")


PLAN_COLUMNS = [
    Column("year", _l("Year"), ("year",)),
    Column("number", _l("Number and symbol"), ("number_symbol", "year"), "number_symbol"),
    Column("date", _l("Date issued"), ("issued_on",), "issued_on"),
    Column("title", _l("Title"), (), "display_title"),
    Column("items", _l("Items"), (), "items_count", css="num"),
]

INSPECTION_COLUMNS = [
    Column("code", _l("Code"), ("code",)),
    Column("year", _l("Year"), ("year", "code")),
    Column("form", _l("Form"), ("form", "year"), "get_form_display"),
    Column("subject", _l("Subject"), (), _subject),
    Column("content", _l("Content"), (), "content"),
    Column("state", _l("State"), ("state", "year"), "get_state_display"),
    Column("concluded", _l("Conclusion date"), ("concluded_on",), "concluded_on"),
    Column("tasks", _l("Tasks (done / late)"), (), "tasks_total", css="num"),
]

REMEDIATION_COLUMNS = [
    Column("item", _l("Item"), ("inspection__code",), "inspection.code"),
    Column("subject", _l("Subject"), (), lambda task: _subject(task.inspection)),
    Column("content", _l("Content"), (), "content"),
    Column("deadline", _l("Deadline"), ("deadline",), "deadline"),
    Column("status", _l("Status"), ("state", "deadline"), _task_status),
    Column("completed", _l("Completion date"), ("completed_on", "deadline"), "completed_on"),
]
