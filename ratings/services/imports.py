"""Decided ratings of past years from a workbook: the same opening and decision services as
the round, with `imported=True` where history legitimately differs (no self-assessment or
cell proposal; a member who belonged at any time of the year may be rated). Every refusal
is returned with the caller's key, so a sheet reports it on its row."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from organisation.models import Person, Unit

from .common import Decision, check_score, quota_guard, rule_set_of
from .round import check_decision, check_rateable, rating_open, ratings_decide_imported


@dataclass
class ImportedRating:
    key: Hashable  # the caller's reference, e.g. a workbook row
    year: int
    level: str
    score: Decimal | None
    note: str
    person: Person | None = None
    unit: Unit | None = None


def rating_import_check(*, year: int, score: Decimal | None, unit: Unit | None = None) -> None:
    """What can be refused before the subject's history is written: a year no rule set
    covers, a score the year's rules do not give, the committee rating itself."""
    try:
        rule_set = rule_set_of(year)
    except ValidationError as error:
        raise ValidationError({"year": error.messages}) from None
    check_score(rule_set, score)
    if unit is not None:
        check_rateable(unit)


def ratings_import(
    *, rows: Sequence[ImportedRating], user: Any
) -> list[tuple[Hashable, ValidationError]]:
    """Open and decide every row, committee and year at a time (the quota counts them
    together), or write nothing and return each refusal with its row's key."""
    errors: list[tuple[Hashable, ValidationError]] = []
    groups: dict[tuple[int | None, int], list[tuple[Hashable, Decision]]] = defaultdict(list)
    for row in rows:
        try:
            rating_import_check(year=row.year, score=row.score, unit=row.unit)
            rating = rating_open(year=row.year, person=row.person, unit=row.unit, imported=True)
            decision = Decision(rating, row.level, row.score, row.note)
            if check_decision(decision, rule_set_of(row.year), imported=True):
                groups[(rating.committee_id, row.year)].append((row.key, decision))
        except ValidationError as error:
            errors.append((row.key, error))
    for (_committee, year), entries in groups.items():
        try:
            committee = entries[0][1].rating.committee
            assert committee is not None  # rating_open places every rating in a committee
            quota_guard(
                committee,
                year,
                rule_set_of(year),
                [decision for _key, decision in entries],
            )
        except ValidationError as error:
            errors.append((entries[0][0], error))
    if errors:
        return errors
    for entries in groups.values():
        ratings_decide_imported(decisions=[decision for _key, decision in entries], user=user)
    return []
