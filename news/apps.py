from django.apps import AppConfig
from django.utils.translation import pgettext_lazy

from core.apps import AppPlugins
from core.navigation import NavEntry
from core.roles import Role

EDITORS = (Role.EDITOR, Role.OFFICE)


class NewsConfig(AppPlugins, AppConfig):
    name = "news"
    verbose_name = pgettext_lazy("news", "News")
    menu = (
        NavEntry(pgettext_lazy("news", "News"), "news:manage", EDITORS, 90),
        NavEntry(pgettext_lazy("news", "Comments"), "news:moderation", EDITORS, 91),
    )
    panels = ("panels.moderation_panel",)
