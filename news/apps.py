from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = pgettext_lazy("news", "News")

    def ready(self) -> None:
        from core import dashboard, navigation
        from core.roles import Role

        from . import panels

        navigation.register(
            pgettext_lazy("news", "News"), "news:manage", (Role.EDITOR, Role.OFFICE), order=90
        )
        navigation.register(
            pgettext_lazy("news", "Comments"),
            "news:moderation",
            (Role.EDITOR, Role.OFFICE),
            order=91,
        )
        dashboard.register(panels.moderation_panel)
