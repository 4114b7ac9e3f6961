from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.apps import AppPlugins
from core.navigation import NavEntry
from core.roles import SEES_OWN_UNIT, Role


def _has_person(user) -> bool:
    return bool(user.person_id)


class OrganisationConfig(AppPlugins, AppConfig):
    name = "organisation"
    verbose_name = _("Organisation")
    registries = ("sheets",)
    menu = (
        NavEntry(_("Units and people"), "organisation:overview", SEES_OWN_UNIT, 10),
        NavEntry(_("My record"), "organisation:me", (Role.MEMBER,), 15, shown_to=_has_person),
    )
    panels = ("panels.register_panel",)
