"""The register of meetings: list, record, show, change and delete a meeting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from core.concurrency import stored
from core.editing import form_page
from core.listing import Column, listing
from core.policy import CHANGE, VIEW, permission_required_for
from organisation.models import Unit

from .. import policies, selectors, services
from ..forms import FilterForm, MeetingForm
from ..models import Meeting
from ..quorum import locked_minutes, meeting_quorum
from .common import (
    flash_outcome,
    meeting_for_change,
)

MEETING_COLUMNS = [
    Column("date", _l("Date"), ("date", "code"), "date"),
    Column("kind", _l("Kind"), ("kind", "date"), "get_kind_display"),
    Column("unit", _l("Unit"), ("unit__path", "date"), "unit.name"),
    Column("code", _l("Code"), ("code",), css="wide-only"),
    Column(
        "status", _l("Status"), ("held", "date"), lambda m: _("Held") if m.held else _("Planned")
    ),
    Column("present", _l("Present"), (), "present", css="num"),
]


@permission_required_for(policies.meetings, VIEW)
def meeting_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None, user=request.user)
    filters = selectors.MeetingFilters(q=request.GET.get("q", ""))
    if form.is_valid():
        data = form.cleaned_data
        filters.year = data["year"]
        filters.kind = data["kind"]
        filters.unit = data["unit"].pk if data["unit"] else None
        filters.topic = data["topic"].pk if data["topic"] else None
        filters.held = data["held"]
    result = listing(
        request,
        selectors.meeting_list(request.user, filters),
        MEETING_COLUMNS,
        default="-date",
        filename="sinh-hoat",
    )
    if isinstance(result, HttpResponse):
        return result
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "listing": result,
            "page_obj": result.page_obj,
            "filter_form": form,
            "can_add": policies.meetings.can(request.user, CHANGE),
            "can_configure": policies.focus_areas.can(request.user, VIEW),
        },
    )


def _meeting_form(
    request: HttpRequest,
    form: MeetingForm,
    meeting: Meeting | None,
    save: Callable[..., Meeting],
    message: str,
) -> HttpResponse:
    """`save(topics=..., **values)`: the service, given the topics apart from the fields."""

    def call(data: dict[str, Any]) -> Meeting:
        values = dict(data)
        return save(topics=values.pop("topics"), **values)

    return form_page(
        request,
        form,
        "meetings/meeting_form.html",
        {"meeting": meeting},
        save=call,
        message=message,
        to=lambda saved: reverse("meetings:detail", args=[saved.pk]),
    )


@permission_required_for(policies.meetings, CHANGE)
def meeting_create(request: HttpRequest) -> HttpResponse:
    initial = {"date": timezone.localdate(), "kind": Meeting.Kind.REGULAR}
    return _meeting_form(
        request,
        MeetingForm(request.POST or None, user=request.user, initial=initial),
        None,
        lambda **values: services.meeting_create(user=request.user, **values),
        _("The meeting was recorded."),
    )


@permission_required_for(policies.meetings, VIEW)
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_detail(request.user, pk)
    rows = selectors.meeting_roll(meeting)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "rows": rows,
            "summary": selectors.attendance_summary(rows),
            "minutes": services.minutes_current(meeting),
            "can_change": policies.meetings.can(request.user, CHANGE, meeting),
            "quorum": meeting_quorum(meeting) if meeting.unit.kind == Unit.Kind.CELL else None,
            "locked": locked_minutes(meeting),
        },
    )


@permission_required_for(policies.meetings, CHANGE)
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for_change(request, pk)
    return _meeting_form(
        request,
        MeetingForm(request.POST or None, instance=meeting, user=request.user),
        meeting,
        # The form wrote its values onto the instance; the service is given the stored one,
        # so that it sees the old unit.
        lambda **values: services.meeting_update(
            user=request.user, meeting=stored(meeting), **values
        ),
        _("The meeting was saved."),
    )


@require_POST
@permission_required_for(policies.meetings, CHANGE)
def meeting_delete(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for_change(request, pk)
    deleted = flash_outcome(
        request,
        lambda: services.meeting_delete(user=request.user, meeting=meeting),
        _("The meeting was deleted."),
    )
    if not deleted:
        return redirect("meetings:detail", pk=pk)
    return redirect("meetings:list")
