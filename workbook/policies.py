"""Who imports and exports workbooks, and whose jobs he sees.

A job is its creator's alone: nobody sees another's uploads or exports. Importing is for the
office and cell secretaries (each sheet narrows it further, `workbook.scope`); exporting for
whoever reads a unit's records.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from core.policy import EXPORT, IMPORT, Policy, has_role, is_authenticated
from core.roles import SEES_EVERYTHING, Role

from .models import WorkbookJob

IMPORTERS = (Role.OFFICE, Role.SECRETARY)
EXPORTERS = (*SEES_EVERYTHING, Role.SECRETARY)


class WorkbookJobPolicy(Policy):
    model = WorkbookJob

    def queryset_for(
        self, user: Any, action: str = "view", queryset: QuerySet | None = None
    ) -> QuerySet:
        queryset = self.base_queryset() if queryset is None else queryset
        return queryset.filter(created_by_id=getattr(user, "pk", None))

    def can(self, user: Any, action: str, obj: Any = None) -> bool:
        if not is_authenticated(user):
            return False
        if obj is not None:
            return obj.created_by_id == user.pk
        if action == IMPORT:
            return has_role(user, *IMPORTERS)
        if action == EXPORT:
            return has_role(user, *EXPORTERS)
        return True


jobs = WorkbookJobPolicy()
