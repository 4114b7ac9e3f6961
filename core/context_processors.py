from django.urls import NoReverseMatch, reverse

from core import navigation as navigation_module
from core.policy import has_role


def navigation(request):
    """The menu entries the signed-in user may open."""
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {"nav_entries": []}
    items = []
    for entry in navigation_module.entries():
        if entry.roles and not has_role(user, *entry.roles):
            continue
        if entry.shown_to and not entry.shown_to(user):
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        items.append(
            {
                "label": entry.label,
                "url": url,
                "active": request.path.startswith(url) and url != "/",
            }
        )
    return {"nav_entries": items}
