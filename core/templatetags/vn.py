"""Template filters for Vietnamese dates, numbers and percentages; loaded as builtins."""

from django import template

from core import vn

register = template.Library()


@register.filter
def vndate(value):
    return vn.format_date(value)


@register.filter
def vnnumber(value, decimals=0):
    try:
        return vn.format_number(value, int(decimals))
    except (TypeError, ValueError):
        return value


@register.filter
def vnpercent(value):
    try:
        return vn.format_percent(value)
    except (TypeError, ValueError):
        return value


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs):
    """The current query string with some parameters replaced; keeps filters across pages."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.filter
def vnisodate(value):
    """A date kept as ISO text (report snapshots, JSON) shown as dd/mm/yyyy."""
    import datetime as dt

    try:
        return vn.format_date(dt.date.fromisoformat(str(value)))
    except ValueError:
        return value or ""


@register.filter
def page_numbers(page_obj):
    """The page numbers to link, with "…" where a run is left out (1 2 … 7 8 9 … 108)."""
    paginator = page_obj.paginator
    return paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.inclusion_tag("includes/history.html", takes_context=True)
def record_history(context, obj, limit=20):
    """A record's own change history, for those who may read the audit trail."""
    from core import audit
    from core.policy import has_role
    from core.roles import SEES_EVERYTHING

    request = context.get("request")
    user = getattr(request, "user", None)
    if obj is None or not has_role(user, *SEES_EVERYTHING):
        return {"items": None}
    return {"items": audit.object_history(obj, limit), "limit": limit}
