"""The roles a user can hold on a unit; a role on a unit reaches the unit's whole subtree."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICE = "office", _("Committee office")
    SECRETARY = "secretary", _("Cell secretary")
    INSPECTION = "inspection", _("Inspection commission")
    MEMBER = "member", _("Member")
    EDITOR = "editor", _("News editor")


# Who reads what, by default. A policy narrows or widens these for its model.
SEES_EVERYTHING = (Role.OFFICE, Role.INSPECTION)
SEES_OWN_UNIT = (Role.OFFICE, Role.INSPECTION, Role.SECRETARY)
