"""The documents app's records on the audit trail (found by core's autodiscovery)."""

from core import audit
from documents.models import Document, DocumentDelivery, StudyTopic

audit.register(Document, unit="issued_by")
audit.register(
    DocumentDelivery,
    unit="unit",
    label=lambda row: f"{row.document.number_symbol} → {row.unit.name}",
    select_related=("document", "unit"),
)
audit.register(StudyTopic)
