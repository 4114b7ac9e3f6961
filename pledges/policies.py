"""Who sees and changes pledges, plans and standards.

Pledges and plans belong to the person's unit; a member sees his own. Conduct standards belong
to the unit that adopted them (committee: common, cell: specific).
"""

from typing import Any

from django.db.models import Q, QuerySet

from core.actors import is_system
from core.policy import (
    CHANGE,
    CONFIRM,
    VIEW,
    UnitScopedPolicy,
    is_authenticated,
    is_superuser,
    path_in,
    role_paths,
    subtree_q,
)
from core.roles import Role

from .models import ConductStandard, PersonalPlan, Pledge, PledgeTemplate


class PledgePolicy(UnitScopedPolicy):
    model = Pledge
    unit_path = "person__unit__path"
    change_roles = (Role.OFFICE, Role.SECRETARY)

    def base_queryset(self) -> QuerySet:
        return Pledge.objects.select_related("person", "person__unit")

    def member_q(self, user: Any) -> Q | None:
        return Q(person_id=user.person_id) if getattr(user, "person_id", None) else None

    def queryset_for(
        self, user: Any, action: str = VIEW, queryset: QuerySet | None = None
    ) -> QuerySet:
        """The people first, then their rows: `person_id IN (people of the units of my
        subtrees UNION ALL me)`. Each arm is an index lookup (unit path, then person by unit;
        my own id), where "unit path LIKE … OR person = me" across the person–unit join
        scanned every person of the province (401 ms for a cell secretary at 500k people,
        0.5 ms now: docs/performance.md, page crawl)."""
        from organisation.models import Person, Unit

        queryset = self.base_queryset() if queryset is None else queryset
        if is_superuser(user):
            return queryset
        units = Unit.objects.filter(subtree_q(role_paths(user, self.roles_for(action)), "path"))
        people = Person.objects.filter(unit__in=units.values("pk")).order_by().values("pk")
        own = self.member_q(user) if action == VIEW and is_authenticated(user) else None
        if own is not None:
            me = Person.objects.filter(pk=user.person_id).order_by().values("pk")
            people = people.union(me, all=True)
        return queryset.filter(person_id__in=people)

    def is_own(self, user: Any, obj: Any) -> bool:
        person_id = getattr(user, "person_id", None)
        return bool(person_id) and obj is not None and obj.person_id == person_id

    def can(self, user: Any, action: str, obj: Any = None) -> bool:
        if action == VIEW and self.is_own(user, obj):
            return True
        if action == CHANGE and self.is_own(user, obj):
            # A member writes his own pledge; once confirmed, a change becomes a new version.
            return True
        if action == CONFIRM:
            action = CHANGE
        return super().can(user, action, obj)


class PersonalPlanPolicy(PledgePolicy):
    model = PersonalPlan  # type: ignore[assignment]  # the same rules, another model

    def base_queryset(self) -> QuerySet:
        return PersonalPlan.objects.select_related("person", "person__unit")

    def can(self, user: Any, action: str, obj: Any = None) -> bool:
        # Only the person writes his own plan (or the system: the demo); the cell and the
        # office read it.
        if action == CHANGE:
            return is_system(user) or self.is_own(user, obj)
        return super().can(user, action, obj)


class ConductStandardPolicy(UnitScopedPolicy):
    """The office writes the common standards and any cell's; a secretary his cell's."""

    model = ConductStandard
    change_roles = (Role.OFFICE, Role.SECRETARY)

    def can_edit_unit(self, user: Any, unit: Any) -> bool:
        if is_superuser(user):
            return True
        if path_in(role_paths(user, (Role.OFFICE,)), unit.path):
            return True
        return unit.is_cell and path_in(role_paths(user, (Role.SECRETARY,)), unit.path)


class PledgeTemplatePolicy(UnitScopedPolicy):
    model = PledgeTemplate
    change_roles = (Role.OFFICE,)


pledges = PledgePolicy()
plans = PersonalPlanPolicy()
standards = ConductStandardPolicy()
templates = PledgeTemplatePolicy()
