from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PledgesConfig(AppConfig):
    name = "pledges"
    verbose_name = _("Pledges")

    def ready(self) -> None:
        from core import navigation

        from . import demo, documents, plan_sheets, sheets  # noqa: F401 (registries)

        navigation.register(_("Pledges"), "pledges:mine", (), order=40)
