"""The round of a year: opening a rating, the self-assessment, the cell's review at its
meeting, and the committee's decisions. Each is one transaction, validates, and records who
did it and when (plus the audit trail of django-simple-history)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.policy import DECIDE, PROPOSE, SELF_ASSESS
from core.services import check_permission, save_as, stamp
from meetings.models import Meeting
from meetings.quorum import meeting_quorum_problem
from organisation.models import Person, Unit
from organisation.selectors import committee_of

from .. import conditions, rules, selectors
from ..models import Rating, RatingDecision, RuleSet
from .common import (
    Decision,
    check_cap,
    check_level,
    check_level_allowed,
    check_score,
    lock_committee_year,
    quota_guard,
    rule_set_of,
    set_level,
    subject_label,
)

# ---- opening a rating ------------------------------------------------------------------


def check_rateable(unit: Unit) -> None:
    if unit.kind == Unit.Kind.COMMITTEE:
        raise ValidationError(_("The committee itself is rated by its superior, not here."))


def rating_open(
    *,
    year: int,
    person: Person | None = None,
    unit: Unit | None = None,
    committee: Unit | None = None,
    imported: bool = False,
) -> Rating:
    """The rating of a member or a unit for a year, created when missing.

    A member is rated by the cell he is in on the year's roll date, if he is active on the
    roll that day (interchange.md, "History"); a unit only inside a committee. Imported
    history (`imported`) may rate a member who belonged at any time of the year: one who
    moved out in June still carries that year's rating.
    """
    if (person is None) == (unit is None):
        raise ValueError("rate a person or a unit")
    if person is not None:
        existing = Rating.objects.filter(person=person, year=year).first()
        if existing:
            return existing
        prefix = committee.path if committee else ""
        if imported:
            cell = selectors.placements_during_year({person.pk}, year, prefix).get(person.pk)
            if cell is None:
                raise ValidationError(
                    _("%(name)s was not a party member of the committee at any time in %(year)s.")
                    % {"name": person.code, "year": year}
                )
        else:
            cell = selectors.placement_in_year(person, year, prefix)
        if cell is None:
            raise ValidationError(
                _("%(name)s is not an active member of the committee at the end of %(year)s.")
                % {"name": person.full_name, "year": year}
            )
        rating = Rating(person=person, year=year, cell=cell, committee=committee_of(cell))
    else:
        assert unit is not None  # a person or a unit, checked above
        existing = Rating.objects.filter(unit=unit, year=year).first()
        if existing:
            return existing
        check_rateable(unit)
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
    shortcomings_fixed: bool = False,
) -> Rating:
    """The member's self-assessment; under a scored rule set the score is required and the
    proposed level follows from it unless he proposes one himself."""
    check_permission(user, SELF_ASSESS, Rating(person=person, year=year))
    rule_set = rule_set_of(year)
    rating = rating_open(person=person, year=year)
    if rating.level:
        raise ValidationError(_("The committee has already decided this rating."))
    if not text.strip():
        raise ValidationError({"self_text": _("Write the self-assessment.")})
    check_score(rule_set, score, "self_score")
    if rule_set.scored and score is None:
        raise ValidationError({"self_score": _("These rules score on 100 points: give a score.")})
    if self_level:
        check_level(self_level, "self_level")
    elif rule_set.scored and score is not None:  # a scored rule set requires it (above)
        self_level = rules.level_from_score(
            rule_set,
            score,
            all_tasks_done=all_tasks_done,
            all_on_time=all_tasks_on_time,
            beyond_target_percent=beyond_target_percent,
            shortcomings_fixed=shortcomings_fixed,
        ).level
    else:
        raise ValidationError({"self_level": _("Propose a level.")})
    rating.self_text = text.strip()
    rating.self_score = score
    rating.self_level = self_level
    rating.all_tasks_done = all_tasks_done
    rating.all_tasks_on_time = all_tasks_on_time
    rating.beyond_target_percent = beyond_target_percent
    rating.shortcomings_fixed = shortcomings_fixed
    return save_as(stamp(rating, user, "self_assessed"), user)


# ---- 2. the cell's proposal ------------------------------------------------------------


def _check_meeting(meeting: Meeting | None, cell: Unit, year: int, rule_set: RuleSet) -> None:
    """The review needs a held meeting of this cell, in the rating window, not in the future,
    with its attendance taken and a quorum present (the meeting settings of its date)."""
    if meeting is None:
        raise ValidationError({"meeting": _("Choose the cell meeting that reviewed the ratings.")})
    if meeting.unit_id != cell.pk:
        raise ValidationError({"meeting": _("The meeting must be one of this cell's.")})
    first, last = conditions.review_window(rule_set, year)
    if not (first <= meeting.date <= last):
        raise ValidationError(
            {
                "meeting": rules.refusal(
                    rule_set,
                    "review_window",
                    _("The review meeting must be held between %(first)s and %(last)s.")
                    % {"first": f"{first:%d/%m/%Y}", "last": f"{last:%d/%m/%Y}"},
                )
            }
        )
    problem = meeting_quorum_problem(meeting)
    if problem:
        raise ValidationError({"meeting": problem})


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
    check_permission(user, PROPOSE, Rating(cell=cell, year=year))
    rule_set = rule_set_of(year)
    _check_meeting(meeting, cell, year, rule_set)
    assert meeting is not None  # _check_meeting refuses a missing one
    now = timezone.now()
    saved = []
    for subject, level, note in proposals:
        if not level:
            continue
        check_level(level)
        if isinstance(subject, Unit):
            rating = rating_open(unit=subject, year=year)
        else:
            rating = rating_open(person=subject, year=year)
            placed = selectors.placement_in_year(subject, year)
            if placed is not None and rating.cell_id != placed.pk:
                # He moved after the rating was opened: the cell he is in now reviews him.
                rating.cell = placed
                rating.save(update_fields=["cell"])
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
        check_cap(rating, rule_set, level)
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
        save_as(stamp(rating, user, "proposed", when=now), user)
        saved.append(rating)
    return saved


# ---- 3. the committee's decision -------------------------------------------------------


@transaction.atomic
def ratings_decide(
    *, decisions: Sequence[Decision], user: Any, imported: bool = False
) -> list[Rating]:
    """The committee's decisions for one committee and year, checked together: the order of
    the round (unless imported history), the caps, then the quota on the resulting counts.
    The user must be allowed to decide for the committee (one committee: one answer)."""
    if decisions:
        rating = decisions[0].rating
        check_permission(user, DECIDE, Rating(committee=rating.committee, year=rating.year))
    return _decide(decisions, user=user, imported=imported)


def ratings_decide_imported(*, decisions: Sequence[Decision], user: Any) -> list[Rating]:
    """`ratings_decide` of imported history: the workbook checked the importer's rights and
    scope (`workbook.scope`) before its rows reach here."""
    return _decide(decisions, user=user, imported=True)


@transaction.atomic
def _decide(decisions: Sequence[Decision], *, user: Any, imported: bool) -> list[Rating]:
    if not decisions:
        return []
    ratings = [decision.rating for decision in decisions]
    years = {rating.year for rating in ratings}
    committees = {rating.committee_id for rating in ratings}
    if len(years) != 1 or len(committees) != 1:
        raise ValueError("decide one committee and year at a time")
    year = years.pop()
    committee = ratings[0].committee
    rule_set = rule_set_of(year)
    lock_committee_year(committee, year)
    # Members first: a cell is judged on its members' decided levels, these ones included.
    saved = []
    for persons in (True, False):
        group = [d for d in decisions if (d.rating.person_id is not None) == persons]
        saved += _decide_group(group, rule_set, committee, year, user=user, imported=imported)
    return saved


def check_decision(decision: Decision, rule_set: RuleSet, *, imported: bool) -> bool:
    """Whether one decision may stand (raises the reason if not) and changes the rating:
    the level, the score, the order of the round (unless imported history), the caps."""
    rating = decision.rating
    check_level(decision.level)
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
                    % {"name": subject_label(rating)}
                }
            )
        if not rating.proposed_at:
            raise ValidationError(
                {
                    "level": _(
                        "The cell has not reviewed %(name)s yet: "
                        "the committee decides after the cell's proposal."
                    )
                    % {"name": subject_label(rating)}
                }
            )
    if rating.level and rating.level != decision.level and not imported:
        raise ValidationError(
            {
                "level": _(
                    "%(name)s is already decided “%(level)s”: the level changes only by a "
                    "new decision answering a complaint or a reconsideration."
                )
                % {"name": subject_label(rating), "level": rating.get_level_display()}
            }
        )
    if not imported:
        check_level_allowed(rating, rule_set, decision.level, decision.score)
    else:
        check_cap(rating, rule_set, decision.level)
    # Imported history states the score completely: a blank cell clears it.
    score_same = rating.score == decision.score or (decision.score is None and not imported)
    same = (
        rating.level == decision.level
        and score_same
        and (decision.note is None or rating.note == decision.note)
    )
    return not same


def _decide_group(
    decisions: Sequence[Decision],
    rule_set: RuleSet,
    committee: Unit,
    year: int,
    *,
    user: Any,
    imported: bool,
) -> list[Rating]:
    changed = [d for d in decisions if check_decision(d, rule_set, imported=imported)]
    if not changed:
        return []
    quota_guard(committee, year, rule_set, changed)
    saved = []
    for decision in changed:
        rating = decision.rating
        if decision.score is not None or imported:
            rating.score = decision.score
        if decision.note is not None:
            rating.note = decision.note
        rating.imported = imported
        if rating.level != decision.level:
            kind = RatingDecision.Kind.IMPORTED if imported else RatingDecision.Kind.ROUND
            set_level(rating, decision.level, user=user, kind=kind)
        else:
            rating.full_clean()
            rating.save()
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
    check_permission(user, DECIDE, Rating(committee=committee, year=year))
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
