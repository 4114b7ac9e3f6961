from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "reminders"
    verbose_name = _("Reminders")

    def ready(self) -> None:
        from core import dashboard, navigation

        from . import panels

        navigation.register(_("Calendar"), "reminders:calendar", order=95)
        dashboard.register(panels.secretary_panel)
        dashboard.register(panels.member_panel)
