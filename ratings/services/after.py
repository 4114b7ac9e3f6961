"""After the decision: complaints (khiếu nại), reconsiderations (xem xét lại) and their answers,
and the conditions that cap a member's level. A decided level stays in force until a new
decision (number, date, reason) answers a complaint or a reconsideration."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.policy import CHANGE, COMPLAIN, DECIDE
from core.services import actor, check_permission, save_as, stamp
from organisation.models import Person

from .. import rules
from ..models import CapCondition, Complaint, Level, Rating
from .common import (
    Decision,
    check_level,
    check_level_allowed,
    lock_committee_year,
    quota_guard,
    rule_set_of,
    set_level,
)


def _open_step(rating: Rating, kind: str, text: str, user: Any) -> Complaint:
    if not rating.level:
        raise ValidationError({"text": _("Only a decided rating can be complained against.")})
    if not text.strip():
        raise ValidationError({"text": _("Write what the complaint is about.")})
    if rating.complaints.filter(resolved_at__isnull=True).exists():
        raise ValidationError(
            {
                "text": _(
                    "A complaint or reconsideration of this rating is still waiting for its "
                    "answer; the competent level answers it first."
                )
            }
        )
    complaint = Complaint(
        rating=rating,
        kind=kind,
        text=text.strip(),
        previous_level=rating.level,
        lodged_by=actor(user),
    )
    return save_as(complaint, user)


@transaction.atomic
def rating_complain(*, rating: Rating, text: str, user: Any) -> Complaint:
    """A complaint against a decided level. The decision stays in force while it is handled
    (rules.md: a complaint does not suspend the decision)."""
    check_permission(user, COMPLAIN, rating)
    rating = Rating.objects.select_for_update().get(pk=rating.pk)
    return _open_step(rating, Complaint.Kind.COMPLAINT, text, user)


@transaction.atomic
def rating_reconsider(*, rating: Rating, text: str, user: Any) -> Complaint:
    """The office reopens a decision for reconsideration, e.g. when a discipline is found
    after it; the level stays until the committee's new decision."""
    check_permission(user, DECIDE, rating)
    rating = Rating.objects.select_for_update().get(pk=rating.pk)
    return _open_step(rating, Complaint.Kind.RECONSIDERATION, text, user)


@transaction.atomic
def complaint_answer(
    *,
    complaint: Complaint,
    keep: bool,
    reason: str,
    user: Any,
    level: str = "",
    number: str = "",
    date: dt.date | None = None,
) -> Complaint:
    """The competent level's answer: keep the decision, or change it by a new decision with
    its number, date and reason — checked like any decision (caps, score, cell conditions)
    and against the quota again."""
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    rating = complaint.rating
    check_permission(user, DECIDE, rating)
    if not complaint.is_open:
        raise ValidationError(_("This complaint has already been answered."))
    if not reason.strip():
        raise ValidationError({"answer": _("Give the reason of the answer.")})
    if keep:
        complaint.outcome = Complaint.Outcome.KEEP
    else:
        errors = {}
        if not number.strip():
            errors["number"] = _("A new decision needs its number.")
        if date is None:
            errors["date"] = _("A new decision needs its date.")
        elif date > timezone.localdate():
            errors["date"] = _("The decision cannot be dated in the future.")
        if errors:
            raise ValidationError(errors)
        check_level(level)
        if level == rating.level:
            raise ValidationError(
                {"level": _("The new decision must change the level; otherwise keep it.")}
            )
        rule_set = rule_set_of(rating.year)
        lock_committee_year(rating.committee, rating.year)
        check_level_allowed(rating, rule_set, level)
        quota_guard(rating.committee, rating.year, rule_set, [Decision(rating, level)])
        complaint.decision = set_level(
            rating, level, user=user, kind=complaint.kind, number=number, date=date, reason=reason
        )
        complaint.outcome = Complaint.Outcome.CHANGE
    complaint.answer = reason.strip()
    stamp(complaint, user, "answered")
    complaint.resolved_level = rating.level
    complaint.resolved_at = timezone.now()
    return save_as(complaint, user)


# ---- capping conditions ----------------------------------------------------------------


@transaction.atomic
def cap_condition_record(
    *,
    person: Person,
    year: int,
    kind: str,
    source: str,
    user: Any,
    self_fixed: bool = False,
    note: str = "",
) -> CapCondition:
    """Record a condition that caps a member's level for the year. Found after a decision
    above KHTNV, it opens a reconsideration by the office: the decided level stays until the
    committee's new decision (opened by whoever may record the condition, the inspection
    commission included)."""
    condition = CapCondition(
        person=person,
        year=year,
        kind=kind,
        source=source.strip(),
        self_fixed=self_fixed,
        note=note,
        recorded_by=actor(user),
    )
    check_permission(user, CHANGE, condition)
    condition.full_clean()
    rule_set = rule_set_of(year)
    stamp(condition, user, "recorded").save()
    cap = rules.cap_for(
        rule_set,
        [rules.Condition(kind, str(condition.get_kind_display()), condition.source, self_fixed)],
    )
    decided = Rating.objects.filter(person=person, year=year).exclude(level="").first()
    if cap.capped and decided and decided.level != Level.NOT_COMPLETE:
        if not decided.complaints.filter(resolved_at__isnull=True).exists():
            _open_step(
                Rating.objects.select_for_update().get(pk=decided.pk),
                Complaint.Kind.RECONSIDERATION,
                _("Found after the decision: %(condition)s (%(source)s).")
                % {"condition": condition.get_kind_display(), "source": condition.source},
                user,
            )
    return condition


@transaction.atomic
def cap_condition_delete(*, condition: CapCondition, user: Any) -> None:
    check_permission(user, CHANGE, condition)
    # The audit trail's reason, which django-simple-history reads from the instance.
    condition._change_reason = f"deleted by {user}"  # type: ignore[attr-defined]
    condition.delete()
