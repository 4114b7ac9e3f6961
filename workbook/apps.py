from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkbookConfig(AppConfig):
    name = "workbook"
    verbose_name = _("Workbook")

    def ready(self) -> None:
        from core import audit, navigation
        from core.roles import Role

        from .models import WorkbookImport

        audit.register(WorkbookImport, unit="unit")  # one entry per committed import

        navigation.register(_("Excel import and export"), "workbook:index", (Role.OFFICE,), 80)
