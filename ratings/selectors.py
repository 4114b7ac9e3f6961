"""Reads and figures of the rating round. Every function runs a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, cast

from django.db import connection
from django.db.models import Count, F, Q, QuerySet

from core.policy import role_paths, scope_q
from core.roles import Role
from core.search import search
from organisation import membership
from organisation.models import Person, Posting, Unit
from pledges.models import PersonalPlan, Pledge

from . import rules
from .models import CapCondition, Rating, RuleSet
from .policies import ratings as rating_policy


def caps_list(user: Any, text: str | None = None) -> QuerySet[CapCondition]:
    """The conditions capping a member's level that the user may see, searched by name."""
    from .policies import caps

    queryset = caps.queryset_for(user).select_related("person", "recorded_by")
    return search(queryset, text, "person__search_key")


def roll_date(year: int) -> dt.date:
    return dt.date(year, 12, 31)


# ---- rule sets -------------------------------------------------------------------------


def rule_sets() -> list[RuleSet]:
    sets = list(RuleSet.objects.order_by("first_year"))
    if not sets:
        # An emptied database (load_demo --reset flushes tables): the national rules return.
        from .reference import rule_sets_ensure

        rule_sets_ensure()
        sets = list(RuleSet.objects.order_by("first_year"))
    return sets


def rule_set_for_year(year: int, sets: list[RuleSet] | None = None) -> RuleSet | None:
    return rules.rule_set_for(year, sets if sets is not None else rule_sets())


def decided_years() -> set[int]:
    """Years that have at least one decided rating.

    A loose index scan: the smallest decided year, then the smallest after it, and so on, each
    one probe of the partial index `rating_decided_year`; `SELECT DISTINCT year` read every
    rating of the province (750 ms at 500k people, docs/performance.md)."""
    table = connection.ops.quote_name(Rating._meta.db_table)
    decided = f"SELECT MIN(year) FROM {table} WHERE NOT (level = '')"
    sql = (
        f"WITH RECURSIVE decided(year) AS ({decided} UNION ALL "
        f"SELECT ({decided} AND year > decided.year) FROM decided WHERE decided.year IS NOT NULL) "
        "SELECT year FROM decided WHERE year IS NOT NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {year for (year,) in cursor.fetchall()}


def rule_sets_in_use(sets: list[RuleSet] | None = None) -> set[int]:
    """Primary keys of the rule sets that decided ratings were judged by."""
    sets = sets if sets is not None else rule_sets()
    used = set()
    for year in decided_years():
        rule_set = rules.rule_set_for(year, sets)
        if rule_set is not None:
            used.add(rule_set.pk)
    return used


# ---- where a subject sat in a year -----------------------------------------------------


def placements_in_year(person_ids: set[int], year: int, prefix: str = "") -> dict[int, Unit]:
    """The cell each member is rated by: his cell on the year's roll date, for members
    active on the roll that day (exempted and suspended members are not rated)."""
    day = roll_date(year)
    postings = (
        membership.periods_on(day, prefix, active=True)
        .filter(
            person_id__in=person_ids,
            person__party_joined_on__isnull=False,
            person__party_joined_on__lte=day,
        )
        .select_related("unit")
    )
    return {posting.person_id: posting.unit for posting in postings}


def placements_during_year(person_ids: set[int], year: int, prefix: str = "") -> dict[int, Unit]:
    """For imported history: the last cell each person sat in as a party member at any time
    of `year` (a member who moved out in June may carry a rating of that year); the report
    still counts only the members active on the roll date."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    postings = (
        Posting.objects.filter(
            Q(start__isnull=True) | Q(start__lte=last),
            Q(end__isnull=True) | Q(end__gt=first),
            unit__path__startswith=prefix,
            person_id__in=person_ids,
            person__party_joined_on__isnull=False,
            person__party_joined_on__lte=last,
        )
        .exclude(end__lte=F("person__party_joined_on"))
        .select_related("unit")
        .order_by("person_id", F("start").asc(nulls_first=True), "pk")
    )
    return {posting.person_id: posting.unit for posting in postings}  # the latest wins


def placement_in_year(person: Person, year: int, prefix: str = "") -> Unit | None:
    """`placements_in_year` for one member; None when he cannot be rated here that year."""
    return placements_in_year({person.pk}, year, prefix).get(person.pk)


def committee_for(unit: Unit, committees: list[Unit] | None = None) -> Unit | None:
    """The grassroots committee above (or at) `unit`, from a list loaded once."""
    from organisation.selectors import committee_of

    if committees is None:
        return committee_of(unit)
    best = None
    for committee in committees:
        if unit.path.startswith(committee.path) and (best is None or committee.depth > best.depth):
            best = committee
    return best


# ---- caps ------------------------------------------------------------------------------


def conditions_for(person_ids: set[int], year: int) -> dict[int, list[rules.Condition]]:
    found: dict[int, list[rules.Condition]] = defaultdict(list)
    for cap in CapCondition.objects.filter(person_id__in=person_ids, year=year):
        found[cap.person_id].append(
            rules.Condition(cap.kind, str(cap.get_kind_display()), cap.source, cap.self_fixed)
        )
    return found


def cap_of(person: Person, year: int, rule_set: RuleSet) -> rules.Cap:
    return rules.cap_for(rule_set, conditions_for({person.pk}, year).get(person.pk, []))


# ---- level counts for the quota --------------------------------------------------------


def decided_counts(committee: Unit, year: int, *, persons: bool = True) -> dict[str, int]:
    """Decided levels of one committee's members (or its units) in one year."""
    queryset = Rating.objects.filter(committee=committee, year=year).exclude(level="")
    if persons:
        # The quota counts the members the report counts: active on the roll date.
        on_roll = membership.roll(committee, roll_date(year), active=True)
        queryset = queryset.filter(person__in=on_roll)
    else:
        queryset = queryset.filter(person__isnull=True)
    rows = queryset.values("level").annotate(n=Count("id")).order_by()
    return {row["level"]: row["n"] for row in rows}


# ---- the round -------------------------------------------------------------------------


@dataclass
class RoundRow:
    person: Person
    cell: Unit
    rating: Rating | None
    state: str = Posting.State.ACTIVE  # exempt / suspended: a badge on the cell's page

    @property
    def stage(self) -> str:
        rating = self.rating
        if rating is None or not (rating.self_assessed_at or rating.proposed_at or rating.level):
            return "none"
        if rating.level:
            return "decided"
        if rating.proposed_at:
            return "proposed"
        return "self_assessed"


def round_querysets(
    user: Any, year: int, *, cell: Unit | None = None, text: str = ""
) -> tuple[QuerySet[Posting], QuerySet[Rating]]:
    """The round's postings (the members on the roll at the year's end) and its members'
    ratings that the user may see, filtered; `round_rows` and `overview.round_counts` read
    them."""
    from core.vn import search_key

    paths = rating_policy.scope_paths(user)
    if cell is not None:
        paths = [cell.path] if paths is None or any(cell.path.startswith(p) for p in paths) else []
    own_person = getattr(user, "person_id", None)
    on = roll_date(year)
    postings = membership.periods_on(on, active=cell is None).filter(  # cell: all states
        person__party_joined_on__isnull=False, person__party_joined_on__lte=on
    )
    ratings = Rating.objects.filter(year=year, person__isnull=False)
    scope = scope_q(paths, "unit__path")
    rating_scope = scope_q(paths, "cell__path")
    if paths is not None and not paths:
        # A plain member sees only himself.
        scope = Q(person_id=own_person) if own_person and cell is None else Q(pk__in=[])
        rating_scope = Q(person_id=own_person) if own_person and cell is None else Q(pk__in=[])
    postings = postings.filter(scope)
    ratings = ratings.filter(rating_scope)
    words = search_key(text).split()
    for word in words:
        postings = postings.filter(person__search_key__contains=word)
        ratings = ratings.filter(person__search_key__contains=word)
    return postings, ratings


def round_rows(user: Any, year: int, *, cell: Unit | None = None, text: str = "") -> list[RoundRow]:
    """The members in the round of `year` that the user may see: those on the roll at the
    year's end plus anyone already rated that year (someone who moved out can be rated).

    Three queries whatever the size: postings, ratings, and the ratings' people.
    """
    postings, ratings = round_querysets(user, year, cell=cell, text=text)
    rows: dict[int, RoundRow] = {}
    for posting in postings.select_related("person", "unit"):
        rows[posting.person_id] = RoundRow(posting.person, posting.unit, None, posting.state)
    for rating in ratings.select_related(
        "person", "cell", "proposal_meeting", "self_assessed_by", "proposed_by", "decided_by"
    ):
        person_id = cast(int, rating.person_id)  # members' ratings only (filtered above)
        row = rows.get(person_id)
        if row is None:
            rows[person_id] = RoundRow(cast(Person, rating.person), cast(Unit, rating.cell), rating)
        else:
            row.rating = rating
            if rating.cell is not None:
                row.cell = rating.cell
    return sorted(rows.values(), key=lambda row: (row.cell.path, row.person.sort_key))


def unit_ratings(user: Any, year: int) -> dict[int, Rating]:
    paths = rating_policy.scope_paths(user)
    queryset = Rating.objects.filter(year=year, unit__isnull=False)
    if paths is not None:
        queryset = queryset.filter(scope_q(paths, "unit__path")) if paths else queryset.none()
    return {cast(int, rating.unit_id): rating for rating in queryset.select_related("unit")}


def visible_cells(user: Any) -> QuerySet[Unit]:
    paths = rating_policy.scope_paths(user)
    queryset = Unit.objects.filter(kind=Unit.Kind.CELL)
    if paths is None:
        return queryset
    return queryset.filter(scope_q(paths, "path")) if paths else queryset.none()


def committees_visible(user: Any) -> list[Unit]:
    """The committees whose summary the user may read (office, inspection)."""
    queryset = Unit.objects.filter(kind=Unit.Kind.COMMITTEE)
    if not getattr(user, "is_superuser", False):
        paths = role_paths(user, (Role.OFFICE, Role.INSPECTION))
        if not paths:
            return []
        queryset = queryset.filter(scope_q(paths, "path"))
    return list(queryset.order_by("path"))


def pledge_and_plan(person: Person, year: int) -> tuple[Pledge | None, PersonalPlan | None]:
    """The member's pledge and personal plan of the year, shown beside his self-assessment."""
    pledge = Pledge.objects.filter(person=person, year=year).first()
    plan = PersonalPlan.objects.filter(person=person, year=year).first()
    return pledge, plan


def cell_ratings_for_print(cell: Unit, year: int) -> list[Rating]:
    return list(
        Rating.objects.filter(cell=cell, year=year, person__isnull=False)
        .select_related("person", "proposal_meeting")
        .order_by("person__sort_key")
    )


def committee_decisions_for_print(committee: Unit, year: int) -> list[Rating]:
    return list(
        Rating.objects.filter(committee=committee, year=year)
        .exclude(level="")
        .select_related("person", "unit", "cell")
        .order_by("unit", "cell__path", "person__sort_key")
    )
