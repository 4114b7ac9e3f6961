from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.apps import AppPlugins
from core.navigation import NavEntry


class PledgesConfig(AppPlugins, AppConfig):
    name = "pledges"
    verbose_name = _("Pledges")
    registries = ("demo", "documents", "plan_sheets", "sheets")
    menu = (NavEntry(_("Pledges"), "pledges:mine", (), 40),)
