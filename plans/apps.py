from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Plans")

    def ready(self) -> None:
        from core import dashboard, navigation
        from core.roles import Role

        from . import demo, panels, sheets  # noqa: F401  (registries)

        navigation.register(
            _("Plan"),
            "plans:list",
            (Role.OFFICE, Role.INSPECTION, Role.SECRETARY, Role.MEMBER),
            order=15,
        )
        dashboard.register(panels.plan_panel)
