"""Writes for pledges, plans, standards and the pledge template; each one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core import files, vn
from core.actors import acting
from core.policy import CHANGE, CONFIRM
from core.services import actor, check_permission, save_as, stamp
from organisation.models import Person, Unit
from organisation.selectors import committee_of, people_on

from .models import ConductStandard, PersonalPlan, Pledge, PledgeTemplate, PledgeVersion
from .policies import standards as standard_policy

SCAN_TYPES = {
    ".pdf": b"%PDF",
    ".png": b"\x89PNG",
    ".jpg": b"\xff\xd8\xff",
    ".jpeg": b"\xff\xd8\xff",
}


def scan_max_bytes() -> int:
    return int(getattr(settings, "PLEDGE_SCAN_MAX_BYTES", 10 * 1024 * 1024))


def validate_scan(scan: UploadedFile) -> None:
    """A signed scan is a PDF, PNG or JPEG file (checked by its first bytes) within the limit."""
    name = (scan.name or "").lower()
    extension = name[name.rfind(".") :] if "." in name else ""
    if scan.size is not None and scan.size > scan_max_bytes():
        raise ValidationError(
            {
                "scan": _("The file is too large: at most %(size)s MB.")
                % {"size": vn.format_number(scan_max_bytes() / 1024 / 1024, 0)}
            }
        )
    magic = SCAN_TYPES.get(extension)
    scan.seek(0)
    head = scan.read(8)
    scan.seek(0)
    if magic is None or not head.startswith(magic):
        raise ValidationError(
            {"scan": _("The signed scan must be a PDF, PNG or JPEG file.")}, code="scan_type"
        )


def check_belongs_to_committee(person: Person, on_date: dt.date) -> None:
    """The person belonged to the committee (a posting in its subtree, not moved out) then."""
    committee = committee_of(person.unit)
    if not people_on(committee, on_date).filter(pk=person.pk).exists():
        raise ValidationError(
            {
                "registered_on": _("%(name)s did not belong to %(committee)s on %(date)s.")
                % {
                    "name": person.full_name,
                    "committee": committee.name,
                    "date": vn.format_date(on_date),
                }
            }
        )


def _check_unique(person: Person, year: int, exclude: int | None = None) -> None:
    existing = Pledge.objects.filter(person=person, year=year)
    if exclude:
        existing = existing.exclude(pk=exclude)
    if existing.exists():
        raise ValidationError(
            _("%(name)s already has a pledge for %(year)s; open it to change it.")
            % {"name": person.full_name, "year": year},
            code="duplicate",
        )


def _check_year(year: int, registered_on: dt.date) -> None:
    if registered_on > timezone.localdate():
        raise ValidationError({"registered_on": _("The date cannot be in the future.")})
    if registered_on.year not in (year - 1, year):
        raise ValidationError(
            {
                "registered_on": _(
                    "A pledge for %(year)s is registered in %(year)s or late in the year before."
                )
                % {"year": year}
            }
        )


@transaction.atomic
def pledge_create(
    *,
    person: Person,
    year: int,
    registered_on: dt.date,
    content: str,
    by: Any,
    scan: UploadedFile | None = None,
    source: str = Pledge.Source.ONLINE,
) -> Pledge:
    """Record a person's pledge for a year. One per person per year; the person must belong to
    the committee on the date; a paper pledge may carry the signed scan. The member writes
    his own, the cell and the office anyone's of their units (CHANGE covers both)."""
    check_permission(by, CHANGE, Pledge(person=person))
    _check_unique(person, year)
    _check_year(year, registered_on)
    check_belongs_to_committee(person, registered_on)
    if scan:
        validate_scan(scan)
    pledge = Pledge(
        person=person,
        year=year,
        registered_on=registered_on,
        content=content.strip(),
        source=source,
        recorded_by=actor(by),
    )
    if scan:
        pledge.scan = files.accept_field("scan", scan, files.SCANS, stem="ban-quet")
    return save_as(pledge, by)


def next_version(pledge: Pledge, by: Any) -> PledgeVersion:
    """A confirmed pledge is locked: what was confirmed becomes a version (returned unsaved)
    and the pledge the next version, awaiting confirmation. The old scan belongs to the old
    version; it stays there, not on the new text."""
    version = PledgeVersion(
        pledge=pledge,
        version=pledge.version,
        registered_on=pledge.registered_on,
        content=pledge.content,
        source=pledge.source,
        scan=(pledge.scan.name or "") if pledge.scan else "",
        confirmed_at=pledge.confirmed_at,
        confirmed_by_id=pledge.confirmed_by_id,
        replaced_by=actor(by),
    )
    pledge.version += 1
    pledge.confirmed_at = None
    pledge.confirmed_by = None
    pledge.scan = ""
    return version


@transaction.atomic
def pledge_update(
    *,
    pledge: Pledge,
    registered_on: dt.date,
    content: str,
    by: Any,
    scan: UploadedFile | None = None,
) -> Pledge:
    """Change a pledge. A confirmed pledge is locked: its confirmed text is kept as a version
    and the changed pledge becomes the next version, awaiting confirmation again."""
    check_permission(by, CHANGE, pledge)
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    content = content.strip()
    if registered_on == pledge.registered_on and content == pledge.content and not scan:
        return pledge
    _check_year(pledge.year, registered_on)
    check_belongs_to_committee(pledge.person, registered_on)
    if scan:
        validate_scan(scan)
    if pledge.is_locked:
        next_version(pledge, by).save()
    pledge.registered_on = registered_on
    pledge.content = content
    if scan:
        pledge.scan = files.accept_field("scan", scan, files.SCANS, stem="ban-quet")
    return save_as(pledge, by)


@transaction.atomic
def pledge_confirm(*, pledge: Pledge, by: Any) -> Pledge:
    """The cell secretary confirms a pledge: from now on it is locked."""
    check_permission(by, CONFIRM, pledge)
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    if pledge.is_locked:
        return pledge
    stamp(pledge, by, "confirmed").save(update_fields=["confirmed_at", "confirmed_by"])
    return pledge


@transaction.atomic
def plan_save(*, person: Person, year: int, content: str, items: str, by: Any) -> PersonalPlan:
    """Create or change a person's personal plan for a year (only his own, see policies)."""
    check_permission(by, CHANGE, PersonalPlan(person=person, year=year))
    return plan_import(person=person, year=year, content=content, items=items, by=by)


@transaction.atomic
def plan_import(*, person: Person, year: int, content: str, items: str, by: Any) -> PersonalPlan:
    """`plan_save` for a workbook row: the import's rights and scope were checked by the
    workbook (`workbook.scope`) before its rows reach here."""
    plan = PersonalPlan.objects.filter(person=person, year=year).first() or PersonalPlan(
        person=person, year=year
    )
    plan.content = content.strip()
    plan.items = "\n".join(_clean_items(items))
    if not plan.items:
        raise ValidationError({"items": _("Write at least one item of the plan.")})
    return save_as(plan, by)


def _clean_items(text: str) -> list[str]:
    from .models import split_items

    return split_items(text)


@transaction.atomic
def standard_save(*, unit: Unit, year: int, items: str, by: Any) -> ConductStandard:
    """Adopt or change a unit's standards for a year: the committee's are common, a cell's
    specific; each year is its own version."""
    if not standard_policy.can_edit_unit(acting(by), unit):
        raise PermissionDenied
    return standard_import(unit=unit, year=year, items=items, by=by)


@transaction.atomic
def standard_import(*, unit: Unit, year: int, items: str, by: Any) -> ConductStandard:
    """`standard_save` for a workbook row, checked by the workbook (`workbook.scope`)."""
    kind = ConductStandard.Kind.SPECIFIC if unit.is_cell else ConductStandard.Kind.COMMON
    standard = ConductStandard.objects.filter(unit=unit, year=year, kind=kind).first()
    standard = standard or ConductStandard(unit=unit, year=year, kind=kind)
    standard.items = "\n".join(_clean_items(items))
    if not standard.items:
        raise ValidationError({"items": _("Write at least one item.")})
    return save_as(standard, by)


@transaction.atomic
def template_save(*, committee: Unit, year: int, text: str, by: Any) -> PledgeTemplate:
    """Set the committee's pledge template text for a year."""
    check_permission(by, CHANGE, PledgeTemplate(unit=committee, year=year))
    template = PledgeTemplate.objects.filter(unit=committee, year=year).first()
    template = template or PledgeTemplate(unit=committee, year=year)
    template.text = text.strip()
    return save_as(template, by)


def pledges_import(*, rows: Sequence[Any], user: Any) -> None:
    """Paper pledges from a workbook, in bulk: each row has `code`, `year`,
    `registered_on`, `content` and `new`. Changing a confirmed pledge keeps what was
    confirmed as a version and opens the next one, as the form does."""
    if not rows:
        return
    items = rows
    ids = dict(
        Person.objects.filter(code__in={item.code for item in items}).values_list("code", "pk")
    )
    user = actor(user)
    Pledge.objects.bulk_create(
        [
            Pledge(
                person_id=ids[item.code],
                year=item.year,
                registered_on=item.registered_on,
                content=item.content,
                source=Pledge.Source.PAPER,
                recorded_by=user,
            )
            for item in items
            if item.new
        ]
    )
    changed = {(ids[item.code], item.year): item for item in items if not item.new}
    if not changed:
        return
    query = Q(pk__in=[])
    for person_id, year in changed:
        query |= Q(person_id=person_id, year=year)
    pledges = list(Pledge.objects.filter(query))
    versions = []
    for pledge in pledges:
        item = changed[(pledge.person_id, pledge.year)]
        if pledge.is_locked:
            versions.append(next_version(pledge, user))
        pledge.registered_on = item.registered_on
        pledge.content = item.content
    PledgeVersion.objects.bulk_create(versions)
    Pledge.objects.bulk_update(
        pledges, ["registered_on", "content", "version", "confirmed_at", "confirmed_by", "scan"]
    )
