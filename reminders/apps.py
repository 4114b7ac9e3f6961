from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.apps import AppPlugins
from core.navigation import NavEntry


class RemindersConfig(AppPlugins, AppConfig):
    name = "reminders"
    verbose_name = _("Reminders")
    menu = (NavEntry(_("Calendar"), "reminders:calendar", (), 95),)
    panels = ("panels.secretary_panel", "panels.member_panel")
