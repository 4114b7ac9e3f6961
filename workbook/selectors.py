"""Which committee a user's workbook export covers."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import Http404

from core.policy import role_paths
from core.roles import SEES_EVERYTHING, Role


def export_committee(user: Any, code: str | None = None) -> Any:
    """The unit to export: the one asked for, among those the user may see.

    Without a code: the unit on which the user holds the office or inspection role — for a
    cell secretary his cell — or for a superuser the single root. Raises Http404 when there
    is none the user may export.
    """
    unit_model = apps.get_model("organisation", "Unit")
    units = unit_model.objects.all()
    if not getattr(user, "is_superuser", False):
        paths = role_paths(user, SEES_EVERYTHING) or role_paths(user, [Role.SECRETARY])
        if not paths:
            raise Http404
        shortest = min(paths, key=len)
        units = units.filter(path__startswith=shortest)
    if code:
        found = units.filter(code=code).first()
    else:
        found = units.order_by("depth", "pk").first()
    if found is None:
        raise Http404
    return found


def job_of(user: Any, pk: int) -> Any:
    """The user's own workbook job, or None: nobody sees another's uploads or exports."""
    from .models import WorkbookJob

    return WorkbookJob.objects.filter(pk=pk, created_by_id=user.pk).first()


def recent_jobs(user: Any, limit: int = 5) -> list[Any]:
    from .models import WorkbookJob

    return list(WorkbookJob.objects.filter(created_by_id=user.pk)[:limit])
