"""The two workflows (an item's and a remediation task's) and what every write shares.

`advance` is the only place that changes a `state`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from organisation.models import Unit

from ..models import Inspection, Remediation

IS = Inspection.State
RS = Remediation.State

# action -> (states it may start from, state it leads to)
INSPECTION_FLOW: dict[str, tuple[frozenset[str], str]] = {
    "start": (frozenset({IS.PLANNED}), IS.IN_PROGRESS),
    "conclude": (frozenset({IS.IN_PROGRESS}), IS.CONCLUDED),
    "amend": (frozenset({IS.CONCLUDED}), IS.CONCLUDED),  # correct a conclusion already given
}
REMEDIATION_FLOW: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({RS.OPEN, RS.RETURNED}), RS.SUBMITTED),
    "verify": (frozenset({RS.SUBMITTED}), RS.VERIFIED),
    "return": (frozenset({RS.SUBMITTED}), RS.RETURNED),
}


def _action_labels() -> dict[str, str]:
    return {
        "start": _("start"),
        "conclude": _("conclude"),
        "amend": _("amend the conclusion of"),
        "submit": _("report on"),
        "verify": _("verify"),
        "return": _("send back"),
    }


def advance(obj: Inspection | Remediation, action: str) -> str:
    """Move `obj` along its workflow, or refuse with a message naming its current state."""
    flow = INSPECTION_FLOW if isinstance(obj, Inspection) else REMEDIATION_FLOW
    sources, target = flow[action]
    if obj.state not in sources:
        raise ValidationError(
            _("You cannot %(action)s “%(object)s” while it is “%(state)s”.")
            % {
                "action": _action_labels()[action],
                "object": obj.code if isinstance(obj, Inspection) else obj.content[:60],
                "state": obj.get_state_display(),
            },
            code="illegal_transition",
        )
    obj.state = target
    return target


def allowed_actions(obj: Inspection | Remediation) -> set[str]:
    flow = INSPECTION_FLOW if isinstance(obj, Inspection) else REMEDIATION_FLOW
    return {action for action, (sources, _target) in flow.items() if obj.state in sources}


def require(user: Any, policy: Any, action: str, obj: Model | None, message: str) -> None:
    """Refuse (403 with `message`) unless `policy` lets `user` do `action` on `obj`."""
    if not policy.can(user, action, obj):
        raise PermissionDenied(message)


def today() -> dt.date:
    return timezone.localdate()


def committee_of_inspection(inspection: Inspection) -> Unit:
    """The committee an item belongs to: its plan's, or (unplanned) its subject's."""
    from organisation.selectors import committee_of

    if inspection.plan_id:
        return inspection.plan.committee
    unit = inspection.subject_unit or inspection.subject_person.unit
    return committee_of(unit)
