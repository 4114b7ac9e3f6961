from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Activities")

    def ready(self) -> None:
        from core import navigation
        from core.roles import SEES_OWN_UNIT

        from . import demo, sheets  # noqa: F401 (registries)

        navigation.register(_("Mass organisations"), "activities:activity_list", SEES_OWN_UNIT, 45)
