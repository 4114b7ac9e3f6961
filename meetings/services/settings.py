"""Writes of a committee's meeting settings: rules, codes of conduct, topic deadlines."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.services import model_update, record_actor
from organisation.models import Unit

from .. import policies, reference
from ..models import FocusArea, MeetingRules, TopicDeadline


def _require_office(user: Any, committee: Unit | None) -> None:
    if user is None:
        return
    policy = policies.rules
    if committee is None:
        if not policy.can(user, "change", MeetingRules(committee=None)):
            raise PermissionDenied
    elif not policies.focus_areas.can(user, "change", FocusArea(committee=committee)):
        raise PermissionDenied


@transaction.atomic
def meeting_rules_save(
    *, user: Any, rules: MeetingRules | None = None, **fields: Any
) -> MeetingRules:
    """Create or change a set of meeting rules (in force from its date)."""
    rules = rules or MeetingRules()
    _require_office(user, rules.committee if rules.committee_id else None)
    model_update(rules, fields, save=False)
    _require_office(user, rules.committee if rules.committee_id else None)
    rules.full_clean(validate_constraints=False)
    duplicate = MeetingRules.objects.filter(
        committee=rules.committee, effective_from=rules.effective_from
    ).exclude(pk=rules.pk)
    if duplicate.exists():
        raise ValidationError(
            {"effective_from": _("Another set of rules is already in force from this date.")}
        )
    record_actor(rules, user).save()
    return rules


@transaction.atomic
def meeting_rules_ensure_defaults() -> int:
    """Load the default rules (reference.DEFAULT_RULES) where they are missing."""
    created = 0
    for row in reference.DEFAULT_RULES:
        _, was_created = MeetingRules.objects.get_or_create(
            committee=None,
            effective_from=row["effective_from"],  # type: ignore[misc]  # a date in the table
            defaults=row,
        )
        created += was_created
    return created


def _committee_setting_save(item: Any, user: Any, fields: dict[str, Any]) -> Any:
    """Write `fields` onto a committee's setting, check it, and save it for the office."""
    model_update(item, fields, save=False)
    item.full_clean()
    _require_office(user, item.committee)
    record_actor(item, user).save()
    return item


@transaction.atomic
def focus_area_save(*, user: Any, focus_area: FocusArea | None = None, **fields: Any) -> FocusArea:
    return _committee_setting_save(focus_area or FocusArea(), user, fields)


@transaction.atomic
def topic_deadline_save(
    *, user: Any, topic_deadline: TopicDeadline | None = None, **fields: Any
) -> TopicDeadline:
    """Set the date by which every cell of the committee must have studied a topic."""
    return _committee_setting_save(topic_deadline or TopicDeadline(), user, fields)


@transaction.atomic
def topic_deadline_delete(*, user: Any, topic_deadline: TopicDeadline) -> None:
    _require_office(user, topic_deadline.committee)
    record_actor(topic_deadline, user).delete()
