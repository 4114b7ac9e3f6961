"""Workbook sheets "Văn bản" and "Chuyên đề" (interchange.md), all or nothing.

A document's natural key is its number and symbol together with its issuing body (ignoring
case and spacing): importing a row whose key exists updates that document. A topic's key is
its code. A topic names its document by number and symbol; the document may be in the
register already or declared in the same workbook's "Văn bản" sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import vn
from workbook import columns as col
from workbook import registry as wb
from workbook.codes import BulkImportSheet
from workbook.scope import register_owner

from . import services
from .models import Document, StudyTopic

KIND_LABELS = {
    "Chỉ thị": Document.Kind.DIRECTIVE,
    "Nghị quyết": Document.Kind.RESOLUTION,
    "Kết luận": Document.Kind.CONCLUSION,
    "Kế hoạch": Document.Kind.PLAN,
    "Hướng dẫn": Document.Kind.GUIDANCE,
    "Báo cáo": Document.Kind.REPORT,
    "Quyết định": Document.Kind.DECISION,
    "Thông báo": Document.Kind.NOTICE,
    "Quy định": Document.Kind.REGULATION,
    "Khác": Document.Kind.OTHER,
}
KIND_OF_VALUE = wb.labels_of(KIND_LABELS)
TOPIC_KIND_LABELS = {"Toàn khóa": StudyTopic.Kind.TERM, "Năm": StudyTopic.Kind.ANNUAL}
TOPIC_KIND_OF_VALUE = wb.labels_of(TOPIC_KIND_LABELS)

DOCUMENT_SHEET = "Văn bản"
TOPIC_SHEET = "Chuyên đề"


def number_key(number: str) -> str:
    return " ".join(number.split()).casefold()


def document_key(number: str, issuer: str) -> tuple[str, str]:
    return number_key(number), " ".join(issuer.split()).casefold()


def _issuer_paths(issuers: set[str]) -> dict[str, str]:
    """The unit path behind each issuing body that names one of our units."""
    units = services.issuing_units()
    found = {name: services.issuing_unit(name, units) for name in issuers}
    return {name: unit.path for name, unit in found.items() if unit is not None}


def _topic_paths(codes: set[str]) -> dict[str, str]:
    """Topics whose document one of our units issued: that unit's path."""
    return dict(
        StudyTopic.objects.filter(code__in=codes, document__issued_by__isnull=False).values_list(
            "code", "document__issued_by__path"
        )
    )


def _number_paths(numbers: set[str]) -> dict[str, str]:
    """Document numbers, as written, of documents one of our units issued."""
    by_key = {number_key(number): number for number in numbers}
    found = {}
    for number, path in Document.objects.filter(issued_by__isnull=False).values_list(
        "number_symbol", "issued_by__path"
    ):
        if number_key(number) in by_key:
            found[by_key[number_key(number)]] = path
    return found


# A row naming a unit, a topic or a document of another committee is an error on that row.
register_owner("issuer", _issuer_paths)
register_owner("study_topic", _topic_paths)
register_owner("document_number", _number_paths)


def parse_year(value: Any) -> int | None:
    """A whole number; a date or any other kind of cell is an error, not a crash."""
    if isinstance(value, (dt.date, dt.time, dt.timedelta, bool)):
        raise wb.CellError(_("“%(value)s” is not a whole number.") % {"value": value})
    return wb.parse_int(value)


def _too_long(
    ctx: wb.ImportContext, sheet: str, row: wb.Row, column: str, value: Any, limit: int
) -> bool:
    if value and len(value) > limit:
        ctx.error(
            sheet,
            row.number,
            column,
            _("at most %(limit)s characters (this one has %(length)s).")
            % {"limit": limit, "length": len(value)},
        )
        return True
    return False


@wb.register
class DocumentSheet(BulkImportSheet):
    sheet = DOCUMENT_SHEET
    order = 20
    service = staticmethod(services.documents_import)
    scoped = {"issuer": "issuer"}
    description = gettext_lazy(
        "The register of documents: directives, resolutions, plans, guidance (one row each)."
    )
    columns = [
        col.text("Số ký hiệu", "number_symbol", required=True),
        wb.Column("Loại", "kind", required=True, parse=wb.choice_parser(KIND_LABELS)),
        col.date("Ngày ban hành", "issued_on", "", required=True),
        col.text("Cơ quan ban hành", "issuer", required=True),
        col.text("Trích yếu", "summary", required=True),
    ]

    def check(self, rows: list[wb.Row], ctx: wb.ImportContext) -> None:
        existing = {
            document_key(document.number_symbol, document.issuer): document
            for document in Document.objects.all()
        }
        plan = ctx.plan(self.sheet)
        seen: dict[tuple[str, str], int] = {}
        today = timezone.localdate()
        headers = {column.key: column.header for column in self.columns}
        for row in rows:
            invalid = row.values.get("_invalid", set())
            bad = bool(invalid)
            number, issuer = row["number_symbol"], row["issuer"]
            bad |= _too_long(ctx, self.sheet, row, headers["number_symbol"], number, 60)
            bad |= _too_long(ctx, self.sheet, row, headers["issuer"], issuer, 255)
            issued_on = row["issued_on"]
            if issued_on and issued_on > today:
                ctx.error(
                    self.sheet,
                    row.number,
                    headers["issued_on"],
                    _("the date %(date)s is in the future.") % {"date": vn.format_date(issued_on)},
                )
                bad = True
            if not number or not issuer:
                continue
            key = document_key(number, issuer)
            if ctx.repeated(
                self.sheet,
                row,
                headers["number_symbol"],
                key,
                seen,
                _("%(number)s of %(issuer)s is already in row %(row)s."),
                number=number,
                issuer=issuer,
            ):
                continue
            ctx.cache.setdefault("documents:sheet_pairs", []).append((number, issuer))
            if bad:
                continue
            values = {
                "number_symbol": " ".join(number.split()),
                "kind": row["kind"],
                "issued_on": issued_on,
                "issuer": " ".join(issuer.split()),
                "summary": row["summary"],
            }
            current = existing.get(key)
            before = current and {name: getattr(current, name) for name in values}
            wb.plan_row(plan, values["number_symbol"], before, values, (current, values))
        ctx.declare("document", {number for number, _issuer in seen})

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        documents = Document.objects.filter(
            Q(issued_by__isnull=True) | Q(issued_by__path__startswith=committee.path)
        ).order_by("issued_on", "number_symbol", "issuer")
        for document in documents:
            yield [
                document.number_symbol,
                KIND_OF_VALUE[document.kind],
                vn.format_date(document.issued_on),
                document.issuer,
                document.summary,
            ]


@dataclass
class TopicItem:
    values: dict[str, Any]
    document_key: tuple[str, str] | None
    existing: StudyTopic | None


def _document_key_of(topic: StudyTopic) -> tuple[str, str] | None:
    document = topic.document
    return document_key(document.number_symbol, document.issuer) if document else None


@wb.register
class StudyTopicSheet(wb.SheetHandler):
    sheet = TOPIC_SHEET
    order = 25
    scoped = {"code": "study_topic", "document": "document_number"}
    description = gettext_lazy(
        "Study topics, whole-term (Toàn khóa) and annual (Năm), each with its document."
    )
    columns = [
        col.text("Mã chuyên đề", "code", required=True),
        col.text("Tên chuyên đề", "title", required=True),
        wb.Column("Loại", "kind", required=True, parse=wb.choice_parser(TOPIC_KIND_LABELS)),
        wb.Column("Năm bắt đầu", "start_year", required=True, parse=parse_year),
        wb.Column("Năm kết thúc", "end_year", parse=parse_year),
        col.text("Số ký hiệu văn bản", "document"),
    ]

    def _documents_by_number(self, ctx: wb.ImportContext) -> dict[str, dict[tuple[str, str], str]]:
        """Number key → {document key: issuer as written}, in the register or the sheet."""
        by_number: dict[str, dict[tuple[str, str], str]] = {}
        pairs = list(Document.objects.values_list("number_symbol", "issuer"))
        pairs += ctx.cache.get("documents:sheet_pairs", [])
        for number, issuer in pairs:
            key = document_key(number, issuer)
            by_number.setdefault(key[0], {}).setdefault(key, issuer)
        return by_number

    def check(self, rows: list[wb.Row], ctx: wb.ImportContext) -> None:
        existing = {
            topic.code.casefold(): topic for topic in StudyTopic.objects.select_related("document")
        }
        by_number = self._documents_by_number(ctx)
        plan = ctx.plan(self.sheet)
        headers = {column.key: column.header for column in self.columns}
        seen: dict[str, int] = {}
        declared: set[str] = set()  # as written: other sheets refer to topics by exact code
        for row in rows:
            bad = bool(row.values.get("_invalid"))
            code = row["code"]
            bad |= _too_long(ctx, self.sheet, row, headers["code"], code, 40)
            if code:
                if code.casefold() in seen:
                    ctx.error(
                        self.sheet,
                        row.number,
                        headers["code"],
                        _("the code %(code)s is already in row %(row)s.")
                        % {"code": code, "row": seen[code.casefold()]},
                    )
                    continue
                seen[code.casefold()] = row.number
                declared.add(code)
            start, end, kind = row["start_year"], row["end_year"], row["kind"]
            for name in ("start_year", "end_year"):
                year = row[name]
                if year is not None and not 1930 <= year <= 2100:
                    ctx.error(
                        self.sheet,
                        row.number,
                        headers[name],
                        _("%(year)s is not a plausible year.") % {"year": year},
                    )
                    bad = True
            if start and end and not bad:
                if end < start:
                    ctx.error(
                        self.sheet,
                        row.number,
                        headers["end_year"],
                        _("The last year comes before the first year."),
                    )
                    bad = True
                elif kind == StudyTopic.Kind.ANNUAL and end != start:
                    ctx.error(
                        self.sheet,
                        row.number,
                        headers["end_year"],
                        _("An annual topic starts and ends in the same year."),
                    )
                    bad = True
            if kind == StudyTopic.Kind.TERM and start and end is None:
                ctx.error(
                    self.sheet,
                    row.number,
                    headers["end_year"],
                    _("a whole-term topic needs its last year."),
                )
                bad = True
            key: tuple[str, str] | None = None
            if row["document"]:
                matches = by_number.get(number_key(row["document"]), {})
                if not matches:
                    ctx.error(
                        self.sheet,
                        row.number,
                        headers["document"],
                        _("no document %(number)s in the register or in the sheet “Văn bản”.")
                        % {"number": row["document"]},
                    )
                    bad = True
                elif len(matches) > 1:
                    ctx.error(
                        self.sheet,
                        row.number,
                        headers["document"],
                        _("several issuing bodies have a document %(number)s (%(issuers)s).")
                        % {
                            "number": row["document"],
                            "issuers": ", ".join(sorted(matches.values())),
                        },
                    )
                    bad = True
                else:
                    key = next(iter(matches))
            if bad or not code:
                continue
            values = {
                "code": code,
                "title": row["title"],
                "kind": kind,
                "start_year": start,
                "end_year": end or start,
            }
            current = existing.get(code.casefold())
            before = current and (
                {name: getattr(current, name) for name in values},
                _document_key_of(current),
            )
            wb.plan_row(plan, code, before, (values, key), TopicItem(values, key, current))
        ctx.declare("study_topic", declared)

    def apply(self, ctx: wb.ImportContext) -> None:
        items: list[TopicItem] = ctx.plan(self.sheet).items
        numbers = {item.document_key[0] for item in items if item.document_key}
        documents = {}
        if numbers:
            # Narrow on the search key (SQLite ignores case for ASCII letters only), then key.
            query = Q(pk__in=[])
            for number in numbers:
                query |= Q(search_key__startswith=vn.search_key(number))
            documents = {
                document_key(document.number_symbol, document.issuer): document
                for document in Document.objects.filter(query)
            }
        rows = []
        for item in items:
            document = documents.get(item.document_key) if item.document_key else None
            rows.append((item.existing, {**item.values, "document": document}))
        services.study_topics_import(rows=rows, user=ctx.user)

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        topics = StudyTopic.objects.filter(
            Q(document__isnull=True)
            | Q(document__issued_by__isnull=True)
            | Q(document__issued_by__path__startswith=committee.path)
        )
        for topic in topics.select_related("document").order_by("start_year", "code"):
            yield [
                topic.code,
                topic.title,
                TOPIC_KIND_OF_VALUE[topic.kind],
                topic.start_year,
                topic.end_year,
                topic.document.number_symbol if topic.document else None,
            ]
