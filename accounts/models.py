"""Users and the roles they hold on units."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.fields import link
from core.models import TrackedModel, unique
from core.roles import Role


class User(AbstractUser):
    person = models.OneToOneField(
        "organisation.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
        help_text=_("The party member or staff this account belongs to."),
    )
    # Who was given an account, rights or a person; never the password hash.
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class RoleAssignment(TrackedModel):
    """A role held on a unit; it reaches the unit's subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    unit = link("organisation.Unit", _("unit"), models.CASCADE, related_name="role_assignments")

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [unique("user", "role", "unit", name="unique_role_on_unit")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"
