"""The only writes to documents, deliveries and study topics."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import files, vn
from core.actors import acting
from core.services import model_update, record_actor, save_as
from organisation.models import Unit

from .models import Document, DocumentDelivery, StudyTopic
from .policies import documents as document_policy
from .policies import topics as topic_policy
from .selectors import deliverable_cells
from .validators import validate_attachment

DOCUMENT_FIELDS = ("number_symbol", "kind", "issued_on", "issuer", "summary", "issued_by")


def _save_document(document: Document, user: Any) -> Document:
    try:
        with transaction.atomic():
            save_as(document, user)
    except IntegrityError as exc:  # two offices registering the same number at once
        raise ValidationError(
            {"number_symbol": _("The register already holds this number for this issuer.")}
        ) from exc
    return document


def _check_issuer(user: Any, unit: Unit | None) -> None:
    if not document_policy.can_issue_for(acting(user), unit):
        raise ValidationError({"issued_by": _("You may not register documents of this unit.")})


@transaction.atomic
def document_create(
    *,
    user: Any,
    number_symbol: str,
    kind: str,
    issued_on: dt.date,
    issuer: str,
    summary: str,
    issued_by: Unit | None = None,
    file: Any = None,
) -> Document:
    """Register a document. The importer and the demo act as `core.actors.SYSTEM`."""
    _check_issuer(user, issued_by)
    validate_attachment(file)
    document = Document(
        number_symbol=number_symbol,
        kind=kind,
        issued_on=issued_on,
        issuer=issuer,
        summary=summary,
        issued_by=issued_by,
    )
    if file:
        document.file = files.accept_field("file", file, files.OFFICE, stem="van-ban")
    return _save_document(document, user)


@transaction.atomic
def document_update(*, user: Any, document: Document, file: Any = None, **fields: Any) -> Document:
    """Change a document's particulars (fields of DOCUMENT_FIELDS) and optionally its file;
    `file=False` removes the attached file."""
    if not document_policy.can(acting(user), "change", document):
        raise PermissionDenied
    if "issued_by" in fields:
        _check_issuer(user, fields["issued_by"])
    model_update(document, fields, allowed=DOCUMENT_FIELDS, save=False)
    if file is False:
        document.file = ""
    elif file:
        validate_attachment(file)
        document.file = files.accept_field("file", file, files.OFFICE, stem="van-ban")
    return _save_document(document, user)


@transaction.atomic
def document_deliver(
    *, user: Any, document: Document, units: Iterable[Unit], sent_on: dt.date
) -> list[DocumentDelivery]:
    """Record that the document was sent to these cells on `sent_on`; cells already sent it
    keep their first date. Returns the new deliveries."""
    if not document_policy.can_deliver(acting(user), document):
        raise PermissionDenied
    units = list(units)
    if not units:
        raise ValidationError({"units": _("Choose at least one cell.")})
    allowed = set(deliverable_cells(document).values_list("pk", flat=True))
    outside = [unit.name for unit in units if unit.pk not in allowed]
    if outside:
        raise ValidationError(
            {
                "units": _("These units are not cells under the issuing unit: %(units)s.")
                % {"units": ", ".join(outside)}
            }
        )
    if sent_on > timezone.localdate():
        raise ValidationError(
            {
                "sent_on": _("The date sent %(date)s is in the future.")
                % {"date": vn.format_date(sent_on)}
            }
        )
    if sent_on < document.issued_on:
        raise ValidationError(
            {
                "sent_on": _("A document cannot be sent before it is issued (%(date)s).")
                % {"date": vn.format_date(document.issued_on)}
            }
        )
    already = set(document.deliveries.values_list("unit_id", flat=True))
    deliveries = [
        DocumentDelivery(document=document, unit=unit, sent_on=sent_on)
        for unit in units
        if unit.pk not in already
    ]
    for delivery in deliveries:
        record_actor(delivery, user).save()
    return deliveries


def _require_term_end(kind: str, end_year: int | None) -> None:
    """An annual topic's last year defaults to its first; a whole-term topic must say it."""
    if kind == StudyTopic.Kind.TERM and not end_year:
        raise ValidationError({"end_year": _("A whole-term topic needs its last year.")})


TOPIC_FIELDS = ("code", "title", "kind", "start_year", "end_year", "document")


@transaction.atomic
def study_topic_create(
    *,
    user: Any,
    code: str,
    title: str,
    kind: str,
    start_year: int,
    end_year: int | None = None,
    document: Document | None = None,
) -> StudyTopic:
    """Add a study topic; an annual topic's last year defaults to its first."""
    if not topic_policy.can(acting(user), "add"):
        raise PermissionDenied
    _require_term_end(kind, end_year)
    topic = StudyTopic(
        code=code,
        title=title,
        kind=kind,
        start_year=start_year,
        end_year=end_year or start_year,
        document=document,
    )
    return save_as(topic, user)


@transaction.atomic
def study_topic_update(*, user: Any, topic: StudyTopic, **fields: Any) -> StudyTopic:
    """Change a topic's fields (of TOPIC_FIELDS)."""
    if not topic_policy.can(acting(user), "change", topic):
        raise PermissionDenied
    model_update(topic, fields, allowed=TOPIC_FIELDS, save=False)
    _require_term_end(topic.kind, topic.end_year)
    if not topic.end_year:
        topic.end_year = topic.start_year
    return save_as(topic, user)


# ---- many at once (the workbook) -------------------------------------------------------


def issuing_units() -> dict[str, Unit | None]:
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


def documents_import(*, rows: Iterable[tuple[Document | None, dict[str, Any]]], user: Any) -> None:
    """Register or update documents in bulk: (the stored document or None, its fields). A
    document is issued by the unit its issuing body names, when that is one of ours."""
    from core import bulk

    units = issuing_units()
    documents = []
    for existing, values in rows:
        document = bulk.filled(existing or Document(), values)
        unit = issuing_unit(document.issuer, units)
        if unit is not None or existing is None:
            document.issued_by = unit
        document.fill_keys()
        documents.append(document)
    bulk.save_all(Document, documents, (*DOCUMENT_FIELDS, "search_key"), user=user)


def study_topics_import(
    *, rows: Iterable[tuple[StudyTopic | None, dict[str, Any]]], user: Any
) -> None:
    """Create or update study topics in bulk: (the stored topic or None, its fields)."""
    from core import bulk

    topics = []
    for existing, values in rows:
        topic = bulk.filled(existing or StudyTopic(), values)
        topic.fill_keys()
        topics.append(topic)
    fields = ("code", "title", "kind", "start_year", "end_year", "document", "search_key")
    bulk.save_all(StudyTopic, topics, fields, user=user)
