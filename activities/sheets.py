"""The "Hoạt động" (order 45) and "Khen thưởng" (order 46) sheets.

Hoạt động: Mã hoạt động · Đoàn thể · Mã đơn vị · Loại · Ngày · Tên hoạt động ·
Số người tham gia · Số lượng · Đơn vị tính.
Khen thưởng: Mã khen thưởng · Mã đối tượng · Cấp · Hình thức · Số quyết định ·
Ngày quyết định · Lý do (Mã đối tượng: a person's code or a unit's code).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import vn
from organisation.models import MassOrganisation
from workbook import registry as wb
from workbook.codes import known_people, known_units, number_cell, plausible
from workbook.scope import paths_by_code, register_owner

from . import services
from .models import Activity, ActivityKind, Commendation

register_owner("activity", lambda codes: paths_by_code(Activity.objects, codes, "unit__path"))
register_owner(
    "commendation",
    lambda codes: paths_by_code(Commendation.objects, codes, "unit__path", "person__unit__path"),
)

LEVELS = {"Cấp cơ sở": Commendation.Level.GRASSROOTS, "Cấp trên": Commendation.Level.HIGHER}
LEVEL_LABELS = {value: label for label, value in LEVELS.items()}


def _organisation_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for name, short in MassOrganisation.objects.values_list("name", "short_name"):
        keys[vn.search_key(name)] = name
        if short:
            keys.setdefault(vn.search_key(short), name)
    return keys


@wb.register
class ActivitySheet(wb.SheetHandler):
    sheet = "Hoạt động"
    order = 45
    scoped = {"code": "activity", "unit": "unit"}
    description = gettext_lazy(
        "Mass-organisation activities: organisation, unit, kind, date, participants, quantity."
    )
    columns = [
        wb.Column("Mã hoạt động", "code", True, wb.parse_text, "Mã duy nhất, ví dụ HD2019-001"),
        wb.Column("Đoàn thể", "organisation", True, wb.parse_text, "Công đoàn, Đoàn Thanh niên, …"),
        wb.Column("Mã đơn vị", "unit", True, wb.parse_text, "Mã đơn vị tổ chức"),
        wb.Column("Loại", "kind", True, wb.parse_text, "Tình nguyện, Hiến máu, Từ thiện, …"),
        wb.Column("Ngày", "date", True, wb.parse_date, "dd/mm/yyyy"),
        wb.Column("Tên hoạt động", "title", True, wb.parse_text),
        wb.Column("Số người tham gia", "participants", False, wb.parse_int, "Số nguyên ≥ 0"),
        wb.Column(
            "Số lượng", "quantity", False, wb.parse_decimal, "Số ≥ 0, ví dụ 45 hoặc 12500000"
        ),
        wb.Column(
            "Đơn vị tính", "measure_unit", False, wb.parse_text, "đơn vị máu, đồng, suất quà …"
        ),
    ]

    def check(self, rows: list[wb.Row], ctx: wb.ImportContext) -> None:
        sheet = self.sheet
        units = known_units(ctx)
        organisations = _organisation_keys()
        for name in ctx.cache.get("mass_organisations_new", []):
            organisations.setdefault(vn.search_key(name), name)
        kinds = {vn.search_key(k.name): k for k in ActivityKind.objects.all()}
        existing = {
            a.code: a
            for a in Activity.objects.select_related("organisation", "unit", "kind").filter(
                code__in={row["code"] for row in rows if row["code"]}
            )
        }
        seen: dict[str, int] = {}
        plan = ctx.plan(sheet)
        for row in rows:
            code = row["code"]
            ok = not row.values.get("_invalid")
            if ctx.repeated(sheet, row, "Mã hoạt động", code, seen):
                continue
            organisation = None
            if row["organisation"]:
                organisation = organisations.get(vn.search_key(row["organisation"]))
                if organisation is None:
                    ctx.error(
                        sheet,
                        row.number,
                        "Đoàn thể",
                        _("“%(value)s” is not a known mass organisation.")
                        % {"value": row["organisation"]},
                    )
                    ok = False
            if row["unit"] and row["unit"] not in units:
                ctx.error(
                    sheet,
                    row.number,
                    "Mã đơn vị",
                    _(
                        "no unit has the code %(code)s (neither in the sheet Đơn vị nor in the "
                        "database)."
                    )
                    % {"code": row["unit"]},
                )
                ok = False
            kind = None
            if row["kind"]:
                kind = kinds.get(vn.search_key(row["kind"]))
                if kind is None:
                    ctx.error(
                        sheet,
                        row.number,
                        "Loại",
                        _("“%(value)s” is not one of: %(choices)s.")
                        % {
                            "value": row["kind"],
                            "choices": ", ".join(k.name for k in kinds.values()),
                        },
                    )
                    ok = False
            ok &= plausible(ctx, sheet, row, "Ngày", row["date"])
            participants = row["participants"]
            if participants is not None and participants < 0:
                ctx.error(
                    sheet, row.number, "Số người tham gia", _("the number cannot be negative.")
                )
                ok = False
            quantity = row["quantity"]
            if quantity is not None and quantity < 0:
                ctx.error(sheet, row.number, "Số lượng", _("the number cannot be negative."))
                ok = False
            if quantity is not None and abs(quantity) >= Decimal("1e14"):
                ctx.error(sheet, row.number, "Số lượng", _("the number is too large."))
                ok = False
            if not ok or code is None:
                continue
            values = {
                "organisation": organisation,
                "unit": row["unit"],
                "kind": kind.pk,
                "date": row["date"],
                "title": row["title"],
                "participants": participants or 0,
                "quantity": quantity.quantize(Decimal("0.01")) if quantity is not None else None,
                "measure_unit": row["measure_unit"] or "",
            }
            before = existing.get(code)
            label = f"{code} — {row['title']}"
            wb.plan_row(plan, label, before and self._values(before), values, (code, values))

    @staticmethod
    def _values(activity: Activity) -> dict[str, Any]:
        return {
            "organisation": activity.organisation.name,
            "unit": activity.unit.code,
            "kind": activity.kind_id,
            "date": activity.date,
            "title": activity.title,
            "participants": activity.participants,
            "quantity": activity.quantity,
            "measure_unit": activity.measure_unit,
        }

    def apply(self, ctx: wb.ImportContext) -> None:
        services.activities_import(rows=ctx.plan(self.sheet).items, user=ctx.user)

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        rows = (
            Activity.objects.filter(unit__path__startswith=committee.path)
            .order_by("code")
            .values_list(
                "code",
                "organisation__name",
                "unit__code",
                "kind__name",
                "date",
                "title",
                "participants",
                "quantity",
                "measure_unit",
            )
        )
        for code, org, unit, kind, date, title, participants, quantity, measure in rows:
            yield [
                code,
                org,
                unit,
                kind,
                vn.format_date(date),
                title,
                participants,
                number_cell(quantity),
                measure or None,
            ]


@wb.register
class CommendationSheet(wb.SheetHandler):
    sheet = "Khen thưởng"
    order = 46
    scoped = {"code": "commendation", "subject": "subject"}
    description = gettext_lazy(
        "Commendations of people (members or not) and collectives: level, form, decision."
    )
    columns = [
        wb.Column("Mã khen thưởng", "code", True, wb.parse_text, "Mã duy nhất, ví dụ KT2019-001"),
        wb.Column("Mã đối tượng", "subject", True, wb.parse_text, "Mã nhân sự hoặc mã đơn vị"),
        wb.Column("Cấp", "level", True, wb.choice_parser(LEVELS), "Cấp cơ sở hoặc Cấp trên"),
        wb.Column("Hình thức", "form", True, wb.parse_text, "Giấy khen, Bằng khen …"),
        wb.Column("Số quyết định", "decision_number", False, wb.parse_text),
        wb.Column("Ngày quyết định", "decided_on", True, wb.parse_date, "dd/mm/yyyy"),
        wb.Column("Lý do", "reason", False, wb.parse_text),
    ]

    def check(self, rows: list[wb.Row], ctx: wb.ImportContext) -> None:
        sheet = self.sheet
        people = known_people(ctx)
        units = known_units(ctx)
        existing = {
            c.code: c
            for c in Commendation.objects.select_related("person", "unit").filter(
                code__in={row["code"] for row in rows if row["code"]}
            )
        }
        seen: dict[str, int] = {}
        plan = ctx.plan(sheet)
        for row in rows:
            code = row["code"]
            ok = not row.values.get("_invalid")
            if ctx.repeated(sheet, row, "Mã khen thưởng", code, seen):
                continue
            subject = row["subject"]
            kind = None
            if subject:
                is_person, is_unit = subject in people, subject in units
                if is_person and is_unit:
                    ctx.error(
                        sheet,
                        row.number,
                        "Mã đối tượng",
                        _("%(code)s is both a person's and a unit's code.") % {"code": subject},
                    )
                    ok = False
                elif not (is_person or is_unit):
                    ctx.error(
                        sheet,
                        row.number,
                        "Mã đối tượng",
                        _("no person and no unit has the code %(code)s.") % {"code": subject},
                    )
                    ok = False
                else:
                    kind = "person" if is_person else "unit"
            ok &= plausible(ctx, sheet, row, "Ngày quyết định", row["decided_on"])
            if not ok or code is None:
                continue
            values = {
                "subject": (kind, subject),
                "level": row["level"],
                "form": row["form"],
                "decision_number": row["decision_number"] or "",
                "decided_on": row["decided_on"],
                "reason": row["reason"] or "",
            }
            before = existing.get(code)
            label = f"{code} — {subject}"
            wb.plan_row(plan, label, before and self._values(before), values, (code, values))

    @staticmethod
    def _values(item: Commendation) -> dict[str, Any]:
        subject = ("person", item.person.code) if item.person_id else ("unit", item.unit.code)
        return {
            "subject": subject,
            "level": item.level,
            "form": item.form,
            "decision_number": item.decision_number,
            "decided_on": item.decided_on,
            "reason": item.reason,
        }

    def apply(self, ctx: wb.ImportContext) -> None:
        services.commendations_import(rows=ctx.plan(self.sheet).items, user=ctx.user)

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        from django.db.models import Q

        rows = (
            Commendation.objects.filter(
                Q(unit__path__startswith=committee.path)
                | Q(person__unit__path__startswith=committee.path)
            )
            .order_by("code")
            .values_list(
                "code",
                "person__code",
                "unit__code",
                "level",
                "form",
                "decision_number",
                "decided_on",
                "reason",
            )
        )
        for code, person, unit, level, form, number, decided_on, reason in rows:
            yield [
                code,
                person or unit,
                LEVEL_LABELS.get(level, level),
                form,
                number or None,
                vn.format_date(decided_on),
                reason or None,
            ]
