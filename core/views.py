from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from core import audit
from core.forms import AuditFilterForm
from core.pagination import paginate
from core.policy import has_role
from core.roles import SEES_EVERYTHING


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The dashboard: each app contributes panels through core.dashboard."""
    from core.dashboard import panels_for

    return render(request, "core/home.html", {"panels": panels_for(request)})


@login_required
def audit_trail(request: HttpRequest) -> HttpResponse:
    """Who changed what and when; the committee office and the inspection commission read it."""
    if not has_role(request.user, *SEES_EVERYTHING):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None, reader=request.user)
    # Not a list nor a queryset, but the Paginator only needs len() and slices of it.
    trail: Any = audit.AuditTrail(form.filters())
    page_obj = paginate(request, trail)
    return render(request, "core/audit.html", {"form": form, "page_obj": page_obj})


def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})
