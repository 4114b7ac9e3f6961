"""Thin views: parse the request, call one selector or service, render.

Split by what the page is about; urls.py and other code keep importing `meetings.views`.
"""

from .attendance import (
    attendance,
    attendance_add,
    attendance_everyone,
    attendance_mark,
    attendance_remove,
    guest_add,
    guest_delete,
)
from .coverage import attention, coverage, topic_coverage
from .meetings import meeting_create, meeting_delete, meeting_detail, meeting_edit, meeting_list
from .minutes import minutes, minutes_approve, minutes_docx, minutes_edit, minutes_file, minutes_pdf
from .settings import (
    DEADLINES,
    FOCUS_AREAS,
    RULES,
    Setting,
    deadline_delete,
    deadline_list,
    focus_list,
    rules_list,
    setting_create,
    setting_edit,
)

__all__ = [
    "DEADLINES",
    "FOCUS_AREAS",
    "RULES",
    "Setting",
    "attendance",
    "attendance_add",
    "attendance_everyone",
    "attendance_mark",
    "attendance_remove",
    "attention",
    "coverage",
    "deadline_delete",
    "deadline_list",
    "focus_list",
    "guest_add",
    "guest_delete",
    "meeting_create",
    "meeting_delete",
    "meeting_detail",
    "meeting_edit",
    "meeting_list",
    "minutes",
    "minutes_approve",
    "minutes_docx",
    "minutes_edit",
    "minutes_file",
    "minutes_pdf",
    "rules_list",
    "setting_create",
    "setting_edit",
    "topic_coverage",
]
