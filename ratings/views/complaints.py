"""After the decision: a complaint, a reconsideration, and the competent level's answer."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.forms import form_errors

from .. import lookups, services
from ..forms import AnswerForm, ComplaintForm, ReconsiderationForm
from ..models import Complaint
from ..policies import COMPLAIN, DECIDE
from ..policies import ratings as rating_policy
from .common import _rating


@login_required
def complain(request: HttpRequest, pk: int) -> HttpResponse:
    """The member (or the office for him) records a complaint; the decision stays in force."""
    rating = _rating(request, pk)
    rating_policy.check(request.user, COMPLAIN, rating)
    form = ComplaintForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.rating_complain(
                rating=rating, text=form.cleaned_data["text"], user=request.user
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(
                request,
                _("The complaint is recorded; the decision stays in force until it is answered."),
            )
            return redirect("ratings:detail", pk=rating.pk)
    context = {"rating": rating, "form": form, "reconsider": False}
    return render(request, "ratings/complain.html", context)


@login_required
def reconsider(request: HttpRequest, pk: int) -> HttpResponse:
    """The office opens a reconsideration, e.g. for a discipline found after the decision."""
    rating = _rating(request, pk)
    if not (rating.level and rating_policy.can(request.user, DECIDE, rating)):
        raise PermissionDenied
    form = ReconsiderationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.rating_reconsider(
                rating=rating, text=form.cleaned_data["text"], user=request.user
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The reconsideration is opened."))
            return redirect("ratings:detail", pk=rating.pk)
    context = {"rating": rating, "form": form, "reconsider": True}
    return render(request, "ratings/complain.html", context)


@login_required
def answer(request: HttpRequest, pk: int, complaint_pk: int) -> HttpResponse:
    """The committee answers: keep the decision, or a new decision with number, date, reason."""
    rating = _rating(request, pk)
    rating_policy.check(request.user, DECIDE, rating)
    complaint = lookups.rating_complaint(rating, complaint_pk)
    form = AnswerForm(request.POST or None, initial={"outcome": Complaint.Outcome.KEEP})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.complaint_answer(
                complaint=complaint,
                keep=data["outcome"] == Complaint.Outcome.KEEP,
                reason=data["reason"],
                level=data.get("level") or "",
                number=data.get("number") or "",
                date=data.get("date"),
                user=request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The answer is recorded."))
            return redirect("ratings:detail", pk=rating.pk)
    context = {"rating": rating, "complaint": complaint, "form": form}
    return render(request, "ratings/answer.html", context)
