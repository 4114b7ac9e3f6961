from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.apps import AppPlugins
from core.navigation import NavEntry
from core.roles import SEES_OWN_UNIT, Role


class MeetingsConfig(AppPlugins, AppConfig):
    name = "meetings"
    verbose_name = _("Meetings")
    registries = ("sheets",)
    menu = (NavEntry(_("Meetings"), "meetings:list", (*SEES_OWN_UNIT, Role.MEMBER), 30),)
    panels = ("panels.meetings_attention",)
