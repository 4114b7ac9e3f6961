"""The dashboard panel: the register's figures for the units the user may see."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from core.dashboard import Panel
from core.policy import has_role
from core.roles import SEES_OWN_UNIT

from . import selectors
from .models import Person, Unit
from .policies import units as unit_policy


def register_panel(request: HttpRequest) -> Panel | None:
    user = request.user
    if not has_role(user, *SEES_OWN_UNIT):
        return own_record_panel(request)
    paths = unit_policy.scope_paths(user)
    totals = selectors.Counts()
    for counts in selectors.unit_counts(paths).values():
        totals.add(counts)
    cells = unit_policy.queryset_for(user).filter(kind=Unit.Kind.CELL).count()
    return Panel(
        _("The register"), "organisation/panel.html", {"totals": totals, "cells": cells}, order=10
    )


def own_record_panel(request: HttpRequest) -> Panel | None:
    """A member (or anyone with a person record) sees his own record's essentials."""
    person_id = getattr(request.user, "person_id", None)
    if not person_id:
        return None
    person = Person.objects.select_related("unit").filter(pk=person_id).first()
    if person is None:
        return None
    return Panel(_("My record"), "organisation/panel_me.html", {"person": person}, order=10)
