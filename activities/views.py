"""Thin views over activities and commendations."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core import files
from core.editing import form_page
from core.listing import Column, render_listing
from core.policy import CHANGE, DELETE, VIEW, permission_required_for
from core.records import record_page

from . import selectors, services
from .forms import ActivityForm, CommendationForm, PhotoForm
from .models import Activity, ActivityPhoto, Commendation
from .policies import activities, commendations


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


# --- activities -----------------------------------------------------------------------------


ACTIVITY_COLUMNS = [
    Column("date", gettext_lazy("Date"), ("date", "code"), "date"),
    Column("code", gettext_lazy("Code"), ("code",)),
    Column("title", gettext_lazy("Activity name"), (), "title"),
    Column(
        "organisation",
        gettext_lazy("Mass organisation"),
        ("organisation", "date"),
        "organisation.name",
    ),
    Column("kind", gettext_lazy("Kind"), ("kind", "date"), "kind.name"),
    Column("unit", gettext_lazy("Unit"), ("unit__path", "date"), "unit.name"),
    Column("participants", gettext_lazy("Participants"), (), "participants", css="num"),
    Column("quantity", gettext_lazy("Quantity"), (), "quantity", css="num"),
    Column("measure", gettext_lazy("Unit of measure"), (), "measure_unit", css="wide-only"),
]


@permission_required_for(activities, VIEW)
def activity_list(request: HttpRequest) -> HttpResponse:
    queryset = selectors.activities_list(
        request.user,
        text=request.GET.get("q"),
        year=_int(request.GET.get("year")),
        kind_id=_int(request.GET.get("kind")),
        organisation_id=_int(request.GET.get("organisation")),
    )
    return render_listing(
        request,
        "activities/activity_list.html",
        queryset,
        ACTIVITY_COLUMNS,
        {
            "kinds": selectors.activity_kinds(),
            "organisations": selectors.mass_organisations(),
            "can_add": activities.can(request.user, CHANGE),
        },
        default="-date",
        filename="hoat-dong",
    )


@login_required
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = activities.get_visible_or_404(request.user, pk=pk)
    can_change = activities.can(request.user, CHANGE, activity)
    context = _detail_context(activity, can_change=can_change)
    return render(
        request,
        "activities/activity_detail.html",
        {**context, "photo_form": PhotoForm() if can_change else None},
    )


def _detail_context(activity: Activity, *, can_change: bool) -> dict[str, Any]:
    return {
        "activity": activity,
        "photos": activity.photos.all(),
        "people": selectors.activity_people(activity),
        "can_change": can_change,
    }


#: What the edit page starts from: the activity's own fields (its people are added apart).
ACTIVITY_INITIAL = [
    "code",
    "organisation",
    "unit",
    "kind",
    "date",
    "title",
    "participants",
    "quantity",
    "measure_unit",
    "description",
]


def _record_views(
    policy: Any, form_view: Callable[..., HttpResponse], deleted: Any
) -> tuple[Callable[..., HttpResponseBase], ...]:
    """The create, edit and delete views of the records of `policy` (an activity, a
    commendation): create and edit show `form_view`; delete goes through
    `services.<model>_delete` and back to the list `activities:<model>_list` saying `deleted`."""
    name = policy.model._meta.model_name

    @permission_required_for(policy, CHANGE)
    def create(request: HttpRequest) -> HttpResponse:
        return form_view(request)

    @login_required
    def edit(request: HttpRequest, pk: int) -> HttpResponse:
        return form_view(request, policy.get_for(request.user, CHANGE, pk=pk))

    @login_required
    @require_POST
    def delete(request: HttpRequest, pk: int) -> HttpResponse:
        record = policy.get_for(request.user, DELETE, pk=pk)
        getattr(services, f"{name}_delete")(**{name: record}, by=request.user)
        messages.success(request, str(deleted))
        return redirect(f"activities:{name}_list")

    return create, edit, delete


def _activity_form(request: HttpRequest, activity: Activity | None = None) -> HttpResponse:
    user = request.user
    initial = {}
    if activity:
        initial = {name: getattr(activity, name) for name in ACTIVITY_INITIAL}
        initial["people"] = list(activity.people.all())
    form = ActivityForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        record=activity,
        units=selectors.recording_units(user, activities),
        user=user,
    )

    def save(data: dict[str, Any]) -> Activity:
        data = dict(data)
        image = data.pop("image", None)
        data["people"] = list(data["people"])
        return services.activity_save(
            by=user, activity=activity, photos=[image] if image else [], **data
        )

    return form_page(
        request,
        form,
        "activities/activity_form.html",
        {"activity": activity},
        save=save,
        message=_("The activity has been saved."),
        to=lambda saved: reverse("activities:activity_detail", args=[saved.pk]),
    )


activity_create, activity_edit, activity_delete = _record_views(
    activities, _activity_form, gettext_lazy("The activity has been deleted.")
)


@login_required
@require_POST
def photo_add(request: HttpRequest, pk: int) -> HttpResponse:
    activity = activities.get_for(request.user, CHANGE, pk=pk)
    form = PhotoForm(request.POST, request.FILES)
    return form_page(
        request,
        form,
        "activities/activity_detail.html",
        {**_detail_context(activity, can_change=True), "photo_form": form},
        save=lambda data: services.photo_add(activity=activity, by=request.user, **data),
        message=_("The photo has been added."),
        to=reverse("activities:activity_detail", args=[activity.pk]),
        status=400,
    )


def _visible_photo(request: HttpRequest, pk: int) -> ActivityPhoto:
    return selectors.visible_photo(request.user, pk)


@login_required
def photo_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    photo = _visible_photo(request, pk)
    return files.serve(request, photo.image, title=str(photo.activity), kinds=files.IMAGES)


@login_required
@require_POST
def photo_delete(request: HttpRequest, pk: int) -> HttpResponse:
    photo = _visible_photo(request, pk)
    activities.check(request.user, CHANGE, photo.activity)
    activity_id = photo.activity_id
    services.photo_delete(photo=photo, by=request.user)
    messages.success(request, _("The photo has been deleted."))
    return redirect("activities:activity_detail", pk=activity_id)


@permission_required_for(activities, VIEW)
def totals(request: HttpRequest) -> HttpResponse:
    organisation_id = _int(request.GET.get("organisation"))
    return render(
        request,
        "activities/totals.html",
        {
            **selectors.activity_totals(request.user, organisation_id=organisation_id),
            "organisations": selectors.mass_organisations(),
            "organisation_id": organisation_id,
            "commendations": selectors.commendation_counts(request.user),
        },
    )


# --- commendations --------------------------------------------------------------------------


def _commended(item) -> str:
    return item.person.full_name if item.person_id else item.unit.name


COMMENDATION_COLUMNS = [
    Column("date", gettext_lazy("Decision date"), ("decided_on", "code"), "decided_on"),
    Column("code", gettext_lazy("Code"), ("code",)),
    Column("commended", gettext_lazy("Commended"), (), _commended),
    Column("level", gettext_lazy("Level"), ("level", "decided_on"), "get_level_display"),
    Column("form", gettext_lazy("Form"), (), "form"),
    Column("decision", gettext_lazy("Decision number"), (), "decision_number"),
]


@permission_required_for(commendations, VIEW)
def commendation_list(request: HttpRequest) -> HttpResponse:
    queryset = selectors.commendations_list(
        request.user, text=request.GET.get("q"), year=_int(request.GET.get("year"))
    )
    return render_listing(
        request,
        "activities/commendation_list.html",
        queryset,
        COMMENDATION_COLUMNS,
        {
            "counts": selectors.commendation_counts(request.user),
            "can_add": commendations.can(request.user, CHANGE),
        },
        default="-date",
        filename="khen-thuong",
    )


@login_required
def commendation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return record_page(
        request, commendations, pk, "activities/commendation_detail.html", "commendation"
    )


def _commendation_form(
    request: HttpRequest, commendation: Commendation | None = None
) -> HttpResponse:
    user = request.user
    initial = {}
    if commendation:
        initial = {
            field: getattr(commendation, field)
            for field in (
                "code",
                "person",
                "unit",
                "level",
                "form",
                "decision_number",
                "decided_on",
                "reason",
            )
        }
    form = CommendationForm(
        request.POST or None,
        initial=initial,
        record=commendation,
        units=selectors.recording_units(user, commendations),
        user=user,
    )
    return form_page(
        request,
        form,
        "activities/commendation_form.html",
        {"commendation": commendation},
        save=lambda data: services.commendation_save(by=user, commendation=commendation, **data),
        message=_("The commendation has been saved."),
        to=lambda saved: reverse("activities:commendation_detail", args=[saved.pk]),
    )


commendation_create, commendation_edit, commendation_delete = _record_views(
    commendations, _commendation_form, gettext_lazy("The commendation has been deleted.")
)
