from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self) -> None:
        from core import dashboard, navigation
        from core.roles import Role

        from . import panels

        navigation.register(_("News"), "news:manage", (Role.EDITOR, Role.OFFICE), order=90)
        navigation.register(_("Comments"), "news:moderation", (Role.EDITOR, Role.OFFICE), order=91)
        dashboard.register(panels.moderation_panel)
