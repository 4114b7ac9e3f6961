from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.apps import AppPlugins
from core.navigation import NavEntry
from core.roles import Role


class WorkbookConfig(AppPlugins, AppConfig):
    name = "workbook"
    verbose_name = _("Workbook")
    menu = (NavEntry(_("Excel import and export"), "workbook:index", (Role.OFFICE,), 80),)
