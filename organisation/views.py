"""Pages of the register: the tree, a unit with its people, a person's record, and the forms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_http_methods

from core import vn
from core.editing import Message, Target, form_page
from core.http import AuthenticatedRequest
from core.listing import Column, listing
from core.pagination import paginate
from core.policy import ADD, CHANGE, VIEW, has_role, permission_required_for
from core.roles import SEES_EVERYTHING

from . import membership, pickers, selectors, services
from .forms import MemberEventForm, PersonAddForm, PersonForm, UnitProfileForm
from .models import MemberEvent, Person, Unit
from .policies import people as people_policy
from .policies import units as units_policy


def _unit_or_404(request: HttpRequest, pk: int) -> Unit:
    return selectors.unit_in_scope(request.user, pk)


def unit_url(unit: Unit) -> str:
    return reverse("organisation:unit", args=[unit.pk])


def person_url(person: Person) -> str:
    return reverse("organisation:person", args=[person.pk])


def register_form_page(
    request: HttpRequest,
    form: BaseForm,
    of: Unit | Person,
    title: str,
    *,
    save: Callable[[dict[str, Any]], Any],
    message: Message,
    to: Target,
    error_field: str | None = None,
    **extra: Any,
) -> HttpResponse:
    """A form of the register: a breadcrumb and Cancel back to the unit or the person `of`."""
    key, back = ("unit", unit_url(of)) if isinstance(of, Unit) else ("person", person_url(of))
    return form_page(
        request,
        form,
        "organisation/form.html",
        {key: of, "title": title, "back": back, **extra},
        save=save,
        message=message,
        to=to,
        error_field=error_field,
    )


def _date_param(text: str | None) -> dt.date | None:
    """A date from the query string (yyyy-mm-dd or dd/mm/yyyy); None if blank or unreadable."""
    if not text:
        return None
    try:
        return vn.parse_date(text)
    except ValueError:
        return None


@permission_required_for(units_policy, VIEW)
def overview(request: HttpRequest) -> HttpResponse:
    roots = selectors.committee_overview(request.user)
    totals = selectors.Counts()
    for root in roots:
        totals.add(root.counts)
    return render(
        request,
        "organisation/overview.html",
        {"rows": selectors.flatten(roots), "totals": totals, "several": len(roots) > 1},
    )


PEOPLE_COLUMNS = [
    Column("name", _l("Full name"), ("sort_key",), "full_name"),
    Column("code", _l("Code"), ("code",), css="wide-only"),
    Column("party", _l("Membership"), (), "get_party_status_display"),
    Column("joined", _l("Date joined the party"), (), "party_joined_on"),
    Column("position", _l("Position"), (), css="wide-only"),
    Column("unit", _l("Unit"), ("unit__path",), "unit.name", css="wide-only"),
]


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _unit_or_404(request, pk)
    node = selectors.unit_overview(unit)
    party = request.GET.get("party") or ""
    moved_out = request.GET.get("moved_out") == "1"
    on = _date_param(request.GET.get("on"))
    people = selectors.unit_people(
        unit, request.user, text=request.GET.get("q"), party=party, moved_out=moved_out, on=on
    )
    result = listing(
        request, people, PEOPLE_COLUMNS, default="name", filename=f"nhan-su-{unit.code}"
    )
    if isinstance(result, HttpResponse):
        return result
    context = {
        "unit": unit,
        "node": node,
        "listing": result,
        "page_obj": result.page_obj,
        "party": party,
        "moved_out": moved_out,
        "on": on,
        "can_add": people_policy.can(request.user, ADD, Person(unit=unit)),
        "can_change_unit": units_policy.can(request.user, CHANGE, unit),
        "history": selectors.unit_history(unit),
    }
    return render(request, "organisation/unit_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def unit_profile(request: HttpRequest, pk: int) -> HttpResponse:
    """The document profile: header, signers and recipients of the unit's documents."""
    unit = _unit_or_404(request, pk)
    people_policy.check(request.user, ADD, Person(unit=unit))
    return register_form_page(
        request,
        UnitProfileForm(request.POST or None, instance=unit),
        unit,
        _("Document profile of %(name)s") % {"name": unit},
        save=lambda data: services.unit_profile_update(user=request.user, unit=unit, **data),
        message=_("The changes were saved."),
        to=unit_url(unit),
    )


@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_record(request.user, pk)
    postings = list(person.postings.all())
    context = {
        "person": person,
        "postings": postings,
        "timeline": selectors.person_timeline(person),
        "today": membership.posting_on(person, timezone.localdate()),
        "left_label": MemberEvent.Kind(person.left_kind).label if person.left_kind else "",
        "can_change": people_policy.can(request.user, CHANGE, person),
        "can_audit": has_role(request.user, *SEES_EVERYTHING),
        # A member sees his own record but not his cell's roll: no link that would answer 404.
        "can_open_unit": selectors.sees_unit(request.user, person.unit_id),
    }
    return render(request, "organisation/person_detail.html", context)


@login_required
def me(request: AuthenticatedRequest) -> HttpResponse:
    """The user's own record; an account without one (the superuser) is told so, not a 404."""
    if not request.user.person_id:
        return render(request, "organisation/me_missing.html")
    return redirect("organisation:person", pk=request.user.person_id)


@login_required
@require_http_methods(["GET", "POST"])
def person_add(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _unit_or_404(request, pk)
    people_policy.check(request.user, ADD, Person(unit=unit))
    units = selectors.units_in_scope(request.user, ordered=True)
    form = PersonAddForm(request.POST or None, units=units, initial={"unit": unit})

    def save(data: dict[str, Any]) -> Person:
        data = dict(data)
        target = data.pop("unit")
        people_policy.check(request.user, ADD, Person(unit=target))
        return services.person_create(user=request.user, unit=target, **data)

    return register_form_page(
        request,
        form,
        unit,
        _("Add a person"),
        save=save,
        message=lambda person: _("%(name)s was added.") % {"name": person.full_name},
        to=person_url,
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_record(request.user, pk)
    people_policy.check(request.user, CHANGE, person)
    return register_form_page(
        request,
        PersonForm(request.POST or None, instance=person),
        person,
        _("Edit %(name)s") % {"name": person},
        save=lambda data: services.person_update(user=request.user, person=person, **data),
        message=_("The changes were saved."),
        to=person_url(person),
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_event(request: HttpRequest, pk: int) -> HttpResponse:
    """Record an event of the person's party life (biến động); only the office may."""
    person = selectors.person_record(request.user, pk)
    people_policy.check(request.user, CHANGE, person)
    kind = request.GET.get("kind")
    initial = {"kind": kind} if kind in MemberEvent.Kind.values else {}
    form = MemberEventForm(
        request.POST or None, units=selectors.visible_cells(request.user), initial=initial
    )
    return register_form_page(
        request,
        form,
        person,
        _("Record a change for %(name)s") % {"name": person},
        save=lambda data: services.member_event_record(user=request.user, person=person, **data),
        message=lambda event: (
            _("Recorded: %(event)s on %(date)s.")
            % {"event": event.get_kind_display(), "date": vn.format_date(event.date)}
        ),
        to=person_url(person),
        # A history that does not hold is a matter of the date typed.
        error_field="date",
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_event_delete(request: HttpRequest, pk: int, event_pk: int) -> HttpResponse:
    """Delete a wrongly recorded event, after a confirmation page."""
    person = selectors.person_record(request.user, pk)
    people_policy.check(request.user, CHANGE, person)
    event = selectors.person_event(person, event_pk)
    error = None
    if request.method == "POST":
        try:
            services.member_event_delete(user=request.user, event=event)
        except ValidationError as exc:
            error = exc
        else:
            messages.success(request, _("The event was deleted."))
            return redirect("organisation:person", pk=person.pk)
    return render(
        request,
        "organisation/event_delete.html",
        {"person": person, "event": event, "errors": error.messages if error else []},
    )


@login_required
def search(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "")
    units, people = selectors.global_search(request.user, text)
    return render(
        request,
        "organisation/search.html",
        {"text": text, "units": units[:50], "page_obj": paginate(request, people)},
    )


@login_required
def person_picker(request: HttpRequest) -> HttpResponse:
    """The matches of a person picker's search box (htmx), within the user's units."""
    context = pickers.results_context(request.user, request.GET)
    return render(request, "organisation/widgets/person_picker_results.html", context)
