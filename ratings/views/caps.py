"""The conditions that cap a member's level: the list, adding and deleting one."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.editing import form_page
from core.listing import render_listing
from core.policy import VIEW, permission_required_for

from .. import lookups, selectors, services
from ..columns import CAP_COLUMNS
from ..forms import (
    CapConditionForm,
)
from ..models import CapCondition
from ..policies import caps as cap_policy


@permission_required_for(cap_policy, VIEW)
def cap_list(request: HttpRequest) -> HttpResponse:
    queryset = selectors.caps_list(request.user, request.GET.get("q"))
    context = {"can_change": cap_policy.can(request.user, "change")}
    return render_listing(
        request, "ratings/caps.html", queryset, CAP_COLUMNS, context, filename="dieu-kien-han-che"
    )


@login_required
def cap_add(request: HttpRequest) -> HttpResponse:
    cap_policy.check(request.user, "change")
    form = CapConditionForm(request.POST or None, initial={"year": timezone.localdate().year})

    def save(data: dict[str, Any]) -> None:
        person = lookups.visible_person(request.user, data["person_code"])
        if person is None:
            raise ValidationError({"person_code": _("No person with this code in your committee.")})
        services.cap_condition_record(
            person=person,
            year=data["year"],
            kind=data["kind"],
            source=data["source"],
            self_fixed=data["self_fixed"],
            note=data["note"],
            user=request.user,
        )

    return form_page(
        request,
        form,
        "ratings/cap_form.html",
        save=save,
        message=_("The capping condition is recorded."),
        to=reverse("ratings:caps"),
    )


@login_required
@require_POST
def cap_delete(request: HttpRequest, pk: int) -> HttpResponse:
    condition: CapCondition = cap_policy.get_visible_or_404(request.user, pk=pk)
    cap_policy.check(request.user, "change", condition)
    services.cap_condition_delete(condition=condition, user=request.user)
    messages.success(request, _("The capping condition is deleted."))
    return redirect("ratings:caps")
