"""After the decision: a complaint, a reconsideration, and the competent level's answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from core.editing import form_page

from .. import lookups, services
from ..forms import AnswerForm, ComplaintForm, ReconsiderationForm
from ..models import Complaint, Rating
from ..policies import COMPLAIN, DECIDE
from ..policies import ratings as rating_policy
from .common import _detail_url, _rating


def _complaint_page(
    request: HttpRequest,
    rating: Rating,
    form: forms.Form,
    write: Callable[..., Any],
    message: str,
    *,
    reconsider: bool,
) -> HttpResponse:
    """A complaint and a reconsideration are one text on the rating, written by `write`."""
    return form_page(
        request,
        form,
        "ratings/complain.html",
        {"rating": rating, "reconsider": reconsider},
        save=lambda data: write(rating=rating, text=data["text"], user=request.user),
        message=message,
        to=_detail_url(rating),
    )


@login_required
def complain(request: HttpRequest, pk: int) -> HttpResponse:
    """The member (or the office for him) records a complaint; the decision stays in force."""
    rating = _rating(request, pk)
    rating_policy.check(request.user, COMPLAIN, rating)
    return _complaint_page(
        request,
        rating,
        ComplaintForm(request.POST or None),
        services.rating_complain,
        _("The complaint is recorded; the decision stays in force until it is answered."),
        reconsider=False,
    )


@login_required
def reconsider(request: HttpRequest, pk: int) -> HttpResponse:
    """The office opens a reconsideration, e.g. for a discipline found after the decision."""
    rating = _rating(request, pk)
    if not (rating.level and rating_policy.can(request.user, DECIDE, rating)):
        raise PermissionDenied
    return _complaint_page(
        request,
        rating,
        ReconsiderationForm(request.POST or None),
        services.rating_reconsider,
        _("The reconsideration is opened."),
        reconsider=True,
    )


@login_required
def answer(request: HttpRequest, pk: int, complaint_pk: int) -> HttpResponse:
    """The committee answers: keep the decision, or a new decision with number, date, reason."""
    rating = _rating(request, pk)
    rating_policy.check(request.user, DECIDE, rating)
    complaint = lookups.rating_complaint(rating, complaint_pk)
    form = AnswerForm(request.POST or None, initial={"outcome": Complaint.Outcome.KEEP})
    return form_page(
        request,
        form,
        "ratings/answer.html",
        {"rating": rating, "complaint": complaint},
        save=lambda data: services.complaint_answer(
            complaint=complaint,
            keep=data["outcome"] == Complaint.Outcome.KEEP,
            reason=data["reason"],
            level=data.get("level") or "",
            number=data.get("number") or "",
            date=data.get("date"),
            user=request.user,
        ),
        message=_("The answer is recorded."),
        to=_detail_url(rating),
    )
