from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "organisation"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from core import audit, dashboard, navigation
        from core.roles import SEES_OWN_UNIT, Role

        from . import panels, sheets  # noqa: F401 (registers the workbook sheets)
        from .models import MemberEvent, Person, Unit, UnitName

        audit.register(Unit, unit="id")
        audit.register(UnitName, unit="unit")
        audit.register(Person, unit="unit", person="id")
        # Postings are derived from the events; the trail shows the events that made them.
        audit.register(
            MemberEvent,
            unit="from_unit",
            person="person",
            label=lambda row: f"{row.person.full_name} – {row.get_kind_display()}",
            select_related=("person",),
        )
        navigation.register(_("Units and people"), "organisation:overview", SEES_OWN_UNIT, 10)
        navigation.register(
            _("My record"),
            "organisation:me",
            (Role.MEMBER,),
            15,
            shown_to=lambda user: bool(user.person_id),
        )
        dashboard.register(panels.register_panel)
