"""The columns of the plan, item and remediation lists: what sorts (the code, the year, the
dates, the state) and what each row writes to the Excel export (core.listing)."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
    Column("year", gettext_lazy("Year"), ("year",)),
    Column("number", gettext_lazy("Number and symbol"), ("number_symbol", "year"), "number_symbol"),
    Column("date", gettext_lazy("Date issued"), ("issued_on",), "issued_on"),
    Column("title", gettext_lazy("Title"), (), "display_title"),
    Column("items", gettext_lazy("Items"), (), "items_count", css="num"),
]

INSPECTION_COLUMNS = [
    Column("code", gettext_lazy("Code"), ("code",)),
    Column("year", gettext_lazy("Year"), ("year", "code")),
    Column("form", gettext_lazy("Form"), ("form", "year"), "get_form_display"),
    Column("subject", gettext_lazy("Subject"), (), _subject),
    Column("content", gettext_lazy("Content"), (), "content"),
    Column("state", gettext_lazy("State"), ("state", "year"), "get_state_display"),
    Column("concluded", gettext_lazy("Conclusion date"), ("concluded_on",), "concluded_on"),
    Column("tasks", gettext_lazy("Tasks (done / late)"), (), "tasks_total", css="num"),
]

REMEDIATION_COLUMNS = [
    Column("item", gettext_lazy("Item"), ("inspection__code",), "inspection.code"),
    Column("subject", gettext_lazy("Subject"), (), lambda task: _subject(task.inspection)),
    Column("content", gettext_lazy("Content"), (), "content"),
    Column("deadline", gettext_lazy("Deadline"), ("deadline",), "deadline"),
    Column("status", gettext_lazy("Status"), ("state", "deadline"), _task_status),
    Column(
        "completed", gettext_lazy("Completion date"), ("completed_on", "deadline"), "completed_on"
    ),
]
