"""Every write of the meetings app: meetings, attendance, guests, minutes and settings.

Each function is one transaction, validates with `full_clean()`, refuses a user who may not
change the unit (a secretary never records for another cell), and records who did it in the
audit trail. The importer and the demo act as `core.actors.SYSTEM`; `user=None` is an error.
"""

from .attendance import (
    attendance_add_people,
    attendance_mark,
    attendance_mark_everyone_present,
    attendance_remove,
    guest_add,
    guest_remove,
)
from .meetings import (
    MEETING_FIELDS,
    meeting_code_for,
    meeting_create,
    meeting_delete,
    meeting_update,
    meeting_validate,
)
from .minutes import MINUTES_PARTS, minutes_approve, minutes_current, minutes_save, minutes_template
from .settings import (
    focus_area_save,
    meeting_rules_ensure_defaults,
    meeting_rules_save,
    topic_deadline_delete,
    topic_deadline_save,
)

__all__ = [
    "MEETING_FIELDS",
    "MINUTES_PARTS",
    "attendance_add_people",
    "attendance_mark",
    "attendance_mark_everyone_present",
    "attendance_remove",
    "focus_area_save",
    "guest_add",
    "guest_remove",
    "meeting_code_for",
    "meeting_create",
    "meeting_delete",
    "meeting_rules_ensure_defaults",
    "meeting_rules_save",
    "meeting_update",
    "meeting_validate",
    "minutes_approve",
    "minutes_current",
    "minutes_save",
    "minutes_template",
    "topic_deadline_delete",
    "topic_deadline_save",
]
