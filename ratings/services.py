"""The only writes of the rating round: self-assessment, the cell's proposal, the committee's
decision, complaints, capping conditions and rule sets. Each is one transaction, validates,
and records who did it and when (plus the audit trail of django-simple-history)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings.models import Meeting
from organisation.models import Person, Unit
from organisation.selectors import committee_of

from . import rules, selectors
from .models import CapCondition, Complaint, Level, Rating, RuleSet

LEVELS = {choice.value for choice in Level}


def _rule_set(year: int) -> RuleSet:
    rule_set = selectors.rule_set_for_year(year)
    if rule_set is None:
        raise ValidationError(_("No rule set covers the year %(year)s.") % {"year": year})
    return rule_set


def _check_level(level: str, field: str = "level") -> None:
    if level not in LEVELS:
        raise ValidationError(
            {
                field: _(
                    "“%(level)s” is not a level; use one of: Hoàn thành xuất sắc nhiệm vụ, "
                    "Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ."
                )
                % {"level": level}
            }
        )


def check_score(rule_set: RuleSet, score: Decimal | None, field: str = "score") -> None:
    """A score only under a rule set that scores, and only from 0 to 100."""
    if score is None:
        return
    if not rule_set.scored:
        raise ValidationError(
            {
                field: _("The rules of %(rules)s do not score on 100 points: leave it blank.")
                % {"rules": rule_set.name}
            }
        )
    if score < 0 or score > 100:
        raise ValidationError({field: _("A score lies between 0 and 100.")})


def _subject_label(rating: Rating) -> str:
    return str(rating.subject)


# ---- opening a rating ------------------------------------------------------------------


def rating_open(
    *,
    year: int,
    person: Person | None = None,
    unit: Unit | None = None,
    committee: Unit | None = None,
) -> Rating:
    """The rating of a member or a unit for a year, created when missing.

    A member can be rated only where he belonged at some time of the year (someone who moved
    out during the year can still be rated); a unit only inside a committee.
    """
    if (person is None) == (unit is None):
        raise ValueError("rate a person or a unit")
    if person is not None:
        existing = Rating.objects.filter(person=person, year=year).first()
        if existing:
            return existing
        cell = selectors.placement_in_year(person, year, committee.path if committee else "")
        if cell is None:
            raise ValidationError(
                _("%(name)s did not belong to the committee at any time in %(year)s.")
                % {"name": person.full_name, "year": year}
            )
        rating = Rating(person=person, year=year, cell=cell, committee=committee_of(cell))
    else:
        existing = Rating.objects.filter(unit=unit, year=year).first()
        if existing:
            return existing
        if unit.kind == Unit.Kind.COMMITTEE:
            raise ValidationError(_("The committee itself is rated by its superior, not here."))
        rating = Rating(unit=unit, year=year, cell=unit, committee=committee_of(unit))
    rating.full_clean()
    rating.save()
    return rating


# ---- 1. self-assessment ----------------------------------------------------------------


@transaction.atomic
def rating_self_assess(
    *,
    person: Person,
    year: int,
    text: str,
    user: Any,
    self_level: str = "",
    score: Decimal | None = None,
    all_tasks_done: bool = False,
    all_tasks_on_time: bool = False,
    beyond_target_percent: Decimal | None = None,
) -> Rating:
    """The member's self-assessment; under a scored rule set the score is required and the
    proposed level follows from it unless he proposes one himself."""
    rule_set = _rule_set(year)
    rating = rating_open(person=person, year=year)
    if rating.level:
        raise ValidationError(_("The committee has already decided this rating."))
    if not text.strip():
        raise ValidationError({"self_text": _("Write the self-assessment.")})
    check_score(rule_set, score, "self_score")
    if rule_set.scored and score is None:
        raise ValidationError({"self_score": _("These rules score on 100 points: give a score.")})
    if self_level:
        _check_level(self_level, "self_level")
    elif rule_set.scored:
        self_level = rules.level_from_score(
            rule_set,
            score,
            all_tasks_done=all_tasks_done,
            all_on_time=all_tasks_on_time,
            beyond_target_percent=beyond_target_percent,
        ).level
    else:
        raise ValidationError({"self_level": _("Propose a level.")})
    rating.self_text = text.strip()
    rating.self_score = score
    rating.self_level = self_level
    rating.all_tasks_done = all_tasks_done
    rating.all_tasks_on_time = all_tasks_on_time
    rating.beyond_target_percent = beyond_target_percent
    rating.self_assessed_by = user
    rating.self_assessed_at = timezone.now()
    rating.full_clean()
    rating.save()
    return rating


# ---- 2. the cell's proposal ------------------------------------------------------------


def _check_meeting(meeting: Meeting | None, cell: Unit, year: int) -> None:
    if meeting is None:
        raise ValidationError({"meeting": _("Choose the cell meeting that reviewed the ratings.")})
    if meeting.unit_id != cell.pk or meeting.date.year not in (year, year + 1):
        raise ValidationError(
            {
                "meeting": _(
                    "The meeting must be one of this cell's, "
                    "held in %(year)s or early the next year."
                )
                % {"year": year}
            }
        )


def _check_cap(rating: Rating, rule_set: RuleSet, level: str) -> None:
    if rating.person_id is None:
        return
    cap = selectors.cap_of(rating.person, rating.year, rule_set)
    if rules.exceeds_cap(level, cap):
        raise ValidationError({"level": f"{_subject_label(rating)}: {rules.cap_message(cap)}"})


@transaction.atomic
def ratings_propose(
    *,
    cell: Unit,
    year: int,
    meeting: Meeting | None,
    proposals: Sequence[tuple[Person | Unit, str, str]],
    user: Any,
) -> list[Rating]:
    """The cell's review at its meeting: a proposed level (and remarks) for each member, and
    for the cell itself. Members must have self-assessed first where the rules require it."""
    rule_set = _rule_set(year)
    _check_meeting(meeting, cell, year)
    now = timezone.now()
    saved = []
    for subject, level, note in proposals:
        if not level:
            continue
        _check_level(level)
        if isinstance(subject, Unit):
            rating = rating_open(unit=subject, year=year)
        else:
            rating = rating_open(person=subject, year=year)
            if rating.cell_id != cell.pk:
                raise ValidationError(
                    _("%(name)s is not a member of this cell in %(year)s.")
                    % {"name": subject.full_name, "year": year}
                )
            if rule_set.self_assessment_required and not rating.self_assessed_at:
                raise ValidationError(
                    _("%(name)s has not self-assessed yet; the cell reviews after him.")
                    % {"name": subject.full_name}
                )
        if rating.level:
            continue  # already decided; a complaint reopens it first
        _check_cap(rating, rule_set, level)
        if (
            rating.proposed_level == level
            and rating.proposal_meeting_id == meeting.pk
            and rating.proposal_note == note
        ):
            saved.append(rating)
            continue
        rating.proposed_level = level
        rating.proposal_meeting = meeting
        rating.proposal_note = note
        rating.proposed_by = user
        rating.proposed_at = now
        rating.full_clean()
        rating.save()
        saved.append(rating)
    return saved


# ---- 3. the committee's decision -------------------------------------------------------


@dataclass
class Decision:
    rating: Rating
    level: str
    score: Decimal | None = None
    note: str | None = None


def _quota_guard(
    committee: Unit, year: int, rule_set: RuleSet, decisions: Sequence[Decision]
) -> None:
    """Refuse decisions that would break the quota, saying the limit and the counts."""
    for persons in (True, False):
        relevant = [d for d in decisions if (d.rating.person_id is not None) == persons]
        if not relevant:
            continue
        before = selectors.decided_counts(committee, year, persons=persons)
        after = dict(before)
        for decision in relevant:
            old = decision.rating.level
            if old:
                after[old] = after.get(old, 0) - 1
            after[decision.level] = after.get(decision.level, 0) + 1
        check_before = rules.quota_check(rule_set, before)
        check_after = rules.quota_check(rule_set, after)
        if rules.quota_worsens(check_before, check_after):
            prefix = _("Members") if persons else _("Party organisations")
            message = rules.quota_message(rule_set, check_after, check_before)
            raise ValidationError({"level": f"{prefix}, {year}: {message}"})


@transaction.atomic
def ratings_decide(
    *, decisions: Sequence[Decision], user: Any, imported: bool = False
) -> list[Rating]:
    """The committee's decisions for one committee and year, checked together: the order of
    the round (unless imported history), the caps, then the quota on the resulting counts."""
    if not decisions:
        return []
    ratings = [decision.rating for decision in decisions]
    years = {rating.year for rating in ratings}
    committees = {rating.committee_id for rating in ratings}
    if len(years) != 1 or len(committees) != 1:
        raise ValueError("decide one committee and year at a time")
    year = years.pop()
    committee = ratings[0].committee
    rule_set = _rule_set(year)
    # Lock the committee's ratings of the year so two offices deciding at once cannot both
    # pass the quota check.
    list(Rating.objects.select_for_update().filter(committee=committee, year=year).values("pk"))
    changed = []
    for decision in decisions:
        rating = decision.rating
        _check_level(decision.level)
        if decision.score is not None:
            check_score(rule_set, decision.score)
        if not imported and rule_set.self_assessment_required:
            if rating.person_id and not rating.self_assessed_at:
                raise ValidationError(
                    {
                        "level": _(
                            "%(name)s has not self-assessed: "
                            "the committee decides after the self-assessment and the cell's review."
                        )
                        % {"name": _subject_label(rating)}
                    }
                )
            if not rating.proposed_at:
                raise ValidationError(
                    {
                        "level": _(
                            "The cell has not reviewed %(name)s yet: "
                            "the committee decides after the cell's proposal."
                        )
                        % {"name": _subject_label(rating)}
                    }
                )
        _check_cap(rating, rule_set, decision.level)
        same = (
            rating.level == decision.level
            and (decision.score is None or rating.score == decision.score)
            and (decision.note is None or rating.note == decision.note)
        )
        if not same:
            changed.append(decision)
    if not changed:
        return []
    _quota_guard(committee, year, rule_set, changed)
    now = timezone.now()
    saved = []
    for decision in changed:
        rating = decision.rating
        rating.level = decision.level
        if decision.score is not None or imported:
            rating.score = decision.score
        if decision.note is not None:
            rating.note = decision.note
        rating.decided_by = user
        rating.decided_at = now
        rating.imported = imported
        rating.full_clean()
        rating.save()
        rating.complaints.filter(resolved_at__isnull=True).update(
            resolved_level=decision.level, resolved_at=now
        )
        saved.append(rating)
    return saved


def rating_decide(
    *, rating: Rating, level: str, user: Any, score: Decimal | None = None, note: str | None = None
) -> Rating:
    """One decision (the same checks as a list of them)."""
    ratings_decide(decisions=[Decision(rating, level, score, note)], user=user)
    rating.refresh_from_db()
    return rating


def accept_proposals(*, committee: Unit, year: int, user: Any, cell_code: str = "") -> list[Rating]:
    """Decide every undecided rating that has a cell's proposal at the proposed level, for one
    cell or for all; one batch through `ratings_decide`, so the order of the round, the caps
    and the quota are checked as for any decision (all or nothing)."""
    pending = Rating.objects.filter(
        committee=committee, year=year, level="", proposed_at__isnull=False
    ).exclude(proposed_level="")
    if cell_code:  # one cell, by its code as the decision page filters
        pending = pending.filter(cell__code=cell_code)
    decisions = [
        Decision(rating, rating.proposed_level)
        for rating in pending.select_related("person", "unit", "committee").order_by("pk")
    ]
    return ratings_decide(decisions=decisions, user=user)


# ---- 4. complaints ---------------------------------------------------------------------


@transaction.atomic
def rating_complain(*, rating: Rating, text: str, user: Any) -> Complaint:
    """A complaint reopens a decided rating: the level is cleared until decided again."""
    if not rating.level:
        raise ValidationError({"text": _("Only a decided rating can be complained against.")})
    if not text.strip():
        raise ValidationError({"text": _("Write what the complaint is about.")})
    complaint = Complaint(
        rating=rating, text=text.strip(), previous_level=rating.level, lodged_by=user
    )
    complaint.full_clean()
    complaint.save()
    rating.level = ""
    rating.decided_by = None
    rating.decided_at = None
    rating.save()
    return complaint


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
    """Record a condition that caps a member's level for the year. A decided rating above
    KHTNV for that year must be reopened (complaint) before the condition can be recorded."""
    condition = CapCondition(
        person=person,
        year=year,
        kind=kind,
        source=source.strip(),
        self_fixed=self_fixed,
        note=note,
        recorded_by=user,
    )
    condition.full_clean()
    rule_set = _rule_set(year)
    if not (self_fixed and rule_set.self_fixed_exempt):
        decided = Rating.objects.filter(person=person, year=year).exclude(level="").first()
        if decided and decided.level != Level.NOT_COMPLETE:
            raise ValidationError(
                _(
                    "%(name)s is already rated “%(level)s” for %(year)s: "
                    "reopen that decision with a complaint first."
                )
                % {"name": person.full_name, "level": decided.get_level_display(), "year": year}
            )
    condition.save()
    return condition


@transaction.atomic
def cap_condition_delete(*, condition: CapCondition, user: Any) -> None:
    condition._change_reason = f"deleted by {user}"
    condition.delete()


# ---- rule sets -------------------------------------------------------------------------


@transaction.atomic
def rule_set_save(*, rule_set: RuleSet, user: Any) -> RuleSet:
    """Add or edit a rule set. One that decided ratings were judged by cannot change, and an
    edit may not move a decided year to other rules; the years of rule sets may not overlap."""
    sets = list(RuleSet.objects.select_for_update().order_by("first_year"))
    others = [existing for existing in sets if existing.pk != rule_set.pk]
    if rule_set.pk and rule_set.pk in selectors.rule_sets_in_use(sets):
        raise ValidationError(
            _(
                "This rule set has been used for decided ratings "
                "and can no longer be changed; add a new one instead."
            )
        )
    if rule_set.last_year is not None and rule_set.last_year < rule_set.first_year:
        raise ValidationError({"last_year": _("The last year comes after the first.")})
    for other in others:
        end = other.last_year if other.last_year is not None else 9999
        mine_end = rule_set.last_year if rule_set.last_year is not None else 9999
        if rule_set.first_year <= end and other.first_year <= mine_end:
            raise ValidationError(
                {
                    "first_year": _("The years overlap those of “%(other)s” (%(years)s).")
                    % {"other": other.name, "years": other.years_label}
                }
            )
    if rule_set.scored:
        thresholds = [
            rule_set.excellent_min_score,
            rule_set.good_min_score,
            rule_set.complete_min_score,
        ]
        if any(value is None for value in thresholds):
            raise ValidationError(
                {"excellent_min_score": _("A scored rule set needs the three lowest scores.")}
            )
        if not (thresholds[0] > thresholds[1] > thresholds[2]):
            raise ValidationError(
                {
                    "excellent_min_score": _(
                        "The lowest scores must go down from excellent to completed."
                    )
                }
            )
    used_before = {
        year: selectors.rule_set_for_year(year, sets).pk for year in selectors.decided_years()
    }
    after = [*others, rule_set]
    for year, pk in used_before.items():
        mapped = rules.rule_set_for(year, after)
        if mapped is None or (mapped.pk != pk):
            raise ValidationError(
                {
                    "first_year": _(
                        "These years would judge %(year)s, already decided, by other rules."
                    )
                    % {"year": year}
                }
            )
    rule_set.full_clean()
    rule_set._history_user = user
    rule_set.save()
    return rule_set
