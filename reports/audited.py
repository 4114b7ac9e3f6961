"""The reports app's records on the audit trail (found by core's autodiscovery)."""

from core import audit
from reports.models import Review

audit.register(Review, unit="committee")
