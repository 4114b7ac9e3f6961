"""The organisation app's records on the audit trail (found by core's autodiscovery)."""

from core import audit
from organisation.models import MassOrganisation

audit.register(MassOrganisation)
