"""The workbook sheet "Nhân sự": party members and non-member staff (docs/interchange.md)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history

from workbook.registry import (
    Column,
    ImportContext,
    Row,
    SheetHandler,
    choice_parser,
    consumed,
    parse_date,
    parse_text,
    register,
)

from .. import membership
from ..models import MassOrganisation, MemberEvent, Person, Unit, person_date_errors
from .common import (
    BATCH,
    GENDER_LABELS,
    GENDERS,
    PARTY,
    PARTY_LABELS,
    chunks,
    date_text,
    import_user,
    parse_names,
)
from .people_fields import (
    DATE_COLUMNS,
    HISTORY_SHEET,
    PERSON_HEADERS,
    PERSON_VALUE_FIELDS,
    PersonItem,
    mass_key,
    mass_names,
    person_rows,
    planned_history,
    set_mass,
)
from .people_write import create_people, update_people

__all__ = ["DATE_COLUMNS", "HISTORY_SHEET", "PERSON_HEADERS", "PERSON_VALUE_FIELDS", "PersonItem"]


@register
class PersonSheet(SheetHandler):
    sheet = "Nhân sự"
    order = 20
    scoped = {"code": "person", "unit": "unit"}
    defines = "person"
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
        rows = person_rows(Person.objects.all())
        existing: dict[str, dict[str, Any]] = {}
        ids: dict[str, int] = {}
        mass = mass_names([Person.mass_organisations.through.objects.all()])
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
            organisations[mass_key(name)] = name
            if short:
                organisations.setdefault(mass_key(short), name)
        new_organisations: dict[str, str] = {}
        seen: dict[str, int] = {}
        plan = ctx.plan(sheet)
        for row in consumed(rows):
            code = row["code"]
            invalid = row.values.get("_invalid") or set()
            if code is None:
                continue
            if ctx.repeated(sheet, row, "Mã nhân sự", code, seen):
                continue
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
                key = mass_key(name)
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
        """Write in batches, keeping only (pk, code, cell) of each person written, so that
        memory follows the batch size rather than the number of people (100,000 at once)."""
        items: list[PersonItem] = ctx.plan(self.sheet).items
        if not items:
            return
        user = import_user(ctx)
        unit_ids = dict(Unit.objects.values_list("code", "id"))
        new_names = ctx.cache.get("mass_organisations_new", [])
        if new_names:
            MassOrganisation.objects.bulk_create(
                [MassOrganisation(name=name) for name in new_names], ignore_conflicts=True
            )
        organisation_ids = dict(MassOrganisation.objects.values_list("name", "id"))
        values_of = {item.code: item.values for item in items}
        written: list[tuple[int, str, int]] = []  # pk, code, cell of every person written
        mass_links: dict[int, frozenset[str]] = {}
        for batch in chunks([item for item in items if item.new], BATCH):
            create_people(batch, unit_ids, user, written, mass_links)
        for batch in chunks([item for item in items if not item.new], BATCH):
            update_people(batch, unit_ids, user, ctx, written, mass_links)
        # "Ngày chuyển đi" is shorthand for a "Chuyển sinh hoạt đi" event on that day.
        for batch in chunks(written, BATCH):
            existing = set(
                MemberEvent.objects.filter(
                    person_id__in=[pk for pk, _code, _unit in batch],
                    kind=MemberEvent.Kind.MOVE_OUT,
                ).values_list("person_id", "date")
            )
            events = [
                MemberEvent(
                    person_id=pk, kind=MemberEvent.Kind.MOVE_OUT, date=day, from_unit_id=unit
                )
                for pk, code, unit in batch
                if (day := values_of[code].get("moved_out_on")) and (pk, day) not in existing
            ]
            if events:
                bulk_create_with_history(events, MemberEvent, batch_size=BATCH, default_user=user)
        # People with "Biến động" rows are rebuilt once their events are in (history.py).
        later = planned_history(ctx)
        membership.rebuild(pk for pk, code, _unit in written if code not in later)
        set_mass(mass_links, organisation_ids)

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        people = Person.objects.all()
        if committee is not None:
            people = people.filter(unit__path__startswith=committee.path)
        through = Person.mass_organisations.through
        links = mass_names([through.objects.filter(person__in=people)])
        rows = person_rows(people.order_by("code"))
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
                date_text(birth),
                GENDER_LABELS.get(gender, ""),
                unit,
                PARTY_LABELS.get(status, ""),
                date_text(joined),
                date_text(official),
                date_text(moved),
                position,
                ", ".join(sorted(links.get(pk, []))),
            ]
