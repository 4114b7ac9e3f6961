"""Taking attendance at a meeting: the roll, one-tap marks, staff added and guests."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.http import AuthenticatedRequest
from core.policy import CHANGE, permission_required_for
from organisation.models import Unit

from .. import policies, selectors, services
from ..forms import AddPersonForm, GuestForm, MarkForm
from ..models import Attendance, Meeting
from .common import flash_outcome, meeting_for_change


def _attendance_context(meeting: Meeting, text: str = "") -> dict[str, Any]:
    rows = selectors.meeting_roll(meeting)
    committee_wide = meeting.unit.kind != Unit.Kind.CELL
    return {
        "meeting": meeting,
        "rows": rows,
        "groups": selectors.roll_groups(meeting, rows, text) if committee_wide else None,
        "text": text,
        "summary": selectors.attendance_summary(rows),
        "statuses": Attendance.Status.choices,
        "future": meeting.date > timezone.localdate(),
    }


@permission_required_for(policies.meetings, CHANGE)
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for_change(request, pk)
    context = _attendance_context(meeting, request.GET.get("q", ""))
    if meeting.is_conference:
        context["add_form"] = AddPersonForm(meeting=meeting)
        context["guest_form"] = GuestForm()
    return render(request, "meetings/attendance.html", context)


@require_POST
@permission_required_for(policies.meetings, CHANGE)
def attendance_mark(request: AuthenticatedRequest, pk: int, person_pk: int) -> HttpResponse:
    """One tap: mark one person. htmx gets the row back (and the counts, out of band)."""
    meeting = meeting_for_change(request, pk)
    person = selectors.attendance_person(request.user, meeting, person_pk)
    form = MarkForm(request.POST)
    error = ""
    if not form.is_valid():
        error = _("Choose present, absent with reason or absent without reason.")
    else:
        try:
            services.attendance_mark(
                user=request.user,
                meeting=meeting,
                person=person,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
    if not request.htmx:
        if error:
            messages.error(request, error)
        return redirect("meetings:attendance", pk=pk)
    row = selectors.roll_row(meeting, person)
    rows = selectors.meeting_roll(meeting)
    return render(
        request,
        "meetings/_roll_row.html",
        {
            "meeting": meeting,
            "row": row,
            "error": error,
            "statuses": Attendance.Status.choices,
            "summary": selectors.attendance_summary(rows),
            "oob": True,
        },
    )


@require_POST
@permission_required_for(policies.meetings, CHANGE)
def attendance_everyone(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for_change(request, pk)
    cell_pk = request.POST.get("cell", "")
    cell = selectors.unit_or_404(cell_pk) if cell_pk.isdigit() else None
    flash_outcome(
        request,
        lambda: services.attendance_mark_everyone_present(
            user=request.user, meeting=meeting, cell=cell
        ),
        lambda count: _("%(count)s members marked present.") % {"count": count},
    )
    return redirect("meetings:attendance", pk=pk)


@require_POST
@permission_required_for(policies.meetings, CHANGE)
def attendance_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add the ticked non-member staff (or all of them) to a conference, marked present."""
    meeting = meeting_for_change(request, pk)
    data = request.POST.copy()
    if data.get("all"):
        data.setlist("people", [str(p.pk) for p in selectors.staff_to_add(meeting)])
    form = AddPersonForm(data, meeting=meeting)
    if form.is_valid():
        flash_outcome(
            request,
            lambda: services.attendance_add_people(
                user=request.user, meeting=meeting, people=list(form.cleaned_data["people"])
            ),
            lambda count: _("%(count)s staff members added to the attendance.") % {"count": count},
        )
    else:
        messages.error(request, _("Tick the staff members of the unit to add."))
    return redirect("meetings:attendance", pk=pk)


@require_POST
@permission_required_for(policies.meetings, CHANGE)
def attendance_remove(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    meeting = meeting_for_change(request, pk)
    person = selectors.attendance_person(request.user, meeting, person_pk)
    flash_outcome(
        request,
        lambda: services.attendance_remove(user=request.user, meeting=meeting, person=person),
        _("Removed from the attendance."),
    )
    return redirect("meetings:attendance", pk=pk)


@require_POST
@permission_required_for(policies.meetings, CHANGE)
def guest_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for_change(request, pk)
    form = GuestForm(request.POST)
    if form.is_valid():
        flash_outcome(
            request,
            lambda: services.guest_add(user=request.user, meeting=meeting, **form.cleaned_data),
            _("The guest was added."),
        )
    else:
        messages.error(request, _("Write the guest's name."))
    return redirect("meetings:attendance", pk=pk)


@require_POST
@permission_required_for(policies.meetings, CHANGE)
def guest_delete(request: HttpRequest, pk: int, guest_pk: int) -> HttpResponse:
    meeting = meeting_for_change(request, pk)
    guest = selectors.meeting_guest(meeting, guest_pk)
    services.guest_remove(user=request.user, guest=guest)
    messages.success(request, _("The guest was removed."))
    return redirect("meetings:attendance", pk=pk)
