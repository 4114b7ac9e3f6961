from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        from core import navigation

        from . import delivery_sheet, sheets  # noqa: F401 (registers the workbook sheets)

        navigation.register(_("Documents"), "documents:list", (), order=20)
