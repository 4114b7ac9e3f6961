"""The review page's figures are computed once per change of the records, in the background:
views and section edits read the stored figures, a change to the records starts a new
computation, and while one runs the page shows its progress."""

import datetime as dt

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core import jobs
from reports.models import ReviewFigures

from .factories import MeetingFactory


def regular_2017(review):
    figures = ReviewFigures.objects.get(review=review).figures
    return next(y for y in figures["years"] if y["year"] == 2017)["regular_meetings"]["meetings"]


def test_views_read_the_stored_figures_until_the_records_change(
    client_as, review, records, tree, django_capture_on_commit_callbacks
):
    client = client_as("office")
    assert client.get(review.get_absolute_url()).status_code == 200
    stored = ReviewFigures.objects.get(review=review)
    assert stored.status == ReviewFigures.Status.DONE and len(stored.charts) == 4
    before = regular_2017(review)
    client.get(review.get_absolute_url())
    assert ReviewFigures.objects.get(review=review).computed_at == stored.computed_at
    # A section edit drafts from the stored figures; nothing is computed.
    url = reverse("reports:section", args=[review.pk, "limitations"])
    assert client.post(url, {"text": "Còn hạn chế."}, HTTP_HX_REQUEST="true").status_code == 200
    assert ReviewFigures.objects.get(review=review).computed_at == stored.computed_at
    # A meeting of 2017 is recorded: the next view computes the figures again.
    # A transaction of its own, as a request is: its years move once it commits.
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        MeetingFactory(unit=tree.cell_b, kind="regular", date=dt.date(2017, 9, 5))
    response = client.get(review.get_absolute_url())
    assert response.status_code == 200
    assert ReviewFigures.objects.get(review=review).computed_at > stored.computed_at
    assert regular_2017(review) == before + 1


def test_while_a_worker_computes_the_page_shows_its_progress(client_as, review, records):
    from reports import figure_jobs

    key = figure_jobs.figures_key(review)
    ReviewFigures.objects.create(
        review=review,
        wanted=key,
        status=ReviewFigures.Status.RUNNING,
        progress=40,
        step="2018",
        worker=jobs.worker_id(),
        heartbeat_at=timezone.now(),
    )
    client = client_as("office")
    page = client.get(review.get_absolute_url()).content.decode()
    assert "Hồ sơ đã thay đổi: số liệu đang được tính lại." in page
    assert 'value="40"' in page
    status_url = reverse("reports:figures_status", args=[review.pk])
    assert status_url in page  # polled every 2 s
    assert "HX-Refresh" not in client.get(status_url).headers
    figure_jobs.compute_and_store(ReviewFigures.objects.get(review=review).pk, key)
    assert client.get(status_url).headers["HX-Refresh"] == "true"
    assert "Hồ sơ đã thay đổi" not in client.get(review.get_absolute_url()).content.decode()
