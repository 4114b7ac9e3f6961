from django import template

from core.policy import VIEW
from inspections import policies

register = template.Library()


@register.simple_tag(takes_context=True)
def can_see_plans(context) -> bool:
    return policies.plans.can(context["request"].user, VIEW)
