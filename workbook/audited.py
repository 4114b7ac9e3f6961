"""The workbook app's records on the audit trail (found by core's autodiscovery)."""

from core import audit
from workbook.models import WorkbookImport

audit.register(WorkbookImport, unit="unit")  # one entry per committed import
