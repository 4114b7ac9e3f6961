from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkbookConfig(AppConfig):
    name = "workbook"
    verbose_name = _("Workbook")

    def ready(self) -> None:
        from core import navigation
        from core.roles import Role

        navigation.register(_("Excel import and export"), "workbook:index", (Role.OFFICE,), 80)
