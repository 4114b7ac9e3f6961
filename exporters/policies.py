"""Whose printouts a user sees: his own, and only while he may still print them."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from core.policy import VIEW, Policy, is_authenticated

from . import printouts
from .models import PrintJob


class PrintJobPolicy(Policy):
    model = PrintJob

    def queryset_for(
        self, user: Any, action: str = VIEW, queryset: QuerySet | None = None
    ) -> QuerySet:
        queryset = self.base_queryset() if queryset is None else queryset
        return queryset.filter(created_by_id=getattr(user, "pk", None))

    def can(self, user: Any, action: str, obj: Any = None) -> bool:
        """A job is its creator's; he sees it, downloads and restarts it while the printout
        still allows him (a user who lost his role loses the file too)."""
        if not is_authenticated(user) or obj is None:
            return False
        try:
            printout = printouts.get(obj.printout)
        except KeyError:
            return False
        return obj.created_by_id == user.pk and printout.allowed(user, obj.params)


print_jobs = PrintJobPolicy()
