"""The dashboard panel: the register's figures for the units the user may see."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from core.policy import has_role
from core.roles import SEES_OWN_UNIT

from . import selectors
from .models import Unit


def register_panel(request: HttpRequest) -> dict[str, Any] | None:
    user = request.user
    if not has_role(user, *SEES_OWN_UNIT):
        return None
    paths = selectors.scope_paths(user)
    totals = selectors.Counts()
    for counts in selectors.unit_counts(paths).values():
        totals.add(counts)
    cells = selectors.units_in_scope(user).filter(kind=Unit.Kind.CELL).count()
    return {
        "title": _("The register"),
        "template": "organisation/panel.html",
        "context": {"totals": totals, "cells": cells},
        "order": 10,
    }
