from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.apps import AppPlugins
from core.navigation import NavEntry
from core.roles import SEES_OWN_UNIT


class ActivitiesConfig(AppPlugins, AppConfig):
    name = "activities"
    verbose_name = _("Activities")
    registries = ("demo", "sheets")
    menu = (NavEntry(_("Mass organisations"), "activities:activity_list", SEES_OWN_UNIT, 45),)
