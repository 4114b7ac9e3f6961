"""Thin views: parse the request, call one selector or service, render."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pagination import paginate
from core.policy import CHANGE, has_role
from core.roles import Role
from documents.models import StudyTopic
from exporters.party import render_docx, render_pdf
from exporters.registry import DOCX, PDF
from organisation.models import Person, Unit

from . import documents, policies, selectors, services
from .forms import (
    AddPersonForm,
    FilterForm,
    FocusAreaForm,
    GuestForm,
    MarkForm,
    MeetingForm,
    MeetingRulesForm,
    MinutesForm,
    TopicDeadlineForm,
)
from .models import Attendance, Meeting, Minutes

VIEW_ROLES = policies.MeetingPolicy.view_roles
CHANGE_ROLES = policies.MeetingPolicy.change_roles
OVERSIGHT_ROLES = (Role.OFFICE, Role.INSPECTION, Role.SECRETARY)


def roles_required(*roles: str) -> Callable:
    """Signed in and holding one of `roles` somewhere, else 403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        @login_required
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _meeting_for_change(request: HttpRequest, pk: int) -> Meeting:
    meeting = selectors.meeting_detail(request.user, pk)
    if not policies.meetings.can(request.user, CHANGE, meeting):
        raise PermissionDenied
    return meeting


def _apply_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


# Meetings


@roles_required(*VIEW_ROLES)
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
    page = paginate(request, selectors.meeting_list(request.user, filters))
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "page_obj": page,
            "filter_form": form,
            "can_add": has_role(request.user, *CHANGE_ROLES),
            "can_configure": has_role(request.user, *OVERSIGHT_ROLES),
        },
    )


def _meeting_form_values(form: MeetingForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    data.pop("topics", None)
    return data


@roles_required(*CHANGE_ROLES)
def meeting_create(request: HttpRequest) -> HttpResponse:
    initial = {"date": timezone.localdate(), "kind": Meeting.Kind.REGULAR}
    form = MeetingForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                user=request.user,
                topics=form.cleaned_data["topics"],
                **_meeting_form_values(form),
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The meeting was recorded."))
            return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": None})


@roles_required(*VIEW_ROLES)
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
        },
    )


@roles_required(*CHANGE_ROLES)
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_change(request, pk)
    form = MeetingForm(request.POST or None, instance=meeting, user=request.user)
    if request.method == "POST" and form.is_valid():
        # The form wrote its values onto the instance; reload so the service sees the old unit.
        values = _meeting_form_values(form)
        fresh = Meeting.objects.get(pk=meeting.pk)
        try:
            services.meeting_update(
                user=request.user, meeting=fresh, topics=form.cleaned_data["topics"], **values
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The meeting was saved."))
            return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})


@require_POST
@roles_required(*CHANGE_ROLES)
def meeting_delete(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_change(request, pk)
    try:
        services.meeting_delete(user=request.user, meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("meetings:detail", pk=pk)
    messages.success(request, _("The meeting was deleted."))
    return redirect("meetings:list")


# Attendance


def _attendance_context(meeting: Meeting) -> dict[str, Any]:
    rows = selectors.meeting_roll(meeting)
    return {
        "meeting": meeting,
        "rows": rows,
        "summary": selectors.attendance_summary(rows),
        "statuses": Attendance.Status.choices,
        "future": meeting.date > timezone.localdate(),
    }


@roles_required(*CHANGE_ROLES)
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_change(request, pk)
    context = _attendance_context(meeting)
    if meeting.is_conference:
        context["add_form"] = AddPersonForm(meeting=meeting)
        context["guest_form"] = GuestForm()
    return render(request, "meetings/attendance.html", context)


@require_POST
@roles_required(*CHANGE_ROLES)
def attendance_mark(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    """One tap: mark one person. htmx gets the row back (and the counts, out of band)."""
    meeting = _meeting_for_change(request, pk)
    person = get_object_or_404(Person, pk=person_pk)
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
    response = render(
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
    return response


@require_POST
@roles_required(*CHANGE_ROLES)
def attendance_everyone(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_change(request, pk)
    try:
        count = services.attendance_mark_everyone_present(user=request.user, meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(count)s members marked present.") % {"count": count})
    return redirect("meetings:attendance", pk=pk)


@require_POST
@roles_required(*CHANGE_ROLES)
def attendance_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a non-member staff member to a conference, marked present."""
    meeting = _meeting_for_change(request, pk)
    form = AddPersonForm(request.POST, meeting=meeting)
    if form.is_valid():
        try:
            services.attendance_mark(
                user=request.user,
                meeting=meeting,
                person=form.cleaned_data["person"],
                status=Attendance.Status.PRESENT,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Added to the attendance."))
    else:
        messages.error(request, _("Choose a staff member of the unit."))
    return redirect("meetings:attendance", pk=pk)


@require_POST
@roles_required(*CHANGE_ROLES)
def attendance_remove(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    meeting = _meeting_for_change(request, pk)
    person = get_object_or_404(Person, pk=person_pk)
    services.attendance_remove(user=request.user, meeting=meeting, person=person)
    messages.success(request, _("Removed from the attendance."))
    return redirect("meetings:attendance", pk=pk)


@require_POST
@roles_required(*CHANGE_ROLES)
def guest_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_change(request, pk)
    form = GuestForm(request.POST)
    if form.is_valid():
        try:
            services.guest_add(user=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The guest was added."))
    else:
        messages.error(request, _("Write the guest's name."))
    return redirect("meetings:attendance", pk=pk)


@require_POST
@roles_required(*CHANGE_ROLES)
def guest_delete(request: HttpRequest, pk: int, guest_pk: int) -> HttpResponse:
    meeting = _meeting_for_change(request, pk)
    guest = get_object_or_404(meeting.guests, pk=guest_pk)
    services.guest_remove(user=request.user, guest=guest)
    messages.success(request, _("The guest was removed."))
    return redirect("meetings:attendance", pk=pk)


# Minutes


def _minutes_version(request: HttpRequest, pk: int, version: int) -> Minutes:
    meeting = selectors.meeting_detail(request.user, pk)
    return get_object_or_404(meeting.minutes.select_related("meeting__unit"), version=version)


@roles_required(*VIEW_ROLES)
def minutes(request: HttpRequest, pk: int, version: int | None = None) -> HttpResponse:
    meeting = selectors.meeting_detail(request.user, pk)
    versions = selectors.minutes_versions(meeting)
    if version is None:
        shown = versions[0] if versions else None
    else:
        shown = next((item for item in versions if item.version == version), None)
        if shown is None:
            raise Http404
    return render(
        request,
        "meetings/minutes.html",
        {
            "meeting": meeting,
            "versions": versions,
            "shown": shown,
            "latest": versions[0] if versions else None,
            "can_change": policies.meetings.can(request.user, CHANGE, meeting),
        },
    )


@roles_required(*CHANGE_ROLES)
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_change(request, pk)
    current = services.minutes_current(meeting)
    initial = services.minutes_template(meeting) if current is None else None
    form = MinutesForm(
        request.POST or None,
        request.FILES or None,
        instance=Minutes(
            **{name: getattr(current, name) for name in services.MINUTES_PARTS},
            file=current.file,
        )
        if current
        else None,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        parts = {name: form.cleaned_data[name] for name in services.MINUTES_PARTS}
        upload = request.FILES.get("file")
        try:
            saved = services.minutes_save(user=request.user, meeting=meeting, file=upload, **parts)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            if current and current.is_locked:
                messages.info(
                    request,
                    _("The approved minutes are kept; your changes are version %(version)s.")
                    % {"version": saved.version},
                )
            else:
                messages.success(request, _("The minutes were saved."))
            return redirect("meetings:minutes", pk=pk)
    return render(
        request,
        "meetings/minutes_form.html",
        {"form": form, "meeting": meeting, "current": current},
    )


@require_POST
@roles_required(*CHANGE_ROLES)
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_change(request, pk)
    current = services.minutes_current(meeting)
    if current is None:
        raise Http404
    try:
        services.minutes_approve(user=request.user, minutes=current)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The minutes were approved and are now locked."))
    return redirect("meetings:minutes", pk=pk)


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@roles_required(*VIEW_ROLES)
def minutes_docx(request: HttpRequest, pk: int, version: int) -> HttpResponse:
    item = _minutes_version(request, pk, version)
    with translation.override("vi"):
        content = render_docx(documents.minutes_document(item))
    return _download(content, documents.minutes_filename(item, "docx"), DOCX)


@roles_required(*VIEW_ROLES)
def minutes_pdf(request: HttpRequest, pk: int, version: int) -> HttpResponse:
    item = _minutes_version(request, pk, version)
    with translation.override("vi"):
        content = render_pdf(documents.minutes_document(item))
    return _download(content, documents.minutes_filename(item, "pdf"), PDF)


@roles_required(*VIEW_ROLES)
def minutes_file(request: HttpRequest, pk: int, version: int) -> HttpResponse:
    item = _minutes_version(request, pk, version)
    if not item.file:
        raise Http404
    return FileResponse(
        item.file.open("rb"), as_attachment=True, filename=item.file.name.rsplit("/", 1)[-1]
    )


# Coverage and attention


def _year(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        return timezone.localdate().year


def _committee(request: HttpRequest) -> Unit:
    committees = list(selectors.committees_for(request.user))
    if not committees:
        raise PermissionDenied
    wanted = request.GET.get("committee")
    return next((c for c in committees if str(c.pk) == wanted), committees[0])


@roles_required(*OVERSIGHT_ROLES)
def coverage(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    committee = _committee(request)
    kinds = [kind for kind in request.GET.getlist("kind") if kind in Meeting.Kind.values] or [
        Meeting.Kind.REGULAR,
        Meeting.Kind.THEMATIC,
    ]
    grid = selectors.coverage_grid(
        committee,
        year,
        visible_units=selectors.units_for_recording(request.user)
        if not has_role(request.user, Role.OFFICE, Role.INSPECTION)
        else None,
        upto=timezone.localdate(),
    )
    return render(
        request,
        "meetings/coverage.html",
        {
            "committee": committee,
            "year": year,
            "years": range(timezone.localdate().year, 2014, -1),
            "grid": grid,
            "months": selectors.MONTHS,
            "kinds": kinds,
            "kind_choices": Meeting.Kind.choices,
        },
    )


@roles_required(*OVERSIGHT_ROLES)
def topic_coverage(request: HttpRequest) -> HttpResponse:
    committee = _committee(request)
    topics = list(StudyTopic.objects.order_by("start_year", "code"))
    topic = next((t for t in topics if str(t.pk) == request.GET.get("topic")), None)
    if topic is None and topics:
        topic = topics[0]
    year = request.GET.get("year")
    kind = request.GET.get("kind", "")
    rows = []
    if topic is not None:
        rows = selectors.topic_coverage(
            committee,
            topic,
            year=int(year) if year and year.isdigit() else None,
            kind=kind if kind in Meeting.Kind.values else "",
            visible_units=selectors.units_for_recording(request.user)
            if not has_role(request.user, Role.OFFICE, Role.INSPECTION)
            else None,
        )
    studied = sum(1 for row in rows if row.meetings)
    return render(
        request,
        "meetings/topic_coverage.html",
        {
            "committee": committee,
            "topics": topics,
            "topic": topic,
            "rows": rows,
            "studied": studied,
            "year": year or "",
            "kind": kind,
            "kind_choices": Meeting.Kind.choices,
        },
    )


@roles_required(*OVERSIGHT_ROLES)
def attention(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    cells = selectors.cells_in_scope(request.user)
    committees = list(selectors.committees_for(request.user))
    committee = committees[0] if committees else None
    result = selectors.attention(cells, committee, today)
    year = _year(request)
    if year != today.year:
        # Điều 8 looks at a calendar year: the office may check a past year too.
        threshold = selectors.rules_in_force(committee, dt.date(year, 12, 31)).absence_months
        result.absentees = selectors.absentees([cell.pk for cell in cells], year, threshold)
        result.absence_months = threshold
    return render(
        request,
        "meetings/attention.html",
        {
            "attention": result,
            "today": today,
            "year": year,
            "years": range(today.year, 2014, -1),
        },
    )


# Settings of the committee


def _settings_list(request: HttpRequest, template: str, items: Any, **extra: Any) -> HttpResponse:
    return render(
        request,
        template,
        {"items": items, "can_change": has_role(request.user, Role.OFFICE), **extra},
    )


def _settings_form(
    request: HttpRequest,
    *,
    form_class: Any,
    instance: Any,
    save: Callable[..., Any],
    target: str,
    title: str,
    key: str,
) -> HttpResponse:
    form = form_class(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            existing = (
                type(instance).objects.get(pk=instance.pk) if instance and instance.pk else None
            )
            save(user=request.user, **{key: existing}, **values)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(target)
    return render(
        request, "meetings/settings_form.html", {"form": form, "title": title, "back": target}
    )


@roles_required(*OVERSIGHT_ROLES)
def rules_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    committees = list(selectors.committees_for(request.user))
    in_force = selectors.rules_in_force(committees[0] if committees else None, today)
    return _settings_list(
        request,
        "meetings/rules_list.html",
        paginate(request, selectors.rules_visible(request.user)),
        in_force=in_force,
    )


@roles_required(Role.OFFICE)
def rules_create(request: HttpRequest) -> HttpResponse:
    return _settings_form(
        request,
        form_class=MeetingRulesForm,
        instance=None,
        save=services.meeting_rules_save,
        target="meetings:rules",
        title=_("New meeting rules"),
        key="rules",
    )


@roles_required(Role.OFFICE)
def rules_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = policies.rules.get_visible_or_404(request.user, pk=pk)
    if not policies.rules.can(request.user, CHANGE, item):
        raise PermissionDenied
    return _settings_form(
        request,
        form_class=MeetingRulesForm,
        instance=item,
        save=services.meeting_rules_save,
        target="meetings:rules",
        title=_("Meeting rules"),
        key="rules",
    )


@roles_required(*OVERSIGHT_ROLES)
def focus_list(request: HttpRequest) -> HttpResponse:
    return _settings_list(
        request,
        "meetings/focus_list.html",
        paginate(request, selectors.focus_areas_visible(request.user)),
    )


@roles_required(Role.OFFICE)
def focus_create(request: HttpRequest) -> HttpResponse:
    return _settings_form(
        request,
        form_class=FocusAreaForm,
        instance=None,
        save=services.focus_area_save,
        target="meetings:focus_areas",
        title=_("New code of conduct or focus area"),
        key="focus_area",
    )


@roles_required(Role.OFFICE)
def focus_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = policies.focus_areas.get_visible_or_404(request.user, pk=pk)
    if not policies.focus_areas.can(request.user, CHANGE, item):
        raise PermissionDenied
    return _settings_form(
        request,
        form_class=FocusAreaForm,
        instance=item,
        save=services.focus_area_save,
        target="meetings:focus_areas",
        title=_("Code of conduct or focus area"),
        key="focus_area",
    )


@roles_required(*OVERSIGHT_ROLES)
def deadline_list(request: HttpRequest) -> HttpResponse:
    return _settings_list(
        request,
        "meetings/deadline_list.html",
        paginate(request, selectors.deadlines_visible(request.user)),
    )


@roles_required(Role.OFFICE)
def deadline_create(request: HttpRequest) -> HttpResponse:
    return _settings_form(
        request,
        form_class=TopicDeadlineForm,
        instance=None,
        save=services.topic_deadline_save,
        target="meetings:deadlines",
        title=_("New study deadline"),
        key="topic_deadline",
    )


@roles_required(Role.OFFICE)
def deadline_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = policies.deadlines.get_visible_or_404(request.user, pk=pk)
    if not policies.deadlines.can(request.user, CHANGE, item):
        raise PermissionDenied
    return _settings_form(
        request,
        form_class=TopicDeadlineForm,
        instance=item,
        save=services.topic_deadline_save,
        target="meetings:deadlines",
        title=_("Study deadline"),
        key="topic_deadline",
    )


@require_POST
@roles_required(Role.OFFICE)
def deadline_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = policies.deadlines.get_visible_or_404(request.user, pk=pk)
    services.topic_deadline_delete(user=request.user, topic_deadline=item)
    messages.success(request, _("The deadline was deleted."))
    return redirect(reverse("meetings:deadlines"))
