"""The kinds of record a drill-down lists: the columns shown for each, and the field its search
box looks in. One table, read by the drill-down template (reports.selectors.Drill.columns)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.templatetags.vn import vndate, vnnumber

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Column:
    title: StrOrPromise
    value: Callable[[Any], Any]
    numeric: bool = False


@dataclass(frozen=True)
class Kind:
    search_field: str
    columns: list[Column]


def _short(text: str) -> str:
    return Truncator(text).chars(120)


def _date(field: str) -> Callable[[Any], Any]:
    return lambda record: vndate(getattr(record, field))


CODE = Column(_("Code"), lambda record: record.code)

RECORDS: dict[str, Kind] = {
    "units": Kind("search_key", [CODE, Column(_("Cell"), lambda unit: unit.name)]),
    "people": Kind(
        "search_key",
        [
            CODE,
            Column(_("Full name"), lambda person: person.full_name),
            Column(_("Unit"), lambda person: person.unit),
            Column(_("Joined the party"), _date("party_joined_on")),
            Column(_("Moved out"), _date("moved_out_on")),
        ],
    ),
    "meetings": Kind(
        "unit__search_key",
        [
            CODE,
            Column(_("Date"), _date("date")),
            Column(_("Kind"), lambda meeting: meeting.get_kind_display()),
            Column(_("Unit"), lambda meeting: meeting.unit),
            Column(_("Content"), lambda meeting: _short(meeting.content)),
        ],
    ),
    "attendance": Kind(
        "person__search_key",
        [
            Column(_("Date"), lambda row: vndate(row.meeting.date)),
            Column(
                _("Meeting"),
                lambda row: f"{row.meeting.get_kind_display()} — {row.meeting.unit}",
            ),
            Column(_("Full name"), lambda row: row.person.full_name),
            Column(_("Attendance"), lambda row: row.get_status_display()),
        ],
    ),
    "activities": Kind(
        "unit__search_key",
        [
            Column(_("Date"), _date("date")),
            Column(_("Activity"), lambda activity: activity.title),
            Column(_("Kind"), lambda activity: activity.kind),
            Column(_("Unit"), lambda activity: activity.unit),
            Column(_("Participants"), lambda activity: vnnumber(activity.participants), True),
            Column(
                _("Quantity"),
                lambda activity: f"{vnnumber(activity.quantity)} {activity.measure_unit}",
                True,
            ),
        ],
    ),
    "inspections": Kind(
        "code",
        [
            CODE,
            Column(_("Form"), lambda inspection: inspection.get_form_display()),
            Column(
                _("Subject"),
                lambda inspection: inspection.subject_unit or inspection.subject_person,
            ),
            Column(_("Content"), lambda inspection: _short(inspection.content)),
            Column(_("Concluded on"), _date("concluded_on")),
        ],
    ),
    "remediations": Kind(
        "inspection__code",
        [
            Column(_("Inspection"), lambda task: task.inspection.code),
            Column(_("Task"), lambda task: task.content),
            Column(_("Deadline"), _date("deadline")),
            Column(_("Completed on"), lambda task: vndate(task.completed_on) or "—"),
        ],
    ),
    "deliveries": Kind(
        "unit__search_key",
        [
            Column(_("Date sent"), _date("sent_on")),
            Column(_("Document"), lambda delivery: delivery.document),
            Column(_("Cell"), lambda delivery: delivery.unit),
        ],
    ),
    "commendations": Kind(
        "code",
        [
            CODE,
            Column(_("Date"), _date("decided_on")),
            Column(_("Commended"), lambda item: item.person or item.unit),
            Column(_("Level"), lambda item: item.get_level_display()),
            Column(_("Form"), lambda item: item.form),
        ],
    ),
}
