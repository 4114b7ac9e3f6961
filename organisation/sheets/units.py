"""The workbook sheet "Đơn vị": the party tree (docs/interchange.md)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.services import record_actor
from workbook import columns as col
from workbook.codes import unknown
from workbook.registry import (
    Column,
    ImportContext,
    Row,
    SheetHandler,
    choice_parser,
    register,
)

from ..models import Unit
from .common import NO_UNIT, UNIT_KIND_LABELS, UNIT_KINDS, date_text, import_user
from .unit_dates import DATE_HEADERS, check_dates
from .unit_profile import PROFILE_COLUMNS, PROFILE_HEADERS, check_profile, profile_wanted


@dataclass
class UnitItem:
    code: str
    name: str
    kind: str
    parent: str | None
    founded_on: dt.date | None
    dissolved_on: dt.date | None
    successor: str | None
    superior_body: str
    place: str
    new: bool = field(kw_only=True)


HEADERS = ("Tên đơn vị", "Loại", "Mã cấp trên", *DATE_HEADERS.values(), *PROFILE_HEADERS.values())


@register
class UnitSheet(SheetHandler):
    sheet = "Đơn vị"
    order = 10
    scoped = {"code": "unit", "parent": "unit"}
    defines = "unit"
    description = gettext_lazy(
        "The party tree: one row per unit (the committee, its sub-committees and cells)."
    )
    columns = [
        col.unit(
            gettext_lazy("Unique code of the unit, e.g. CB01. Used by the other sheets."),
            key="code",
        ),
        col.text(
            "Tên đơn vị",
            "name",
            gettext_lazy("Full name, e.g. Chi bộ Văn phòng Sở."),
            required=True,
        ),
        Column(
            "Loại",
            "kind",
            required=True,
            parse=choice_parser(UNIT_KINDS),
            help=gettext_lazy("One of: Đảng bộ, Đảng bộ bộ phận, Chi bộ."),
        ),
        col.text(
            "Mã cấp trên",
            "parent",
            gettext_lazy(
                "Code of the unit directly above; blank only for the root (the committee). "
                "Exactly one root."
            ),
        ),
        col.date(
            "Ngày thành lập",
            "founded_on",
            gettext_lazy("dd/mm/yyyy; blank when the unit exists since before the records."),
            optional=True,
        ),
        col.date(
            "Ngày giải thể",
            "dissolved_on",
            gettext_lazy(
                "dd/mm/yyyy; the unit exists until the day before. Blank: it still exists."
            ),
            optional=True,
        ),
        col.text(
            "Mã đơn vị tiếp nhận",
            "successor",
            gettext_lazy(
                "For a dissolved or merged unit: code of the unit its members and records went to."
            ),
            optional=True,
        ),
        *PROFILE_COLUMNS,
    ]

    def check(self, rows: list[Row], ctx: ImportContext) -> None:
        sheet = self.sheet
        code_h, kind_h, parent_h = "Mã đơn vị", "Loại", "Mã cấp trên"
        existing: dict[str, tuple[Any, ...]] = {
            code: tuple(values)
            for code, *values in Unit.objects.values_list(
                "code",
                "name",
                "kind",
                "parent__code",
                "founded_on",
                "dissolved_on",
                "successor__code",
                "superior_body",
                "place",
            )
        }
        seen: dict[str, Row] = {}
        first_rows: dict[str, int] = {}
        for row in rows:
            code = row["code"]
            if code is not None and not ctx.repeated(sheet, row, code_h, code, first_rows):
                seen[code] = row
        ctx.declare("unit", seen)
        for code, row in seen.items():
            above = existing.get(code, (None, None, None))[2]
            if row["parent"] is None and above is not None and above not in seen:
                # The workbook of a committee inside a larger tree (its own export leaves the
                # parent blank): the committee stays where it is.
                row.values["parent"] = above
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
            if unknown(ctx, sheet, row, parent_h, parent, parents, NO_UNIT):
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
        wanted_of = {code: self._wanted(row, existing.get(code)) for code, row in seen.items()}
        bad |= check_dates(self.sheet, seen, wanted_of, existing, kinds, ctx)
        bad |= check_profile(self.sheet, seen, ctx)
        # The dates each unit will have, for the sheet "Biến động".
        ctx.cache["unit_spans"] = {
            code: (values[3], values[4]) for code, values in {**existing, **wanted_of}.items()
        }
        plan = ctx.plan(sheet)
        for code, row in seen.items():
            if code in bad or row.values.get("_invalid"):
                continue
            wanted = wanted_of[code]
            label = f"{code} — {row['name']}"
            if code not in existing:
                plan.created.append(label)
            elif existing[code] != wanted:
                changed = ", ".join(
                    header
                    for header, old, new in zip(HEADERS, existing[code], wanted, strict=True)
                    if old != new
                )
                plan.updated.append(f"{label} ({changed})")
            else:
                plan.unchanged += 1
                continue
            plan.items.append(UnitItem(code, *wanted, new=code not in existing))

    @staticmethod
    def _wanted(row: Row, before: tuple | None) -> tuple:
        """The unit's values after import; an absent optional column keeps the stored one."""
        values = [row["name"], row["kind"], row["parent"]]
        for index, key in enumerate(DATE_HEADERS, start=3):
            values.append(row[key] if key in row.values else (before[index] if before else None))
        return (*values, *profile_wanted(row, before[6:] if before else None))

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
        user = import_user(ctx)
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
            unit.founded_on, unit.dissolved_on = item.founded_on, item.dissolved_on
            unit.superior_body, unit.place = item.superior_body, item.place
            unit.successor = None  # set below, once every unit exists
            record_actor(unit, user).save()
            units[item.code] = unit
        for item in ordered:
            if item.successor:
                unit = units[item.code]
                unit.successor = units[item.successor]
                unit.save(update_fields=["successor"])
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


def unit_rows(committee: Any) -> Iterator[list[Any]]:
    """The sheet Đơn vị of `committee`'s subtree, parents first, siblings by code; the
    committee itself is the root (its own parent is left out)."""
    found = Unit.objects.select_related("parent", "successor")
    if committee is not None:
        found = found.filter(path__startswith=committee.path)
    units = list(found)
    codes = {unit.pk for unit in units}
    children: dict[int | None, list[Unit]] = defaultdict(list)
    for unit in units:
        children[unit.parent_id if unit.parent_id in codes else None].append(unit)
    stack = sorted(children[None], key=lambda unit: unit.code, reverse=True)
    while stack:
        unit = stack.pop()
        parent = unit.parent.code if unit.parent_id in codes else ""
        successor = unit.successor.code if unit.successor_id else ""
        root = unit.parent_id not in codes
        yield [
            unit.code,
            unit.name,
            UNIT_KIND_LABELS[unit.kind],
            parent,
            date_text(unit.founded_on),
            date_text(unit.dissolved_on),
            successor,
            unit.superior_body if root else "",
            unit.place if root else "",
        ]
        stack.extend(sorted(children[unit.pk], key=lambda child: child.code, reverse=True))
