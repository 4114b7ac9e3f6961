from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.apps import AppPlugins
from core.navigation import NavEntry
from core.roles import SEES_OWN_UNIT, Role


class PlansConfig(AppPlugins, AppConfig):
    name = "plans"
    verbose_name = _("Plans")
    registries = ("demo", "sheets")
    menu = (NavEntry(_("Plan"), "plans:list", (*SEES_OWN_UNIT, Role.MEMBER), 15),)
    panels = ("panels.plan_panel",)
