"""The columns of the pledge and personal-plan lists: what sorts (indexed keys of the person
and the year) and what each row writes to the Excel export (core.listing)."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from core.listing import Column


def _pledge_status(pledge: Any) -> str:
    status = _("Confirmed") if pledge.is_locked else _("Awaiting confirmation")
    return f"{status} ({_('Paper')})" if pledge.source == "paper" else status


PERSON_COLUMNS = [
    Column("person", _l("Person"), ("person__sort_key", "-year"), "person.full_name"),
    Column("code", _l("Code"), ("person__code", "-year"), "person.code"),
    Column("unit", _l("Unit"), ("person__unit__path", "person__sort_key"), "person.unit.name"),
    Column("year", _l("Year"), ("year", "person__sort_key"), "year"),
]
PLEDGE_COLUMNS = [
    *PERSON_COLUMNS,
    Column("registered", _l("Date registered"), ("registered_on",), "registered_on"),
    Column("status", _l("Status"), ("confirmed_at", "year"), _pledge_status),
]
PLAN_COLUMNS = [
    *PERSON_COLUMNS,
    Column("items", _l("Number of items"), (), lambda plan: len(plan.item_list), css="num"),
]
