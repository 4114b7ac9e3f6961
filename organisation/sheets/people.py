"""The workbook sheet "Nhân sự": party members and non-member staff (docs/interchange.md)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
    date_column,
    date_text,
    import_user,
    parse_names,
    text_column,
)
from .people_fields import (
    DATE_COLUMNS,
    HISTORY_SHEET,
    PERSON_HEADERS,
    PERSON_VALUE_FIELDS,
    MassNames,
    PersonItem,
    PersonValues,
    Shared,
    mass_names,
    person_rows,
    planned_history,
)
from .people_write import create_people, set_mass, update_people

__all__ = ["DATE_COLUMNS", "HISTORY_SHEET", "PERSON_HEADERS", "PERSON_VALUE_FIELDS", "PersonItem"]


@register
class PersonSheet(SheetHandler):
    sheet = "Nhân sự"
    order = 20
    scoped = {"code": "person", "unit": "unit"}
    defines = "person"
    streams = True
    description = gettext_lazy(
        "Party members and non-member staff, with their party dates and mass organisations."
    )
    columns = [
        text_column("Mã nhân sự", "code", gettext_lazy("Unique code of the person, e.g. NS00001.")),
        text_column(
            "Họ và tên",
            "full_name",
            gettext_lazy("Family, middle and given name, e.g. Nguyễn Văn An."),
        ),
        date_column("Ngày sinh", "birth_date", gettext_lazy("dd/mm/yyyy")),
        Column(
            "Giới tính", "gender", parse=choice_parser(GENDERS), help=gettext_lazy("Nam or Nữ.")
        ),
        text_column(
            "Mã đơn vị",
            "unit",
            gettext_lazy(
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
        date_column(
            "Ngày vào Đảng",
            "party_joined_on",
            gettext_lazy("dd/mm/yyyy; required for a party member."),
        ),
        date_column(
            "Ngày chính thức",
            "party_official_on",
            gettext_lazy("dd/mm/yyyy; blank for a probationary member."),
        ),
        date_column(
            "Ngày chuyển đi",
            "moved_out_on",
            gettext_lazy("dd/mm/yyyy; blank while the person is still on the roll."),
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
    def _existing() -> dict[str, PersonValues]:
        """Code → the values each stored person has on the sheet (a tuple per person)."""
        mass = mass_names([Person.mass_organisations.through.objects.all()])
        shared = Shared()
        existing: dict[str, PersonValues] = {}
        rows = person_rows(Person.objects.all()).iterator(chunk_size=5000)
        for pk, code, name, birth, gender, unit, status, joined, official, moved, position in rows:
            existing[code] = PersonValues(
                name,
                birth,
                gender or "",
                shared(unit),
                status or "",
                joined,
                official,
                moved,
                shared(position or ""),
                shared(frozenset(mass.get(pk, ()))),
            )
        return existing

    def check(self, rows: Iterable[Row], ctx: ImportContext) -> None:
        """One pass over the rows as they are read (`streams`): a row is checked and let go;
        only a tuple of each person to write is kept."""
        sheet = self.sheet
        today = timezone.localdate()
        existing = self._existing()
        units = ctx.known("unit", lambda: Unit.objects.values_list("code", flat=True))
        masses = MassNames()
        shared = Shared()  # cells, positions and mass organisations repeat on many rows
        seen: dict[str, int] = {}
        plan = ctx.plan(sheet)
        for row in rows:
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
            mass = masses.canonical(row["mass"])
            if not ok:
                continue
            values = PersonValues(
                row["full_name"],
                row["birth_date"],
                row["gender"] or "",
                shared(unit),
                row["party_status"] or "",
                row["party_joined_on"],
                row["party_official_on"],
                row["moved_out_on"],
                shared(row["position"] or ""),
                shared(mass),
            )
            before = existing.pop(code, None)
            if before is None:
                plan.created.append(f"{code} — {values.full_name}")
            elif before != values:
                changed = ", ".join(
                    PERSON_HEADERS[key]
                    for key, new, old in zip(PERSON_VALUE_FIELDS, values, before, strict=True)
                    if new != old
                )
                plan.updated.append(f"{code} — {values.full_name} ({changed})")
            else:
                plan.unchanged += 1
                continue
            plan.items.append(PersonItem(code, values, new=before is None))
        # Later sheets (attendance, pledges, ratings …) may refer to people of this workbook.
        ctx.declare("person", seen)
        ctx.cache["mass_organisations_new"] = masses.new
        if masses.new and plan.items:
            plan.created.extend(
                _("mass organisation: %(name)s") % {"name": name} for name in masses.new
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
        # "Ngày chuyển đi" is shorthand for a "Chuyển sinh hoạt đi" event on that day.
        moved_out = {
            item.code: item.fields.moved_out_on for item in items if item.fields.moved_out_on
        }
        written: list[tuple[int, str, int]] = []  # pk, code, cell of every person written
        new_links: dict[int, frozenset[str]] = {}
        changed_links: dict[int, frozenset[str]] = {}
        for batch in chunks([item for item in items if item.new], BATCH):
            create_people(batch, unit_ids, user, written, new_links)
        for batch in chunks([item for item in items if not item.new], BATCH):
            update_people(batch, unit_ids, user, ctx, written, changed_links)
        for batch in chunks(written, BATCH):
            moving = [pk for pk, code, _unit in batch if code in moved_out]
            existing = set(
                MemberEvent.objects.filter(
                    person_id__in=moving, kind=MemberEvent.Kind.MOVE_OUT
                ).values_list("person_id", "date")
            )
            events = [
                MemberEvent(
                    person_id=pk, kind=MemberEvent.Kind.MOVE_OUT, date=day, from_unit_id=unit
                )
                for pk, code, unit in batch
                if (day := moved_out.get(code)) and (pk, day) not in existing
            ]
            if events:
                bulk_create_with_history(events, MemberEvent, batch_size=BATCH, default_user=user)
        # People with "Biến động" rows are rebuilt once their events are in (history.py).
        later = planned_history(ctx)
        membership.rebuild(pk for pk, code, _unit in written if code not in later)
        set_mass(new_links, organisation_ids, replace=False)
        set_mass(changed_links, organisation_ids)

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
