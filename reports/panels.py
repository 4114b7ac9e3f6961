"""The dashboard panel: the latest reports, for the people who see them."""

from django.utils.translation import gettext as _

from core.dashboard import Panel
from core.policy import has_role
from core.roles import Role

from .policies import reviews


def reports_panel(request):
    user = request.user
    if not has_role(user, Role.OFFICE, Role.INSPECTION):
        return None
    latest = list(reviews.queryset_for(user)[:5])
    return Panel(_("Review reports"), "reports/panel.html", {"reviews": latest}, order=30)
