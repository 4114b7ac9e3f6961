"""Thin views: parse the request, call one selector or service, render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.editing import act, simple_form_page
from core.http import AuthenticatedRequest
from core.jobs import retry_job, serve_result
from core.listing import Column, render_listing
from core.pagination import paginate
from core.policy import ADD, CHANGE, VIEW, permission_required_for
from core.search import search

from . import charts, figure_jobs, page, selectors, services
from .content import report_content
from .drafting import PARTS, SECTION_TITLES, summary_line
from .exports import FORMATS
from .forms import ReviewForm, SectionForm
from .models import SECTION_KEYS, ExportJob, Review
from .phrasing import phrase_percent
from .policies import export_jobs, reviews
from .tasks import export_run


def _errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _period(review: Review) -> str:
    return f"{review.period_from:%d/%m/%Y} – {review.period_to:%d/%m/%Y}"


REVIEW_COLUMNS = [
    Column("number", gettext_lazy("Number"), ("number_symbol",), "number_symbol"),
    Column("kind", gettext_lazy("Kind"), ("kind", "-period_to"), "get_kind_display"),
    Column(
        "committee", gettext_lazy("Committee"), ("committee__path", "-period_to"), "committee.name"
    ),
    Column("period", gettext_lazy("Period"), ("period_to", "period_from"), _period),
    Column("version", gettext_lazy("Version"), ("lineage", "version"), "version", css="num"),
    Column("status", gettext_lazy("Status"), ("status", "-period_to"), "get_status_display"),
]


@permission_required_for(reviews, VIEW)
def review_list(request: HttpRequest) -> HttpResponse:
    return render_listing(
        request,
        "reports/list.html",
        selectors.reviews_for(request.user, request.GET.get("q")),
        REVIEW_COLUMNS,
        {"can_add": reviews.can(request.user, ADD)},
        filename="bao-cao",
    )


@permission_required_for(reviews, ADD)
def review_create(request: HttpRequest) -> HttpResponse:
    committees = selectors.committees_for(request.user)
    form = ReviewForm(
        request.POST or None, committees=committees, directives=selectors.directives(request.user)
    )
    return simple_form_page(
        request,
        form,
        title=_("New report"),
        back=reverse("reports:list"),
        save=lambda data: services.review_create(user=request.user, **data),
        message=_("The report was started; its figures are live."),
        to=lambda review: reverse("reports:detail", args=[review.pk]),
    )


@login_required
def review_edit(request: HttpRequest, pk: int) -> HttpResponse:
    review = reviews.get_for(request.user, CHANGE, pk=pk)
    if review.is_frozen:
        messages.error(request, _("This report is frozen: it can no longer be changed."))
        return redirect("reports:detail", pk=review.pk)
    form = ReviewForm(
        request.POST or None, instance=review, directives=selectors.directives(request.user)
    )
    return simple_form_page(
        request,
        form,
        title=_("Edit the report"),
        back=reverse("reports:detail", args=[review.pk]),
        save=lambda data: services.review_update(review=review, user=request.user, **data),
        message=_("Saved."),
        context={"review": review},
    )


@login_required
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = reviews.get_for(request.user, VIEW, pk=pk)
    if review.is_frozen:
        content = report_content(review)
        drawn = charts.draw_all(content.figures, "svg")
        stored = None
    else:
        # Computed once per change of the records, in the background; the page reads them.
        stored = figure_jobs.page_figures(review)
        if stored.figures is None:
            return render(
                request, "reports/figures_pending.html", {"review": review, "stored": stored}
            )
        content = report_content(review, stored.figures)
        drawn = [tuple(chart) for chart in stored.charts]
    figures = content.figures
    by_key = {section.key: section for section in content.sections}
    may_change = reviews.can(request.user, CHANGE, review)
    return render(
        request,
        "reports/detail.html",
        {
            "review": review,
            "content": content,
            "figures": figures,
            "parts": [
                (numeral, title, [by_key[key] for key in keys]) for numeral, title, keys in PARTS
            ],
            "summary": summary_line(review),
            "charts": drawn,
            "stored": stored,
            "stale": stored is not None and stored.wanted != stored.key,
            "may_change": may_change,
            "can_change": may_change and not review.is_frozen,
            "jobs": selectors.jobs_of(review, request.user),
            "formats": FORMATS,
            "headline": _headline(figures),
            "year_rows": page.year_rows(review, figures) if review.pk else [],
            "cell_tables": page.cell_tables(review, figures),
            "topic_url": page.drill_url(review, "topic"),
        },
    )


def _headline(figures: dict) -> dict:
    totals = figures["totals"]
    total = figures["cells_total"]
    return {
        "briefed": f"{totals['cells_briefed']}/{total}",
        "briefed_percent": phrase_percent(100 * totals["cells_briefed"] / total) if total else "",
        "thematic": f"{totals['cells_thematic_every_year']}/{total}",
        "pledges": phrase_percent(totals["pledge_percent_min"]),
        "good": phrase_percent(totals["good_or_better_percent_min"]),
        "excellent": phrase_percent(totals["excellent_percent_min"]),
    }


def _section_context(review: Review, key: str) -> dict[str, Any]:
    """The section as drafted from the stored figures: editing never computes them."""
    stored = None if review.is_frozen else figure_jobs.stored(review).figures
    content = report_content(review, stored)
    section = next(s for s in content.sections if s.key == key)
    return {"review": review, "section": section, "can_change": not review.is_frozen}


@login_required
def section(request: AuthenticatedRequest, pk: int, key: str) -> HttpResponse:
    """GET: the section's edit form (htmx); POST: save it and answer the section."""
    if key not in SECTION_KEYS:
        raise Http404
    review = reviews.get_for(request.user, CHANGE, pk=pk)
    if request.method == "POST":
        form = SectionForm(request.POST)
        if form.is_valid():
            try:
                review = services.review_section_save(
                    review=review, key=key, text=form.cleaned_data["text"], user=request.user
                )
            except ValidationError as error:
                if not request.htmx:
                    _errors(request, error)
                    return redirect("reports:detail", pk=review.pk)
                context = _section_context(review, key)
                context["error"] = " ".join(error.messages)
                return render(request, "reports/section.html", context)
        if not request.htmx:
            return redirect(f"{review.get_absolute_url()}#section-{key}")
        return render(request, "reports/section.html", _section_context(review, key))
    if request.GET.get("cancel") or review.is_frozen:
        if not request.htmx:
            if review.is_frozen:
                messages.error(request, _("This report is frozen: it can no longer be changed."))
            return redirect(f"{review.get_absolute_url()}#section-{key}")
        return render(request, "reports/section.html", _section_context(review, key))
    context = _section_context(review, key)
    context["form"] = SectionForm(initial={"text": context["section"].text})
    template = "reports/section_form.html" if request.htmx else "reports/section_page.html"
    return render(request, template, context)


@login_required
@require_POST
def section_reset(request: AuthenticatedRequest, pk: int, key: str) -> HttpResponse:
    if key not in SECTION_KEYS:
        raise Http404
    review = reviews.get_for(request.user, CHANGE, pk=pk)
    try:
        review = services.review_section_reset(review=review, key=key, user=request.user)
    except ValidationError as error:
        _errors(request, error)
    if request.htmx:
        return render(request, "reports/section.html", _section_context(review, key))
    return redirect(f"{review.get_absolute_url()}#section-{key}")


@login_required
@require_POST
def freeze(request: HttpRequest, pk: int) -> HttpResponse:
    review = reviews.get_for(request.user, CHANGE, pk=pk)
    return act(
        request,
        lambda: services.review_freeze(review=review, user=request.user),
        message=_("The report is frozen: its figures and text are kept."),
        to=reverse("reports:detail", args=[review.pk]),
    )


@login_required
@require_POST
def new_version(request: HttpRequest, pk: int) -> HttpResponse:
    review = reviews.get_for(request.user, CHANGE, pk=pk)
    try:
        copy = services.review_new_version(review=review, user=request.user)
    except ValidationError as error:
        _errors(request, error)
        return redirect("reports:detail", pk=review.pk)
    messages.success(request, _("A new version was drafted."))
    return redirect("reports:detail", pk=copy.pk)


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    review = reviews.get_for(request.user, CHANGE, pk=pk)
    try:
        article, created = services.review_publish(review=review, user=request.user)
    except ValidationError as error:
        _errors(request, error)
        return redirect("reports:detail", pk=review.pk)
    if not created:
        # One article per report: open the one there is instead of a second draft.
        messages.info(request, _("This report already has its news article; here it is."))
        return redirect("news:article_edit", pk=article.pk)
    messages.success(
        request,
        _("A draft news article was created for the editor: “%(title)s”.")
        % {"title": article.title},
    )
    return redirect("reports:detail", pk=review.pk)


@login_required
@require_POST
def export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    review = reviews.get_for(request.user, VIEW, pk=pk)
    export_jobs.check(request.user, ADD, ExportJob(review=review))
    job = services.export_job_create(review=review, exporter=FORMATS[fmt], user=request.user)
    export_run.enqueue(job.pk)
    return redirect("reports:job", pk=job.pk)


def _job(request: HttpRequest, pk: int) -> ExportJob:
    return export_jobs.get_visible_or_404(request.user, pk=pk)


def _job_page(template: str) -> Callable[[HttpRequest, int], HttpResponse]:
    """The job as it stands, once a job whose worker died has been marked failed: its page,
    or the part of it that polls its status."""

    @login_required
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        found = services.export_job_check(job=_job(request, pk))
        can_retry = export_jobs.can(request.user, ADD, found)
        return render(request, template, {"job": found, "can_retry": can_retry})

    return view


job = _job_page("reports/job.html")
job_status = _job_page("reports/job_status.html")


@login_required
@require_POST
def job_retry(request: HttpRequest, pk: int) -> HttpResponse:
    """Start a failed export again (e.g. after its worker died)."""
    found = export_jobs.get_for(request.user, ADD, pk=pk)
    return retry_job(
        request,
        lambda: services.export_job_retry(job=found, user=request.user),
        export_run,
        to=reverse("reports:job", args=[pk]),
    )


@login_required
def job_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    job = _job(request, pk)  # the requesting user must see the job's committee
    return serve_result(request, job, title=str(job.review))


@login_required
def figures_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress of the figures' computation; reloads the page once they are ready."""
    review = reviews.get_for(request.user, VIEW, pk=pk)
    stored = figure_jobs.stored(review)
    response = render(request, "reports/figures_status.html", {"review": review, "stored": stored})
    if stored.key == stored.wanted and stored.figures is not None:
        response["HX-Refresh"] = "true"
    return response


@login_required
def drill(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    review = reviews.get_for(request.user, VIEW, pk=pk)
    found = selectors.drill(review, name, request.GET)
    queryset = search(found.queryset, request.GET.get("q"), found.search_field)
    return render(
        request,
        "reports/drill.html",
        {
            "review": review,
            "drill": found,
            "page_obj": paginate(request, queryset),
            "section_titles": SECTION_TITLES,
        },
    )
