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
from workbook import columns as col
from workbook import registry as wb
from workbook.codes import (
    CodedSheet,
    known_people,
    known_units,
    number_cell,
    plausible,
    unknown,
)
from workbook.scope import paths_by_code, register_owner

from . import services
from .models import Activity, ActivityKind, Commendation

register_owner("activity", lambda codes: paths_by_code(Activity.objects, codes, "unit__path"))
register_owner(
    "commendation",
    lambda codes: paths_by_code(Commendation.objects, codes, "unit__path", "person__unit__path"),
)

LEVELS = {"Cấp cơ sở": Commendation.Level.GRASSROOTS, "Cấp trên": Commendation.Level.HIGHER}
LEVEL_LABELS = wb.labels_of(LEVELS)


def _organisation_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for name, short in MassOrganisation.objects.values_list("name", "short_name"):
        keys[vn.search_key(name)] = name
        if short:
            keys.setdefault(vn.search_key(short), name)
    return keys


@wb.register
class ActivitySheet(CodedSheet):
    sheet = "Hoạt động"
    order = 45
    scoped = {"code": "activity", "unit": "unit"}
    description = gettext_lazy(
        "Mass-organisation activities: organisation, unit, kind, date, participants, quantity."
    )
    columns = [
        col.text("Mã hoạt động", "code", "Mã duy nhất, ví dụ HD2019-001", required=True),
        col.text("Đoàn thể", "organisation", "Công đoàn, Đoàn Thanh niên, …", required=True),
        col.unit("Mã đơn vị tổ chức"),
        col.text("Loại", "kind", "Tình nguyện, Hiến máu, Từ thiện, …", required=True),
        col.date("Ngày", "date", required=True),
        col.text("Tên hoạt động", "title", required=True),
        wb.Column("Số người tham gia", "participants", False, wb.parse_int, "Số nguyên ≥ 0"),
        wb.Column(
            "Số lượng", "quantity", False, wb.parse_decimal, "Số ≥ 0, ví dụ 45 hoặc 12500000"
        ),
        col.text("Đơn vị tính", "measure_unit", "đơn vị máu, đồng, suất quà …"),
    ]
    model = Activity
    service = staticmethod(services.activities_import)
    related = ("organisation", "unit", "kind")

    def lookups(self, ctx: wb.ImportContext) -> dict[str, Any]:
        organisations = _organisation_keys()
        for name in ctx.cache.get("mass_organisations_new", []):
            organisations.setdefault(vn.search_key(name), name)
        kinds = {vn.search_key(k.name): k for k in ActivityKind.objects.all()}
        return {"units": known_units(ctx), "organisations": organisations, "kinds": kinds}

    def wanted(
        self, row: wb.Row, ctx: wb.ImportContext, known: dict[str, Any], before: Any
    ) -> dict[str, Any] | None:
        sheet = self.sheet
        ok = not row.values.get("_invalid")
        organisation = None
        if row["organisation"]:
            organisation = known["organisations"].get(vn.search_key(row["organisation"]))
            if organisation is None:
                ctx.error(
                    sheet,
                    row.number,
                    "Đoàn thể",
                    _("“%(value)s” is not a known mass organisation.")
                    % {"value": row["organisation"]},
                )
                ok = False
        ok &= not unknown(
            ctx,
            sheet,
            row,
            col.UNIT,
            row["unit"],
            known["units"],
            _("no unit has the code %(code)s (neither in the sheet Đơn vị nor in the database)."),
        )
        kind = None
        if row["kind"]:
            kind = known["kinds"].get(vn.search_key(row["kind"]))
            if kind is None:
                choices = ", ".join(k.name for k in known["kinds"].values())
                ctx.error(
                    sheet,
                    row.number,
                    "Loại",
                    _("“%(value)s” is not one of: %(choices)s.")
                    % {"value": row["kind"], "choices": choices},
                )
                ok = False
        ok &= plausible(ctx, sheet, row, "Ngày", row["date"])
        participants, quantity = row["participants"], row["quantity"]
        for header, number in (("Số người tham gia", participants), ("Số lượng", quantity)):
            if number is not None and number < 0:
                ctx.error(sheet, row.number, header, _("the number cannot be negative."))
                ok = False
        if quantity is not None and abs(quantity) >= Decimal("1e14"):
            ctx.error(sheet, row.number, "Số lượng", _("the number is too large."))
            ok = False
        if not ok or kind is None:
            return None
        return {
            "organisation": organisation,
            "unit": row["unit"],
            "kind": kind.pk,
            "date": row["date"],
            "title": row["title"],
            "participants": participants or 0,
            "quantity": quantity.quantize(Decimal("0.01")) if quantity is not None else None,
            "measure_unit": row["measure_unit"] or "",
        }

    def label(self, row: wb.Row) -> str:
        return f"{row['code']} — {row['title']}"

    def stored_values(self, activity: Activity) -> dict[str, Any]:
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
class CommendationSheet(CodedSheet):
    sheet = "Khen thưởng"
    order = 46
    scoped = {"code": "commendation", "subject": "subject"}
    description = gettext_lazy(
        "Commendations of people (members or not) and collectives: level, form, decision."
    )
    columns = [
        col.text("Mã khen thưởng", "code", "Mã duy nhất, ví dụ KT2019-001", required=True),
        col.subject(),
        wb.Column("Cấp", "level", True, wb.choice_parser(LEVELS), "Cấp cơ sở hoặc Cấp trên"),
        col.text("Hình thức", "form", "Giấy khen, Bằng khen …", required=True),
        col.text("Số quyết định", "decision_number"),
        col.date("Ngày quyết định", "decided_on", required=True),
        col.text("Lý do", "reason"),
    ]
    model = Commendation
    service = staticmethod(services.commendations_import)
    related = ("person", "unit")

    def lookups(self, ctx: wb.ImportContext) -> dict[str, Any]:
        return {"people": known_people(ctx), "units": known_units(ctx)}

    def wanted(
        self, row: wb.Row, ctx: wb.ImportContext, known: dict[str, Any], before: Any
    ) -> dict[str, Any] | None:
        sheet = self.sheet
        ok = not row.values.get("_invalid")
        subject = row["subject"]
        kind = None
        if subject:
            is_person, is_unit = subject in known["people"], subject in known["units"]
            if is_person and is_unit:
                message = _("%(code)s is both a person's and a unit's code.")
            elif not (is_person or is_unit):
                message = _("no person and no unit has the code %(code)s.")
            else:
                kind = "person" if is_person else "unit"
            if kind is None:
                ctx.error(sheet, row.number, col.SUBJECT, message % {"code": subject})
                ok = False
        ok &= plausible(ctx, sheet, row, "Ngày quyết định", row["decided_on"])
        if not ok:
            return None
        return {
            "subject": (kind, subject),
            "level": row["level"],
            "form": row["form"],
            "decision_number": row["decision_number"] or "",
            "decided_on": row["decided_on"],
            "reason": row["reason"] or "",
        }

    def label(self, row: wb.Row) -> str:
        return f"{row['code']} — {row['subject']}"

    def stored_values(self, item: Commendation) -> dict[str, Any]:
        subject = ("person", item.person.code) if item.person_id else ("unit", item.unit.code)
        return {
            "subject": subject,
            "level": item.level,
            "form": item.form,
            "decision_number": item.decision_number,
            "decided_on": item.decided_on,
            "reason": item.reason,
        }

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
