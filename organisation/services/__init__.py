"""The only writes to units, people and their history. Each service is one transaction,
validates before writing and records who made the change in the audit trail."""

from .events import (
    check_history,
    member_event_delete,
    member_event_record,
    person_move_out,
    person_transfer,
)
from .people import PERSON_FIELDS, person_create, person_update
from .units import (
    PROFILE_FIELDS,
    unit_dissolve,
    unit_found,
    unit_move,
    unit_profile_update,
    unit_rename,
    unit_update,
)

__all__ = [
    "PERSON_FIELDS",
    "PROFILE_FIELDS",
    "check_history",
    "member_event_delete",
    "member_event_record",
    "person_create",
    "person_move_out",
    "person_transfer",
    "person_update",
    "unit_dissolve",
    "unit_found",
    "unit_move",
    "unit_profile_update",
    "unit_rename",
    "unit_update",
]
