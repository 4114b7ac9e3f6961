from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "inspections"
    verbose_name = _("Inspections")

    def ready(self) -> None:
        from core import dashboard, navigation
        from core.roles import Role

        from . import demo, printing, sheets  # noqa: F401  (registries)
        from .panels import overdue_panel

        navigation.register(
            _("Inspections"),
            "inspections:inspection_list",
            (Role.OFFICE, Role.INSPECTION, Role.SECRETARY),
            order=60,
        )
        dashboard.register(overdue_panel)
