"""Writes of a committee's meeting settings: rules, codes of conduct, topic deadlines."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.actors import acting
from core.policy import CHANGE, policy_for
from core.services import model_update, record_actor

from .. import reference
from ..models import FocusArea, MeetingRules, TopicDeadline


def _require_change(user: Any, setting: MeetingRules | FocusArea | TopicDeadline) -> None:
    """The office of the setting's committee; any office for the default rules."""
    policy_for(setting).check(acting(user), CHANGE, setting)


@transaction.atomic
def meeting_rules_save(
    *, user: Any, rules: MeetingRules | None = None, **fields: Any
) -> MeetingRules:
    """Create or change a set of meeting rules (in force from its date)."""
    rules = rules or MeetingRules()
    _require_change(user, rules)
    model_update(rules, fields, save=False)
    _require_change(user, rules)
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
def meeting_rules_ensure_defaults(*, user: Any) -> int:
    """Load the default rules (reference.DEFAULT_RULES) where they are missing; changing the
    defaults is any office's right (the demo and commands pass `core.actors.SYSTEM`)."""
    _require_change(user, MeetingRules(committee=None))
    created = 0
    for row in reference.DEFAULT_RULES:
        _, was_created = MeetingRules.objects.get_or_create(
            committee=None,
            effective_from=row["effective_from"],  # type: ignore[misc]  # a date in the table
            defaults=row,
        )
        created += was_created
    return created


Setting = TypeVar("Setting", FocusArea, TopicDeadline)


def _committee_setting_save(item: Setting, user: Any, fields: dict[str, Any]) -> Setting:
    """Write `fields` onto a committee's setting, check it, and save it for the office."""
    model_update(item, fields, save=False)
    item.full_clean()
    _require_change(user, item)
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
    _require_change(user, topic_deadline)
    record_actor(topic_deadline, user).delete()
