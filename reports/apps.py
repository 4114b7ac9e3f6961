from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from core import dashboard, navigation
        from core.roles import Role

        from . import (
            exports,  # noqa: F401  (registers the exporters)
            versions,
        )
        from .panels import reports_panel

        navigation.register(_("Reports"), "reports:list", (Role.OFFICE, Role.INSPECTION), 85)
        dashboard.register(reports_panel)
        versions.connect()
