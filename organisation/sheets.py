"""The workbook sheets "Đơn vị" and "Nhân sự" (docs/interchange.md).

`check()` reads the database once per sheet and validates every row against it and against
the rest of the workbook; `apply()` writes with bulk operations (and their history rows), so
that a 20,000-person workbook imports in seconds. Importing the same workbook twice finds
every row unchanged and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core import vn
from workbook.registry import (
    Column,
    ImportContext,
    Row,
    SheetHandler,
    choice_parser,
    parse_date,
    parse_text,
    register,
)

from .models import MassOrganisation, Person, Posting, Unit, person_date_errors

UNIT_KINDS = {
    "Đảng bộ": Unit.Kind.COMMITTEE,
    "Đảng bộ bộ phận": Unit.Kind.SUB_COMMITTEE,
    "Chi bộ": Unit.Kind.CELL,
}
UNIT_KIND_LABELS = {value: label for label, value in UNIT_KINDS.items()}
GENDERS = {"Nam": Person.Gender.MALE, "Nữ": Person.Gender.FEMALE}
GENDER_LABELS = {value: label for label, value in GENDERS.items()}
PARTY = {"Chính thức": Person.PartyStatus.FULL, "Dự bị": Person.PartyStatus.PROBATIONARY}
PARTY_LABELS = {value: label for label, value in PARTY.items()}
BATCH = 1000


def _chunks(items: list, size: int = 500) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _date_text(value: dt.date | None) -> str:
    return vn.format_date(value)


def parse_names(value: Any) -> tuple[str, ...] | None:
    """ "Công đoàn, Đoàn Thanh niên" → the names, in order, without blanks or repeats."""
    text = parse_text(value)
    if text is None:
        return None
    names: list[str] = []
    for part in re.split(r"[,;\n]", text):
        name = " ".join(part.split())
        if name and name not in names:
            names.append(name)
    return tuple(names)


def _user(ctx: ImportContext) -> Any:
    user = ctx.user
    return user if getattr(user, "is_authenticated", False) else None


# ---------------------------------------------------------------------------------------------
# Đơn vị


@dataclass
class UnitItem:
    code: str
    name: str
    kind: str
    parent: str | None
    new: bool


@register
class UnitSheet(SheetHandler):
    sheet = "Đơn vị"
    order = 10
    description = gettext_lazy(
        "The party tree: one row per unit (the committee, its sub-committees and cells)."
    )
    columns = [
        Column(
            "Mã đơn vị",
            "code",
            required=True,
            parse=parse_text,
            help=gettext_lazy("Unique code of the unit, e.g. CB01. Used by the other sheets."),
        ),
        Column(
            "Tên đơn vị",
            "name",
            required=True,
            parse=parse_text,
            help=gettext_lazy("Full name, e.g. Chi bộ Văn phòng Sở."),
        ),
        Column(
            "Loại",
            "kind",
            required=True,
            parse=choice_parser(UNIT_KINDS),
            help=gettext_lazy("One of: Đảng bộ, Đảng bộ bộ phận, Chi bộ."),
        ),
        Column(
            "Mã cấp trên",
            "parent",
            parse=parse_text,
            help=gettext_lazy(
                "Code of the unit directly above; blank only for the root (the committee). "
                "Exactly one root."
            ),
        ),
    ]

    def check(self, rows: list[Row], ctx: ImportContext) -> None:
        sheet = self.sheet
        code_h, kind_h, parent_h = "Mã đơn vị", "Loại", "Mã cấp trên"
        existing = {
            code: (name, kind, parent)
            for code, name, kind, parent in Unit.objects.values_list(
                "code", "name", "kind", "parent__code"
            )
        }
        seen: dict[str, Row] = {}
        for row in rows:
            code = row["code"]
            if code is None:
                continue
            if code in seen:
                ctx.error(
                    sheet,
                    row.number,
                    code_h,
                    _("the code %(code)s is repeated (already on row %(row)s).")
                    % {"code": code, "row": seen[code].number},
                )
                continue
            seen[code] = row
        ctx.declare("unit", seen)
        parents = {code: values[2] for code, values in existing.items()}
        kinds = {code: values[1] for code, values in existing.items()}
        for code, row in seen.items():
            parents[code] = row["parent"]
            if row["kind"]:
                kinds[code] = row["kind"]
        bad: set[str] = set()
        for code, row in seen.items():
            parent = row["parent"]
            if parent is None:
                continue
            if parent not in parents:
                ctx.error(
                    sheet,
                    row.number,
                    parent_h,
                    _("no unit has the code %(code)s (neither in this sheet nor in the database).")
                    % {"code": parent},
                )
                bad.add(code)
            elif kinds.get(parent) == Unit.Kind.CELL:
                ctx.error(
                    sheet,
                    row.number,
                    parent_h,
                    _("%(code)s is a party cell; no unit can be placed under a cell.")
                    % {"code": parent},
                )
                bad.add(code)
            elif self._in_cycle(code, parents):
                ctx.error(
                    sheet,
                    row.number,
                    parent_h,
                    _("the units form a cycle: %(code)s ends up under itself.") % {"code": code},
                )
                bad.add(code)
        for code, row in seen.items():
            # A unit turned into a cell must not keep units under it (from the database).
            if kinds.get(code) == Unit.Kind.CELL and code not in bad:
                below = sorted(
                    child
                    for child, parent in parents.items()
                    if parent == code and child not in seen
                )
                if below:
                    ctx.error(
                        sheet,
                        row.number,
                        kind_h,
                        _("%(code)s has units under it (%(codes)s); it cannot be a party cell.")
                        % {"code": code, "codes": ", ".join(below)},
                    )
                    bad.add(code)
        roots = sorted(code for code, parent in parents.items() if not parent)
        if len(roots) > 1:
            for code in roots:
                if code in seen:
                    ctx.error(
                        sheet,
                        seen[code].number,
                        parent_h,
                        _(
                            "there must be exactly one root unit (with a blank parent), "
                            "found %(count)s: %(codes)s."
                        )
                        % {"count": len(roots), "codes": ", ".join(roots)},
                    )
                    bad.add(code)
        elif not roots and seen:
            first = min(seen.values(), key=lambda row: row.number)
            ctx.error(
                sheet,
                first.number,
                parent_h,
                _("there is no root unit: one unit (the committee) must have a blank parent."),
            )
        for code in roots:
            if code in seen and seen[code]["kind"] and kinds[code] != Unit.Kind.COMMITTEE:
                ctx.error(
                    sheet,
                    seen[code].number,
                    kind_h,
                    _("the root unit must be of kind Đảng bộ."),
                )
                bad.add(code)
        plan = ctx.plan(sheet)
        for code, row in seen.items():
            if code in bad or row.values.get("_invalid"):
                continue
            wanted = (row["name"], row["kind"], row["parent"])
            label = f"{code} — {row['name']}"
            if code not in existing:
                plan.created.append(label)
            elif existing[code] != wanted:
                changed = ", ".join(
                    header
                    for header, old, new in zip(
                        ("Tên đơn vị", "Loại", "Mã cấp trên"), existing[code], wanted, strict=True
                    )
                    if old != new
                )
                plan.updated.append(f"{label} ({changed})")
            else:
                plan.unchanged += 1
                continue
            plan.items.append(UnitItem(code, *wanted, new=code not in existing))

    @staticmethod
    def _in_cycle(code: str, parents: dict[str, str | None]) -> bool:
        current: str | None = parents.get(code)
        for _step in range(len(parents) + 1):
            if current is None:
                return False
            if current == code:
                return True
            current = parents.get(current)
        return True

    def apply(self, ctx: ImportContext) -> None:
        items: list[UnitItem] = ctx.plan(self.sheet).items
        if not items:
            return
        user = _user(ctx)
        units = {unit.code: unit for unit in Unit.objects.all()}
        pending = {item.code: item for item in items}
        ordered: list[UnitItem] = []
        # Parents before children: repeatedly take the items whose parent is already placed.
        placed = {code for code in units if code not in pending}
        while pending:
            ready = [
                item
                for item in pending.values()
                if item.parent is None or item.parent in placed or item.parent not in pending
            ]
            for item in ready:
                ordered.append(item)
                placed.add(item.code)
                del pending[item.code]
        for item in ordered:
            unit = units.get(item.code) or Unit(code=item.code)
            unit.name, unit.kind = item.name, item.kind
            unit.parent = units[item.parent] if item.parent else None
            if user:
                unit._history_user = user
            unit.save()
            units[item.code] = unit
        unit_paths_rebuild()

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        return unit_rows(committee)


def unit_paths_rebuild() -> int:
    """Recompute every unit's materialised path (after parents changed); returns the changes."""
    units = list(Unit.objects.order_by("pk"))
    by_pk = {unit.pk: unit for unit in units}
    paths: dict[int, str] = {}

    def path_of(unit: Unit) -> str:
        if unit.pk not in paths:
            parent = by_pk.get(unit.parent_id) if unit.parent_id else None
            paths[unit.pk] = f"{path_of(parent) if parent else ''}{unit.pk}."
        return paths[unit.pk]

    changed = []
    for unit in units:
        path = path_of(unit)
        if unit.path != path:
            unit.path, unit.depth = path, path.count(".") - 1
            changed.append(unit)
    Unit.objects.bulk_update(changed, ["path", "depth"])
    return len(changed)


# ---------------------------------------------------------------------------------------------
# Nhân sự

PERSON_VALUE_FIELDS = (
    "full_name",
    "birth_date",
    "gender",
    "unit",
    "party_status",
    "party_joined_on",
    "party_official_on",
    "moved_out_on",
    "position",
    "mass",
)
DATE_COLUMNS = {
    "birth_date": "Ngày sinh",
    "party_joined_on": "Ngày vào Đảng",
    "party_official_on": "Ngày chính thức",
    "moved_out_on": "Ngày chuyển đi",
}


PERSON_HEADERS = {
    "full_name": "Họ và tên",
    "birth_date": "Ngày sinh",
    "gender": "Giới tính",
    "unit": "Mã đơn vị",
    "party_status": "Đảng viên",
    "party_joined_on": "Ngày vào Đảng",
    "party_official_on": "Ngày chính thức",
    "moved_out_on": "Ngày chuyển đi",
    "position": "Chức vụ",
    "mass": "Đoàn thể",
}


@dataclass
class PersonItem:
    code: str
    values: dict[str, Any]
    new: bool


def _mass_key(name: str) -> str:
    return vn.search_key(name)


@register
class PersonSheet(SheetHandler):
    sheet = "Nhân sự"
    order = 20
    description = gettext_lazy(
        "Party members and non-member staff, with their party dates and mass organisations."
    )
    columns = [
        Column(
            "Mã nhân sự",
            "code",
            required=True,
            parse=parse_text,
            help=gettext_lazy("Unique code of the person, e.g. NS00001."),
        ),
        Column(
            "Họ và tên",
            "full_name",
            required=True,
            parse=parse_text,
            help=gettext_lazy("Family, middle and given name, e.g. Nguyễn Văn An."),
        ),
        Column(
            "Ngày sinh",
            "birth_date",
            parse=parse_date,
            help=gettext_lazy("dd/mm/yyyy"),
        ),
        Column(
            "Giới tính",
            "gender",
            parse=choice_parser(GENDERS),
            help=gettext_lazy("Nam or Nữ."),
        ),
        Column(
            "Mã đơn vị",
            "unit",
            required=True,
            parse=parse_text,
            help=gettext_lazy(
                "Code of the cell (or unit) the person belongs to, from the sheet Đơn vị or "
                "already in the system. Changing it transfers the person on the day of import."
            ),
        ),
        Column(
            "Đảng viên",
            "party_status",
            parse=choice_parser(PARTY),
            help=gettext_lazy("Chính thức, Dự bị, or blank for a non-member."),
        ),
        Column(
            "Ngày vào Đảng",
            "party_joined_on",
            parse=parse_date,
            help=gettext_lazy("dd/mm/yyyy; required for a party member."),
        ),
        Column(
            "Ngày chính thức",
            "party_official_on",
            parse=parse_date,
            help=gettext_lazy("dd/mm/yyyy; blank for a probationary member."),
        ),
        Column(
            "Ngày chuyển đi",
            "moved_out_on",
            parse=parse_date,
            help=gettext_lazy("dd/mm/yyyy; blank while the person is still on the roll."),
        ),
        Column(
            "Chức vụ",
            "position",
            parse=parse_text,
            help=gettext_lazy("E.g. Chuyên viên, Trưởng phòng."),
        ),
        Column(
            "Đoàn thể",
            "mass",
            parse=parse_names,
            help=gettext_lazy(
                "Mass organisations, separated by commas, e.g. Công đoàn, Đoàn Thanh niên. "
                "A name not yet in the system is added."
            ),
        ),
    ]

    @staticmethod
    def _existing() -> tuple[dict[str, dict[str, Any]], dict[str, int]]:
        rows = Person.objects.values_list(
            "id",
            "code",
            "full_name",
            "birth_date",
            "gender",
            "unit__code",
            "party_status",
            "party_joined_on",
            "party_official_on",
            "moved_out_on",
            "position",
        )
        existing: dict[str, dict[str, Any]] = {}
        ids: dict[str, int] = {}
        names = dict(MassOrganisation.objects.values_list("id", "name"))
        mass: dict[int, set[str]] = defaultdict(set)
        through = Person.mass_organisations.through
        for person_id, organisation_id in through.objects.values_list(
            "person_id", "massorganisation_id"
        ):
            mass[person_id].add(names[organisation_id])
        for pk, code, *values in rows.iterator(chunk_size=5000):
            record = dict(zip(PERSON_VALUE_FIELDS[:-1], values, strict=True))
            record["position"] = record["position"] or ""
            record["gender"] = record["gender"] or ""
            record["party_status"] = record["party_status"] or ""
            record["mass"] = frozenset(mass.get(pk, ()))
            existing[code] = record
            ids[code] = pk
        return existing, ids

    def check(self, rows: list[Row], ctx: ImportContext) -> None:
        sheet = self.sheet
        today = timezone.localdate()
        existing, _ids = self._existing()
        units = ctx.known("unit", lambda: Unit.objects.values_list("code", flat=True))
        organisations: dict[str, str] = {}
        for name, short in MassOrganisation.objects.values_list("name", "short_name"):
            organisations[_mass_key(name)] = name
            if short:
                organisations.setdefault(_mass_key(short), name)
        new_organisations: dict[str, str] = {}
        seen: dict[str, int] = {}
        plan = ctx.plan(sheet)
        for row in rows:
            code = row["code"]
            invalid = row.values.get("_invalid") or set()
            if code is None:
                continue
            if code in seen:
                ctx.error(
                    sheet,
                    row.number,
                    "Mã nhân sự",
                    _("the code %(code)s is repeated (already on row %(row)s).")
                    % {"code": code, "row": seen[code]},
                )
                continue
            seen[code] = row.number
            ok = not invalid
            unit = row["unit"]
            if unit is not None and unit not in units:
                ctx.error(
                    sheet,
                    row.number,
                    "Mã đơn vị",
                    _(
                        "no unit has the code %(code)s (neither in the sheet Đơn vị nor in the "
                        "database)."
                    )
                    % {"code": unit},
                )
                ok = False
            dates = {key: row[key] for key in DATE_COLUMNS}
            if not invalid & {"party_status", *DATE_COLUMNS}:
                errors = person_date_errors(
                    party_status=row["party_status"] or "", today=today, **dates
                )
                for key, message in errors.items():
                    ctx.error(sheet, row.number, DATE_COLUMNS[key], message)
                    ok = False
            names = []
            for name in row["mass"] or ():
                key = _mass_key(name)
                canonical = organisations.get(key) or new_organisations.setdefault(key, name)
                if canonical not in names:
                    names.append(canonical)
            if not ok:
                continue
            values = {
                "full_name": row["full_name"],
                "birth_date": row["birth_date"],
                "gender": row["gender"] or "",
                "unit": unit,
                "party_status": row["party_status"] or "",
                "party_joined_on": row["party_joined_on"],
                "party_official_on": row["party_official_on"],
                "moved_out_on": row["moved_out_on"],
                "position": row["position"] or "",
                "mass": frozenset(names),
            }
            before = existing.get(code)
            if before is None:
                plan.created.append(f"{code} — {values['full_name']}")
            elif before != values:
                changed = ", ".join(
                    PERSON_HEADERS[key] for key in values if values[key] != before.get(key)
                )
                plan.updated.append(f"{code} — {values['full_name']} ({changed})")
            else:
                plan.unchanged += 1
                continue
            plan.items.append(PersonItem(code, values, new=before is None))
        # Later sheets (attendance, pledges, ratings …) may refer to people of this workbook.
        ctx.declare("person", seen)
        ctx.cache["mass_organisations_new"] = sorted(new_organisations.values())
        if new_organisations and plan.items:
            plan.created.extend(
                _("mass organisation: %(name)s") % {"name": name}
                for name in sorted(new_organisations.values())
            )

    def apply(self, ctx: ImportContext) -> None:
        items: list[PersonItem] = ctx.plan(self.sheet).items
        if not items:
            return
        user = _user(ctx)
        today = timezone.localdate()
        unit_ids = dict(Unit.objects.values_list("code", "id"))
        new_names = ctx.cache.get("mass_organisations_new", [])
        if new_names:
            MassOrganisation.objects.bulk_create(
                [MassOrganisation(name=name) for name in new_names], ignore_conflicts=True
            )
        organisation_ids = dict(MassOrganisation.objects.values_list("name", "id"))
        fields = [f for f in PERSON_VALUE_FIELDS if f not in {"unit", "mass"}]

        created = [item for item in items if item.new]
        updated = [item for item in items if not item.new]
        # New people: the person, a posting since before the records, the mass organisations.
        people = []
        for item in created:
            person = Person(code=item.code, unit_id=unit_ids[item.values["unit"]])
            for name in fields:
                setattr(person, name, item.values[name])
            person.fill_keys()
            people.append(person)
        people = bulk_create_with_history(people, Person, batch_size=BATCH, default_user=user)
        by_code = {person.code: person for person in people}
        postings = [
            Posting(person_id=person.pk, unit_id=person.unit_id, end=person.moved_out_on)
            for person in people
        ]
        mass_links: dict[int, frozenset[str]] = {
            by_code[item.code].pk: item.values["mass"] for item in created
        }

        # Changed people: particulars, transfers, move-outs, mass organisations.
        if updated:
            changed_people = []
            for chunk in _chunks([item.code for item in updated]):
                changed_people.extend(Person.objects.filter(code__in=chunk))
            current = {person.code: person for person in changed_people}
            latest: dict[int, Posting] = {}
            for chunk in _chunks([person.pk for person in changed_people]):
                for posting in Posting.objects.filter(person_id__in=chunk).order_by(
                    "person_id", "start", "pk"
                ):
                    before = latest.get(posting.person_id)
                    if before is None or _later(posting, before):
                        latest[posting.person_id] = posting
            old_mass = dict(self._existing_mass([person.pk for person in changed_people]))
            to_save, closed = [], []
            for item in updated:
                person = current[item.code]
                values = item.values
                old_moved_out = person.moved_out_on
                for name in fields:
                    setattr(person, name, values[name])
                person.fill_keys()
                unit_id = unit_ids[values["unit"]]
                posting = latest.get(person.pk)
                if unit_id != person.unit_id:
                    on = values["moved_out_on"] or today
                    if posting is not None:
                        if posting.start and posting.start > on:
                            on = posting.start
                        posting.end = on
                        closed.append(posting)
                    postings.append(
                        Posting(
                            person_id=person.pk,
                            unit_id=unit_id,
                            start=on,
                            end=values["moved_out_on"],
                            note=_("Transfer (workbook import)"),
                        )
                    )
                    person.unit_id = unit_id
                elif posting is not None and values["moved_out_on"] != old_moved_out:
                    if posting.end in (None, old_moved_out):
                        posting.end = values["moved_out_on"]
                        closed.append(posting)
                elif posting is None:
                    postings.append(
                        Posting(person_id=person.pk, unit_id=unit_id, end=values["moved_out_on"])
                    )
                to_save.append(person)
                if old_mass.get(person.pk, frozenset()) != values["mass"]:
                    mass_links[person.pk] = values["mass"]
            bulk_update_with_history(
                to_save,
                Person,
                [*fields, "unit", "sort_key", "search_key"],
                batch_size=BATCH,
                default_user=user,
            )
            if closed:
                bulk_update_with_history(
                    closed, Posting, ["end"], batch_size=BATCH, default_user=user
                )
        if postings:
            bulk_create_with_history(postings, Posting, batch_size=BATCH, default_user=user)
        self._set_mass(mass_links, organisation_ids)

    @staticmethod
    def _existing_mass(person_ids: list[int]) -> Iterator[tuple[int, frozenset[str]]]:
        names = dict(MassOrganisation.objects.values_list("id", "name"))
        through = Person.mass_organisations.through
        found: dict[int, set[str]] = defaultdict(set)
        for chunk in _chunks(person_ids):
            for person_id, organisation_id in through.objects.filter(
                person_id__in=chunk
            ).values_list("person_id", "massorganisation_id"):
                found[person_id].add(names[organisation_id])
        for person_id, value in found.items():
            yield person_id, frozenset(value)

    @staticmethod
    def _set_mass(links: dict[int, frozenset[str]], organisation_ids: dict[str, int]) -> None:
        if not links:
            return
        through = Person.mass_organisations.through
        for chunk in _chunks(list(links)):
            through.objects.filter(person_id__in=chunk).delete()
        through.objects.bulk_create(
            [
                through(person_id=person_id, massorganisation_id=organisation_ids[name])
                for person_id, names in links.items()
                for name in sorted(names)
            ],
            batch_size=BATCH,
        )

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        people = Person.objects.all()
        if committee is not None:
            people = people.filter(unit__path__startswith=committee.path)
        names = dict(MassOrganisation.objects.values_list("id", "name"))
        through = Person.mass_organisations.through
        links: dict[int, list[str]] = defaultdict(list)
        for person_id, organisation_id in through.objects.filter(person__in=people).values_list(
            "person_id", "massorganisation_id"
        ):
            links[person_id].append(names[organisation_id])
        rows = people.order_by("code").values_list(
            "id",
            "code",
            "full_name",
            "birth_date",
            "gender",
            "unit__code",
            "party_status",
            "party_joined_on",
            "party_official_on",
            "moved_out_on",
            "position",
        )
        for (
            pk,
            code,
            full_name,
            birth,
            gender,
            unit,
            status,
            joined,
            official,
            moved,
            position,
        ) in rows.iterator(chunk_size=5000):
            yield [
                code,
                full_name,
                _date_text(birth),
                GENDER_LABELS.get(gender, ""),
                unit,
                PARTY_LABELS.get(status, ""),
                _date_text(joined),
                _date_text(official),
                _date_text(moved),
                position,
                ", ".join(sorted(links.get(pk, []))),
            ]


def _later(posting: Posting, other: Posting) -> bool:
    """Whether `posting` began after `other` (a blank start is the earliest)."""
    key = (posting.start or dt.date.min, posting.pk)
    return key > (other.start or dt.date.min, other.pk)


def unit_rows(committee: Any) -> Iterator[list[Any]]:
    """The sheet Đơn vị of `committee`'s subtree, parents first, siblings by code; the
    committee itself is the root (its own parent is left out)."""
    units = Unit.objects.select_related("parent")
    if committee is not None:
        units = units.filter(path__startswith=committee.path)
    units = list(units)
    codes = {unit.pk for unit in units}
    children: dict[int | None, list[Unit]] = defaultdict(list)
    for unit in units:
        children[unit.parent_id if unit.parent_id in codes else None].append(unit)
    stack = sorted(children[None], key=lambda unit: unit.code, reverse=True)
    while stack:
        unit = stack.pop()
        parent = unit.parent.code if unit.parent_id in codes else ""
        yield [unit.code, unit.name, UNIT_KIND_LABELS[unit.kind], parent]
        stack.extend(sorted(children[unit.pk], key=lambda child: child.code, reverse=True))
