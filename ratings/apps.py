from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RatingsConfig(AppConfig):
    name = "ratings"
    verbose_name = _("Ratings")

    def ready(self) -> None:
        from core import navigation
        from core.roles import Role

        from . import demo, documents, sheets  # noqa: F401  (registries)

        navigation.register(
            _("Ratings"),
            "ratings:index",
            (Role.OFFICE, Role.INSPECTION, Role.SECRETARY, Role.MEMBER),
            order=50,
        )
