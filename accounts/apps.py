from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from core import audit

        from .models import RoleAssignment

        audit.register(
            RoleAssignment,
            unit="unit",
            label=lambda row: f"{row.user} – {row.get_role_display()} – {row.unit.name}",
            select_related=("user", "unit"),
        )
