from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.apps import AppPlugins
from core.navigation import NavEntry
from core.roles import SEES_OWN_UNIT


class DocumentsConfig(AppPlugins, AppConfig):
    name = "documents"
    verbose_name = _("Documents")
    registries = ("delivery_sheet", "sheets")
    menu = (NavEntry(_("Documents"), "documents:list", SEES_OWN_UNIT, 20),)
