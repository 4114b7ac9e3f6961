from importlib import import_module

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules, import_string
from django.utils.translation import gettext_lazy as _

from core.navigation import NavEntry
from core.roles import SEES_EVERYTHING


class AppPlugins:
    """What an app adds to core's registries, declared on its AppConfig (put this first:
    `class PlansConfig(AppPlugins, AppConfig)`) instead of written out in `ready()`:

    - `registries`: its modules that register themselves when imported (workbook sheets, demo
      builders, exporters, printed documents), imported in this order;
    - `menu`: its entries of the main menu (`core.navigation`);
    - `panels`: its home-page panels (`core.dashboard`), as "module.function" in the app.

    Its models' entries on the audit trail are in `<app>/audited.py`, which core finds.
    """

    name: str
    registries: tuple[str, ...] = ()
    menu: tuple[NavEntry, ...] = ()
    panels: tuple[str, ...] = ()

    def ready(self) -> None:
        from core import dashboard, navigation

        for module in self.registries:
            import_module(f"{self.name}.{module}")
        for entry in self.menu:
            navigation.register(
                entry.label, entry.url_name, entry.roles, entry.order, entry.shown_to
            )
        for panel in self.panels:
            dashboard.register(import_string(f"{self.name}.{panel}"))


class CoreConfig(AppPlugins, AppConfig):
    name = "core"
    verbose_name = _("Core")
    menu = (NavEntry(_("Audit trail"), "core:audit", SEES_EVERYTHING, 90),)

    def ready(self) -> None:
        super().ready()
        # Each app lists its models for the audit trail in <app>/audited.py.
        autodiscover_modules("audited")
