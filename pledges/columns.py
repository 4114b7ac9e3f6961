"""The columns of the pledge and personal-plan lists: what sorts (indexed keys of the person
and the year) and what each row writes to the Excel export (core.listing)."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.listing import Column


def _pledge_status(pledge: Any) -> str:
    status = _("Confirmed") if pledge.is_locked else _("Awaiting confirmation")
    return f"{status} ({_('Paper')})" if pledge.source == "paper" else status


PERSON_COLUMNS = [
    Column("person", gettext_lazy("Person"), ("person__sort_key", "-year"), "person.full_name"),
    Column("code", gettext_lazy("Code"), ("person__code", "-year"), "person.code"),
    Column(
        "unit", gettext_lazy("Unit"), ("person__unit__path", "person__sort_key"), "person.unit.name"
    ),
    Column("year", gettext_lazy("Year"), ("year", "person__sort_key"), "year"),
]
PLEDGE_COLUMNS = [
    *PERSON_COLUMNS,
    Column("registered", gettext_lazy("Date registered"), ("registered_on",), "registered_on"),
    Column("status", gettext_lazy("Status"), ("confirmed_at", "year"), _pledge_status),
]
PLAN_COLUMNS = [
    *PERSON_COLUMNS,
    Column(
        "items", gettext_lazy("Number of items"), (), lambda plan: len(plan.item_list), css="num"
    ),
]
