from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.apps import AppPlugins
from core.navigation import NavEntry
from core.roles import SEES_EVERYTHING


class ReportsConfig(AppPlugins, AppConfig):
    name = "reports"
    verbose_name = _("Reports")
    registries = ("exports",)
    menu = (NavEntry(_("Reports"), "reports:list", SEES_EVERYTHING, 85),)
    panels = ("panels.reports_panel",)

    def ready(self) -> None:
        super().ready()
        from . import versions

        versions.connect()  # stored figures go stale when the records they read change
