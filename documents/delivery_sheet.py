"""The sheet "Gửi văn bản": which cells a committee's document was sent to, and when.

A row names the document by its key (Số ký hiệu + Cơ quan ban hành, as in "Văn bản") and
the cell by its code. The writes go through `document_deliver`, the service of the form, so
its rules (only cells under the issuing unit, not before the document was issued, not in
the future) hold here too and come back as errors on the row. A delivery keeps its first
date: a row giving another date for a recorded delivery is an error.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import vn
from core.actors import SYSTEM
from organisation.models import Unit
from workbook import columns as col
from workbook import registry as wb
from workbook.codes import unknown

from . import services
from .models import Document, DocumentDelivery
from .sheets import DOCUMENT_SHEET, document_key

DELIVERY_SHEET = "Gửi văn bản"
COLUMNS = {"units": col.UNIT, "sent_on": "Ngày gửi"}
AS_IN_DOCUMENTS = "Như trong sheet Văn bản"


@dataclass
class Delivery:
    row: wb.Row
    key: tuple[str, str]
    unit: str


def _documents() -> dict[tuple[str, str], int]:
    return {
        document_key(number, issuer): pk
        for pk, number, issuer in Document.objects.values_list("pk", "number_symbol", "issuer")
    }


@wb.register
class DeliverySheet(wb.SheetHandler):
    sheet = DELIVERY_SHEET
    order = 27
    scoped = {"unit": "unit"}
    description = gettext_lazy("Documents of the committee sent to its cells, with the date.")
    columns = [
        col.text("Số ký hiệu", "number_symbol", AS_IN_DOCUMENTS, required=True),
        col.text("Cơ quan ban hành", "issuer", AS_IN_DOCUMENTS, required=True),
        col.unit("Mã chi bộ nhận văn bản"),
        col.date("Ngày gửi", "sent_on", required=True),
    ]

    def check(self, rows: list[wb.Row], ctx: wb.ImportContext) -> None:
        documents = set(_documents())
        declared = ctx.plans.get(DOCUMENT_SHEET)
        if declared is not None:
            documents |= {
                document_key(values["number_symbol"], values["issuer"])
                for _stored, values in declared.items
            }
        units = ctx.known("unit", lambda: Unit.objects.values_list("code", flat=True))
        sent = {
            (document_key(number, issuer), code): sent_on
            for number, issuer, code, sent_on in DocumentDelivery.objects.values_list(
                "document__number_symbol", "document__issuer", "unit__code", "sent_on"
            )
        }
        plan, seen = ctx.plan(self.sheet), dict[tuple[tuple[str, str], str], int]()
        for row in rows:
            if row.values.get("_invalid"):
                continue
            key = document_key(row["number_symbol"], row["issuer"])
            if key not in documents:
                ctx.error(
                    self.sheet,
                    row.number,
                    "Số ký hiệu",
                    _("no document %(number)s of %(issuer)s in the register or the sheet Văn bản.")
                    % {"number": row["number_symbol"], "issuer": row["issuer"]},
                )
                continue
            if unknown(ctx, self.sheet, row, col.UNIT, row["unit"], units) or ctx.repeated(
                self.sheet,
                row,
                col.UNIT,
                (key, row["unit"]),
                seen,
                _("this delivery is already on row %(row)s."),
            ):
                continue
            before = sent.get((key, row["unit"]))
            if before is not None and before != row["sent_on"]:
                ctx.error(
                    self.sheet,
                    row.number,
                    "Ngày gửi",
                    _("this document was recorded as sent to this cell on %(date)s.")
                    % {"date": vn.format_date(before)},
                )
                continue
            label = f"{row['number_symbol']} → {row['unit']}"
            wb.plan_row(plan, label, before, row["sent_on"], Delivery(row, key, row["unit"]))

    def apply(self, ctx: wb.ImportContext) -> None:
        items: list[Delivery] = ctx.plan(self.sheet).items
        if not items:
            return
        documents = _documents()
        units = {u.code: u for u in Unit.objects.filter(code__in={item.unit for item in items})}
        groups: dict[tuple, list[Delivery]] = defaultdict(list)
        for item in items:
            groups[(documents[item.key], item.row["sent_on"])].append(item)
        user = ctx.user if getattr(ctx.user, "pk", None) else SYSTEM
        for (document_pk, sent_on), group in groups.items():
            document = Document.objects.select_related("issued_by").get(pk=document_pk)
            try:
                services.document_deliver(
                    user=user,
                    document=document,
                    units=[units[item.unit] for item in group],
                    sent_on=sent_on,
                )
            except ValidationError as error:
                for item in group:
                    ctx.service_errors(self.sheet, item.row, error, COLUMNS)
            except PermissionDenied:
                for item in group:
                    ctx.error(
                        self.sheet,
                        item.row.number,
                        "Số ký hiệu",
                        _("you may not send this document."),
                    )

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        rows = (
            DocumentDelivery.objects.filter(unit__path__startswith=committee.path)
            .order_by("document__issued_on", "document__number_symbol", "unit__code")
            .values_list("document__number_symbol", "document__issuer", "unit__code", "sent_on")
        )
        for number, issuer, code, sent_on in rows:
            yield [number, issuer, code, sent_on]
