"""A draft report's figures, computed once per change of its records, in the background.

The page reads `ReviewFigures`: the figures and the four charts as of a key (the committee,
the period, the roll dates and the records versions). When the key moved, the page shows the
figures it has (or none yet) with a progress bar, and a worker computes the new ones; the
next views read them. Section edits read the stored figures and never compute.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from core import jobs

from . import charts, versions
from .models import Review, ReviewFigures
from .scope import Period, Scope
from .snapshots import figures_for

ACTIVE = (ReviewFigures.Status.PENDING, ReviewFigures.Status.RUNNING)


def figures_key(review: Review) -> str:
    """What the figures depend on: a new key means they must be computed again."""
    scope = Scope(review.committee, Period(review.period_from, review.period_to))
    parts = [
        review.committee_id,
        review.period_from.isoformat(),
        review.period_to.isoformat(),
        [day.isoformat() for day in scope.roll_dates.values()],
    ]
    return versions.digest(parts, scope.years)


def stored(review: Review) -> ReviewFigures:
    found, _created = ReviewFigures.objects.get_or_create(review=review)
    return found


def _waiting_on(found: ReviewFigures, key: str) -> bool:
    """A worker already computes (or will compute) this key and is alive."""
    if found.wanted != key or found.status not in ACTIVE:
        return False
    if found.status == ReviewFigures.Status.RUNNING:
        return not jobs.is_dead(worker=found.worker, heartbeat_at=found.heartbeat_at)
    waited = (timezone.now() - (found.heartbeat_at or timezone.now())).total_seconds()
    return waited < jobs.start_seconds()


def page_figures(review: Review) -> ReviewFigures:
    """The stored figures for the page; when stale, a computation is started (once)."""
    from .tasks import figures_run

    key = figures_key(review)
    found = stored(review)
    if found.key == key and found.figures is not None:
        return found
    if not _waiting_on(found, key):
        ReviewFigures.objects.filter(pk=found.pk).update(
            wanted=key,
            status=ReviewFigures.Status.PENDING,
            progress=0,
            step="",
            error="",
            worker="",
            heartbeat_at=timezone.now(),
        )
        figures_run.enqueue(found.pk, key)  # in the tests' settings: runs at once
    found.refresh_from_db()
    return found


def is_fresh(found: ReviewFigures, review: Review) -> bool:
    return found.figures is not None and found.key == figures_key(review)


def _update(pk: int, wanted: str, /, **fields: Any) -> int:
    """Write on the run computing `wanted`; a newer run's record is left alone."""
    return ReviewFigures.objects.filter(pk=pk, wanted=wanted).update(**fields)


def compute_and_store(pk: int, key: str) -> None:
    """The worker's side: compute the figures and charts, keep them under `key`."""
    found = ReviewFigures.objects.select_related("review__committee").get(pk=pk)
    if found.key == key and found.figures is not None:
        return
    if not _update(
        pk,
        key,
        status=ReviewFigures.Status.RUNNING,
        worker=jobs.worker_id(),
        heartbeat_at=timezone.now(),
    ):
        return  # a newer key superseded this run
    review = found.review

    def progress(percent: int, step: str) -> None:
        _update(pk, key, progress=percent, step=step[:120], heartbeat_at=timezone.now())

    try:
        with jobs.Heartbeat(lambda: _update(pk, key, heartbeat_at=timezone.now())):
            progress(5, _("Figures"))
            figures = figures_for(
                review.committee, review.period_from, review.period_to, progress=progress
            )
            figures = json.loads(json.dumps(figures))  # as the page will read them
            progress(85, _("Charts"))
            drawn = [list(chart) for chart in charts.draw_all(figures, "svg")]
    except Exception as error:
        _update(
            pk, key, status=ReviewFigures.Status.FAILED, error=f"{type(error).__name__}: {error}"
        )
        raise
    _update(
        pk,
        key,
        key=key,
        figures=figures,
        charts=drawn,
        status=ReviewFigures.Status.DONE,
        progress=100,
        step=_("Done"),
        computed_at=timezone.now(),
    )
