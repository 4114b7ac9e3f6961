from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.apps import AppPlugins
from core.navigation import NavEntry
from core.roles import SEES_OWN_UNIT


class InspectionsConfig(AppPlugins, AppConfig):
    name = "inspections"
    verbose_name = _("Inspections")
    registries = ("demo", "printing", "sheets")
    menu = (NavEntry(_("Inspections"), "inspections:inspection_list", SEES_OWN_UNIT, 60),)
    panels = ("panels.overdue_panel",)
