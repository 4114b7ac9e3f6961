"""Reads over the register: lists scoped to the user, delivery status and the delivery matrix.

Every function here runs a fixed number of queries, whatever the number of documents and
cells.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from core.policy import role_paths, subtree_q
from core.roles import Role
from core.search import filter_given, search
from organisation.models import Unit

from .models import Document, DocumentDelivery, StudyTopic
from .policies import documents as document_policy
from .policies import topics as topic_policy


def document_list(
    user: Any,
    *,
    text: str | None = None,
    kind: str | None = None,
    year: int | None = None,
    issuer: str | None = None,
) -> QuerySet[Document]:
    """The documents the user may read, searched and filtered."""
    queryset = document_policy.queryset_for(user).select_related("issued_by")
    queryset = search(queryset, text)
    queryset = filter_given(queryset, kind=kind, issued_on__year=year, issuer=issuer)
    return queryset.order_by("-issued_on", "number_symbol", "pk")


def document_years(user: Any) -> list[int]:
    dates = document_policy.queryset_for(user).dates("issued_on", "year", order="DESC")
    return [value.year for value in dates]


def document_issuers(user: Any) -> list[str]:
    return list(
        document_policy.queryset_for(user)
        .order_by("issuer")
        .values_list("issuer", flat=True)
        .distinct()
    )


def document_detail(user: Any, pk: int) -> Document:
    queryset = document_policy.queryset_for(user).select_related("issued_by")
    return _get(queryset, pk)


def _get(queryset: QuerySet, pk: int) -> Any:
    """The object inside what the user may see; outside it, it does not exist (404)."""
    try:
        return queryset.get(pk=pk)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc


@dataclass
class DeliveryRow:
    unit: Unit
    sent_on: dt.date | None


def deliverable_cells(document: Document) -> QuerySet[Unit]:
    """The cells a committee's document can go to: the cells below its issuing unit."""
    if document.issued_by is None or document.issued_by.is_cell:
        return Unit.objects.none()
    return Unit.objects.filter(
        path__startswith=document.issued_by.path, kind=Unit.Kind.CELL
    ).order_by("code")


def cells_to_deliver(user: Any, document: Document) -> QuerySet[Unit]:
    """The cells the document can still go to: those not yet sent it (of the ones he sees)."""
    sent = {row.unit.pk for row in delivery_status(user, document) if row.sent_on}
    return deliverable_cells(document).exclude(pk__in=sent)


def document_readable(user: Any, document: Document | None) -> bool:
    if document is None:
        return False
    return document_policy.queryset_for(user).filter(pk=document.pk).exists()


def delivery_status(user: Any, document: Document) -> list[DeliveryRow]:
    """Each cell that the user may see and that received the document or could receive it
    (the cells under its issuing unit), with the date it was sent (None: not sent). Two
    queries."""
    deliveries = {
        delivery.unit_id: delivery
        for delivery in DocumentDelivery.objects.filter(document=document).select_related("unit")
    }
    cells = {unit.pk: unit for unit in deliverable_cells(document)}
    for delivery in deliveries.values():
        cells.setdefault(delivery.unit_id, delivery.unit)
    if not getattr(user, "is_superuser", False):
        paths = role_paths(user, (Role.OFFICE, Role.INSPECTION, Role.SECRETARY))
        cells = {
            pk: unit for pk, unit in cells.items() if any(unit.path.startswith(p) for p in paths)
        }
    rows = [
        DeliveryRow(unit, deliveries[pk].sent_on if pk in deliveries else None)
        for pk, unit in cells.items()
    ]
    return sorted(rows, key=lambda row: row.unit.code)


@dataclass
class DeliveryMatrix:
    year: int | None
    years: list[int]
    documents: list[Document]
    cells: list[Unit]
    sent: dict[tuple[int, int], dt.date] = field(default_factory=dict)

    def rows(self) -> list[tuple[Unit, list[dt.date | None], int]]:
        """(cell, date sent per document or None, number of documents received)."""
        result = []
        for cell in self.cells:
            dates = [self.sent.get((document.pk, cell.pk)) for document in self.documents]
            result.append((cell, dates, sum(1 for value in dates if value)))
        return result

    def totals(self) -> list[int]:
        """Cells that received each document."""
        return [
            sum(1 for cell in self.cells if (document.pk, cell.pk) in self.sent)
            for document in self.documents
        ]


def _office_or_inspection_q(user: Any, lookup: str) -> Q:
    if getattr(user, "is_superuser", False):
        return Q()
    return subtree_q(role_paths(user, (Role.OFFICE, Role.INSPECTION)), lookup)


def delivery_matrix(user: Any, year: int | None = None) -> DeliveryMatrix:
    """Cells × the documents our committees issued in `year` (the latest year by default):
    which cell was sent which document, and when. Four queries at most."""
    issued = Document.objects.filter(
        _office_or_inspection_q(user, "issued_by__path"),
        issued_by__isnull=False,
    ).exclude(issued_by__kind=Unit.Kind.CELL)
    years = [value.year for value in issued.dates("issued_on", "year", order="DESC")]
    if year not in years:
        year = years[0] if years else None
    documents = list(issued.filter(issued_on__year=year).order_by("issued_on", "number_symbol"))
    cells = list(
        Unit.objects.filter(_office_or_inspection_q(user, "path"), kind=Unit.Kind.CELL).order_by(
            "code"
        )
    )
    sent = {}
    if documents:
        for document_id, unit_id, sent_on in DocumentDelivery.objects.filter(
            document__in=documents
        ).values_list("document_id", "unit_id", "sent_on"):
            sent[(document_id, unit_id)] = sent_on
    return DeliveryMatrix(year, years, documents, cells, sent)


def topic_list(user: Any, *, text: str | None = None, kind: str | None = None) -> QuerySet:
    queryset = topic_policy.queryset_for(user).select_related("document")
    queryset = search(queryset, text)
    return filter_given(queryset, kind=kind).order_by("start_year", "kind", "code")


def topic_detail(user: Any, pk: int) -> StudyTopic:
    return _get(
        topic_policy.queryset_for(user).select_related("document", "document__issued_by"), pk
    )


def topics_of_document(document: Document) -> QuerySet[StudyTopic]:
    return document.topics.order_by("start_year", "code")
