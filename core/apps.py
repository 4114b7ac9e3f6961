from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from core import navigation
        from core.roles import SEES_EVERYTHING

        navigation.register(_("Audit trail"), "core:audit", SEES_EVERYTHING, 90)
        # Each app lists its models for the audit trail in <app>/audited.py.
        autodiscover_modules("audited")
