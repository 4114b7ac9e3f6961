"""Reads for pledges: the pre-filled text, lists, and progress per cell and organisation.

Progress runs a fixed handful of queries whatever the size of the committee: one over the
postings open on the roll date (with the pledge and plan as EXISTS columns), one over the
mass-organisation links of those people, and the small lookups of units and organisations.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.search import filter_given
from organisation import membership
from organisation.models import MassOrganisation, Person, Posting, Unit
from organisation.policies import units as unit_policy
from organisation.selectors import committee_of

from .models import ConductStandard, PersonalPlan, Pledge, PledgeTemplate

DEFAULT_TEMPLATE = (
    "Căn cứ Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm "
    "theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, tôi xin cam kết tu dưỡng, rèn luyện, "
    "phấn đấu trong năm {year} như sau:\n"
    "1. Tuyệt đối trung thành với Đảng, chấp hành nghiêm chủ trương, đường lối của Đảng, "
    "chính sách, pháp luật của Nhà nước.\n"
    "2. Thường xuyên học tập, tu dưỡng, rèn luyện đạo đức, lối sống; nêu gương trong công "
    "tác và sinh hoạt.\n"
    "3. Hoàn thành tốt chức trách, nhiệm vụ được giao; thực hiện tốt quy tắc ứng xử văn hóa "
    "công sở."
)


def own_pledge(person: Person, year: int) -> Pledge | None:
    return Pledge.objects.filter(person=person, year=year).first()


def own_plan(person: Person, year: int) -> PersonalPlan | None:
    return PersonalPlan.objects.filter(person=person, year=year).first()


def own_years(person: Person | None, this_year: int) -> list[dict[str, Any]]:
    """A member's own page: per year (this one and any he wrote for), his pledge and plan."""
    pledges = {p.year: p for p in Pledge.objects.filter(person=person)} if person else {}
    plans = {p.year: p for p in PersonalPlan.objects.filter(person=person)} if person else {}
    years = sorted({this_year, *pledges, *plans}, reverse=True)
    return [{"year": y, "pledge": pledges.get(y), "plan": plans.get(y)} for y in years]


def template_committee(user: Any) -> Unit | None:
    """The committee whose pledge template the office user edits: the top one he sees."""
    committees = unit_policy.with_ancestors(user).filter(kind=Unit.Kind.COMMITTEE)
    committee = committees.order_by("depth").first()
    return committee_of(committee) if committee is not None else None


def roll_date(year: int) -> dt.date:
    """The date the year's progress is counted on: 31/12, or today for the current year."""
    return min(dt.date(year, 12, 31), timezone.localdate())


def template_text_raw(committee: Unit, year: int) -> str:
    """The committee's template for the year as written ({year} not yet replaced)."""
    template = PledgeTemplate.objects.filter(unit=committee, year=year).first()
    return template.text if template else DEFAULT_TEMPLATE


def template_text(committee: Unit, year: int) -> str:
    return template_text_raw(committee, year).replace("{year}", str(year))


def standards_for(unit: Unit, year: int) -> tuple[ConductStandard | None, ConductStandard | None]:
    """The committee's common standard and the cell's specific one for a year (or None)."""
    committee = committee_of(unit)
    found = {
        (standard.unit_id, standard.kind): standard
        for standard in ConductStandard.objects.filter(
            Q(unit=committee, kind=ConductStandard.Kind.COMMON)
            | Q(unit=unit, kind=ConductStandard.Kind.SPECIFIC),
            year=year,
        )
    }
    return (
        found.get((committee.pk, ConductStandard.Kind.COMMON)),
        found.get((unit.pk, ConductStandard.Kind.SPECIFIC)),
    )


def prefilled_pledge(person: Person, year: int) -> str:
    """The text a member starts from: the committee's template and the year's standards."""
    committee = committee_of(person.unit)
    parts = [template_text(committee, year)]
    common, specific = standards_for(person.unit, year)
    if common:
        parts.append(_("Common standards of the committee:"))
        parts += [f"- {item}" for item in common.item_list]
    if specific:
        parts.append(_("Specific standards of the cell:"))
        parts += [f"- {item}" for item in specific.item_list]
    return "\n".join(parts)


def pledges_list(
    user: Any, *, year: int | None = None, unit_id: int | None = None, status: str | None = None
) -> QuerySet:
    """The pledges the user may see; `status` "pending" or "confirmed" narrows to those not
    yet confirmed by the cell, or confirmed."""
    from .policies import pledges

    queryset = pledges.queryset_for(user).order_by("-year", "person__sort_key")
    if status in ("pending", "confirmed"):
        queryset = queryset.filter(confirmed_at__isnull=status == "pending")
    return filter_given(queryset, year=year, person__unit_id=unit_id)


def pledge_versions(pledge: Pledge) -> QuerySet:
    """A pledge's earlier texts, with who confirmed each and what replaced it."""
    return pledge.versions.select_related("confirmed_by", "replaced_by")


def plans_list(user: Any, *, year: int | None = None) -> QuerySet:
    from .policies import plans

    queryset = plans.queryset_for(user).order_by("-year", "person__sort_key")
    return queryset.filter(year=year) if year else queryset


def standards_overview(user: Any, year: int) -> dict[str, Any]:
    """For a year: the committees' common standards and, for each visible cell, its specific
    standard or None (the committee sees which cells have not defined theirs)."""
    cells = list(unit_policy.queryset_for(user).filter(kind=Unit.Kind.CELL).order_by("path"))
    committees = list(unit_policy.with_ancestors(user).filter(kind=Unit.Kind.COMMITTEE))
    if not committees and cells:
        committees = [committee_of(cells[0])]
    standards = ConductStandard.objects.filter(
        year=year, unit_id__in=[u.pk for u in cells] + [c.pk for c in committees]
    )
    by_unit = {(s.unit_id, s.kind): s for s in standards}
    rows = [
        {"cell": cell, "standard": by_unit.get((cell.pk, ConductStandard.Kind.SPECIFIC))}
        for cell in cells
    ]
    return {
        "common": [
            {"committee": c, "standard": by_unit.get((c.pk, ConductStandard.Kind.COMMON))}
            for c in committees
        ],
        "rows": rows,
        "defined": sum(1 for row in rows if row["standard"]),
        "total": len(rows),
    }


@dataclass
class PersonProgress:
    person_id: int
    code: str
    full_name: str
    sort_key: str
    unit_id: int
    is_member: bool
    has_pledge: bool
    has_plan: bool
    organisations: list[int] = field(default_factory=list)
    # Exempted or suspended that day: listed with a badge, not expected to pledge.
    state: str = Posting.State.ACTIVE

    @property
    def excused(self) -> bool:
        return self.state != Posting.State.ACTIVE


@dataclass
class Tally:
    people: int = 0
    pledged: int = 0
    planned: int = 0
    members: int = 0
    members_pledged: int = 0
    members_planned: int = 0
    excused: int = 0  # exempted or suspended: not counted in the rest

    def add(self, row: PersonProgress) -> None:
        if row.excused:
            self.excused += 1
            return
        self.people += 1
        self.pledged += row.has_pledge
        self.planned += row.has_plan
        if row.is_member:
            self.members += 1
            self.members_pledged += row.has_pledge
            self.members_planned += row.has_plan

    @property
    def members_missing(self) -> int:
        return self.members - self.members_pledged

    @property
    def people_missing(self) -> int:
        return self.people - self.pledged

    @property
    def pledged_share(self) -> float | None:
        return round(100 * self.members_pledged / self.members, 2) if self.members else None

    @property
    def people_pledged_share(self) -> float | None:
        return round(100 * self.pledged / self.people, 2) if self.people else None


def _progress_rows(cells: list[Unit], year: int, on_date: dt.date) -> list[PersonProgress]:
    if not cells:
        return []
    postings = (
        # Exempted and suspended members are listed, but not expected to pledge (Tally).
        membership.periods_on(on_date)
        .filter(unit_id__in=[cell.pk for cell in cells])
        .annotate(
            has_pledge=Exists(Pledge.objects.filter(person_id=OuterRef("person_id"), year=year)),
            has_plan=Exists(
                PersonalPlan.objects.filter(person_id=OuterRef("person_id"), year=year)
            ),
        )
        .values_list(
            "person_id",
            "person__code",
            "person__full_name",
            "person__sort_key",
            "unit_id",
            "person__party_joined_on",
            "has_pledge",
            "has_plan",
            "state",
        )
        .order_by("person__sort_key", "person__code")
    )
    rows: dict[int, PersonProgress] = {}
    for pid, code, name, key, unit_id, joined, pledged, planned, state in postings:
        rows[pid] = PersonProgress(
            pid,
            code,
            name,
            key,
            unit_id,
            bool(joined and joined <= on_date),
            bool(pledged),
            bool(planned),
            state=state,
        )
    links = Person.mass_organisations.through.objects.filter(
        person_id__in=postings.values("person_id")
    ).values_list("person_id", "massorganisation_id")
    for pid, organisation_id in links:
        if pid in rows:
            rows[pid].organisations.append(organisation_id)
    return list(rows.values())


def progress(user: Any, year: int, on_date: dt.date | None = None) -> dict[str, Any]:
    """Per cell and per mass organisation: people on the date, who pledged, who has a plan."""
    on_date = on_date or roll_date(year)
    cells = list(unit_policy.queryset_for(user).filter(kind=Unit.Kind.CELL).order_by("path"))
    rows = _progress_rows(cells, year, on_date)
    by_cell = {cell.pk: Tally() for cell in cells}
    organisations = list(MassOrganisation.objects.order_by("name"))
    by_org = {org.pk: Tally() for org in organisations}
    total = Tally()
    for row in rows:
        by_cell[row.unit_id].add(row)
        total.add(row)
        for organisation_id in row.organisations:
            if organisation_id in by_org:
                by_org[organisation_id].add(row)
    return {
        "year": year,
        "on_date": on_date,
        "cells": [{"cell": cell, "tally": by_cell[cell.pk]} for cell in cells],
        "organisations": [{"organisation": o, "tally": by_org[o.pk]} for o in organisations],
        "total": total,
    }


def cell_progress(cell: Unit, year: int, on_date: dt.date | None = None) -> dict[str, Any]:
    """Everyone in one cell on the date, with pledge and plan, and those still missing."""
    on_date = on_date or roll_date(year)
    rows = _progress_rows([cell], year, on_date)
    organisations = {o.pk: o for o in MassOrganisation.objects.all()}
    for row in rows:
        row.organisation_names = [  # type: ignore[attr-defined]
            organisations[pk].short_name or organisations[pk].name
            for pk in row.organisations
            if pk in organisations
        ]
    tally = Tally()
    for row in rows:
        tally.add(row)
    return {
        "year": year,
        "on_date": on_date,
        "rows": rows,
        "tally": tally,
        "missing": [row for row in rows if not (row.excused or (row.has_pledge and row.has_plan))],
    }
