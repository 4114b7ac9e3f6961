"""The accounts app's records on the audit trail (found by core's autodiscovery)."""

from accounts.models import User
from core import audit

audit.register(User, person="person", unit="person__unit")
