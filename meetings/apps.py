from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings")

    def ready(self) -> None:
        from core import dashboard, navigation
        from core.roles import Role

        from . import panels, sheets  # noqa: F401  (registers the workbook sheets)

        navigation.register(
            _("Meetings"),
            "meetings:list",
            roles=(Role.OFFICE, Role.INSPECTION, Role.SECRETARY, Role.MEMBER),
            order=30,
        )
        dashboard.register(panels.meetings_attention)
