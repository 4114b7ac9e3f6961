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
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core import vn
from organisation.models import Unit
from workbook.registry import (
    CellError,
    Column,
    ImportContext,
    Row,
    SheetHandler,
    choice_parser,
    parse_date,
    parse_int,
    parse_text,
    register,
)

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
KIND_OF_VALUE = {value: label for label, value in KIND_LABELS.items()}
TOPIC_KIND_LABELS = {"Toàn khóa": StudyTopic.Kind.TERM, "Năm": StudyTopic.Kind.ANNUAL}
TOPIC_KIND_OF_VALUE = {value: label for label, value in TOPIC_KIND_LABELS.items()}

DOCUMENT_SHEET = "Văn bản"
TOPIC_SHEET = "Chuyên đề"


def number_key(number: str) -> str:
    return " ".join(number.split()).casefold()


def document_key(number: str, issuer: str) -> tuple[str, str]:
    return number_key(number), " ".join(issuer.split()).casefold()


def _issuing_units() -> dict[str, Unit | None]:
    """Our units by the diacritic-free key of their name; None where two share a name."""
    found: dict[str, Unit | None] = {}
    for unit in Unit.objects.all():
        key = vn.search_key(unit.name)
        found[key] = None if key in found else unit
    return found


def issuing_unit(issuer: str, units: dict[str, Unit | None]) -> Unit | None:
    """The unit of ours behind an issuing body's name: "Đảng ủy X" is the executive of the
    unit "Đảng bộ X"; a body of no unit of ours (the Politburo) gives None."""
    key = vn.search_key(issuer)
    for candidate in (key, key.replace("dang uy", "dang bo", 1)):
        if candidate in units:
            return units[candidate]
    return None


def parse_year(value: Any) -> int | None:
    """A whole number; a date or any other kind of cell is an error, not a crash."""
    if isinstance(value, (dt.date, dt.time, dt.timedelta, bool)):
        raise CellError(_("“%(value)s” is not a whole number.") % {"value": value})
    return parse_int(value)


def _too_long(
    ctx: ImportContext, sheet: str, row: Row, column: str, value: Any, limit: int
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


@dataclass
class DocumentItem:
    values: dict[str, Any]
    existing: Document | None


@register
class DocumentSheet(SheetHandler):
    sheet = DOCUMENT_SHEET
    order = 20
    description = gettext_lazy(
        "The register of documents: directives, resolutions, plans, guidance (one row each)."
    )
    columns = [
        Column("Số ký hiệu", "number_symbol", required=True, parse=parse_text),
        Column("Loại", "kind", required=True, parse=choice_parser(KIND_LABELS)),
        Column("Ngày ban hành", "issued_on", required=True, parse=parse_date),
        Column("Cơ quan ban hành", "issuer", required=True, parse=parse_text),
        Column("Trích yếu", "summary", required=True, parse=parse_text),
    ]

    def check(self, rows: list[Row], ctx: ImportContext) -> None:
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
            if key in seen:
                ctx.error(
                    self.sheet,
                    row.number,
                    headers["number_symbol"],
                    _("%(number)s of %(issuer)s is already in row %(row)s.")
                    % {"number": number, "issuer": issuer, "row": seen[key]},
                )
                continue
            seen[key] = row.number
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
            label = values["number_symbol"]
            if current is None:
                plan.created.append(label)
            elif any(getattr(current, name) != value for name, value in values.items()):
                plan.updated.append(label)
            else:
                plan.unchanged += 1
                continue
            plan.items.append(DocumentItem(values, current))
        ctx.declare("document", {number for number, _issuer in seen})

    def apply(self, ctx: ImportContext) -> None:
        items: list[DocumentItem] = ctx.plan(self.sheet).items
        units = _issuing_units()
        created, updated = [], []
        for item in items:
            document = item.existing or Document()
            for name, value in item.values.items():
                setattr(document, name, value)
            unit = issuing_unit(document.issuer, units)
            if unit is not None or item.existing is None:
                document.issued_by = unit
            document.fill_keys()
            (updated if item.existing else created).append(document)
        if created:
            bulk_create_with_history(created, Document, default_user=ctx.user)
        if updated:
            bulk_update_with_history(
                updated,
                Document,
                [
                    "number_symbol",
                    "kind",
                    "issued_on",
                    "issuer",
                    "summary",
                    "issued_by",
                    "search_key",
                ],
                default_user=ctx.user,
            )

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        documents = Document.objects.filter(
            Q(issued_by__isnull=True)
            | Q(issued_by__path__startswith=committee.path)
            | Q(pk__in=StudyTopic.objects.filter(document__isnull=False).values("document"))
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


@register
class StudyTopicSheet(SheetHandler):
    sheet = TOPIC_SHEET
    order = 25
    description = gettext_lazy(
        "Study topics, whole-term (Toàn khóa) and annual (Năm), each with its document."
    )
    columns = [
        Column("Mã chuyên đề", "code", required=True, parse=parse_text),
        Column("Tên chuyên đề", "title", required=True, parse=parse_text),
        Column("Loại", "kind", required=True, parse=choice_parser(TOPIC_KIND_LABELS)),
        Column("Năm bắt đầu", "start_year", required=True, parse=parse_year),
        Column("Năm kết thúc", "end_year", parse=parse_year),
        Column("Số ký hiệu văn bản", "document", parse=parse_text),
    ]

    def _documents_by_number(self, ctx: ImportContext) -> dict[str, dict[tuple[str, str], str]]:
        """Number key → {document key: issuer as written}, in the register or the sheet."""
        by_number: dict[str, dict[tuple[str, str], str]] = {}
        pairs = list(Document.objects.values_list("number_symbol", "issuer"))
        pairs += ctx.cache.get("documents:sheet_pairs", [])
        for number, issuer in pairs:
            key = document_key(number, issuer)
            by_number.setdefault(key[0], {}).setdefault(key, issuer)
        return by_number

    def check(self, rows: list[Row], ctx: ImportContext) -> None:
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
            for key in ("start_year", "end_year"):
                year = row[key]
                if year is not None and not 1930 <= year <= 2100:
                    ctx.error(
                        self.sheet,
                        row.number,
                        headers[key],
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
            key = None
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
            if current is None:
                plan.created.append(code)
            else:
                current_key = (
                    document_key(current.document.number_symbol, current.document.issuer)
                    if current.document
                    else None
                )
                same = current_key == key and all(
                    getattr(current, name) == value for name, value in values.items()
                )
                if same:
                    plan.unchanged += 1
                    continue
                plan.updated.append(code)
            plan.items.append(TopicItem(values, key, current))
        ctx.declare("study_topic", declared)

    def apply(self, ctx: ImportContext) -> None:
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
        created, updated = [], []
        for item in items:
            topic = item.existing or StudyTopic()
            for name, value in item.values.items():
                setattr(topic, name, value)
            topic.document = documents[item.document_key] if item.document_key else None
            topic.fill_keys()
            (updated if item.existing else created).append(topic)
        if created:
            bulk_create_with_history(created, StudyTopic, default_user=ctx.user)
        if updated:
            bulk_update_with_history(
                updated,
                StudyTopic,
                ["code", "title", "kind", "start_year", "end_year", "document", "search_key"],
                default_user=ctx.user,
            )

    def export_rows(self, committee: Any) -> Iterator[list[Any]]:
        for topic in StudyTopic.objects.select_related("document").order_by("start_year", "code"):
            yield [
                topic.code,
                topic.title,
                TOPIC_KIND_OF_VALUE[topic.kind],
                topic.start_year,
                topic.end_year,
                topic.document.number_symbol if topic.document else None,
            ]
