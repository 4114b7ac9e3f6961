from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        from core import navigation
        from core.roles import Role

        from . import delivery_sheet, sheets  # noqa: F401 (registers the workbook sheets)

        navigation.register(
            _("Documents"),
            "documents:list",
            (Role.OFFICE, Role.INSPECTION, Role.SECRETARY),
            order=20,
        )
