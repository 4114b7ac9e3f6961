"""Reads of print jobs for the pages."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from .policies import print_jobs

RECENT = 10


def recent_print_jobs(user: Any, *, exclude: int | None = None) -> QuerySet:
    """The user's latest printouts, newest first, to come back to."""
    return print_jobs.queryset_for(user).exclude(pk=exclude).order_by("-created_at", "-pk")[:RECENT]
