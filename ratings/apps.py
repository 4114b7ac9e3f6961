from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.apps import AppPlugins
from core.navigation import NavEntry
from core.roles import SEES_OWN_UNIT, Role


class RatingsConfig(AppPlugins, AppConfig):
    name = "ratings"
    verbose_name = _("Ratings")
    registries = ("demo", "documents", "sheets")
    menu = (NavEntry(_("Ratings"), "ratings:index", (*SEES_OWN_UNIT, Role.MEMBER), 50),)
