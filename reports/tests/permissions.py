"""Every reports URL × every role. Office and inspection of the committee see reports; only
the office changes them; inspection may export. Secretaries, members and editors see none."""

import datetime as dt

from django.core.files.base import ContentFile

from core.testing import Case
from reports.models import ExportJob, Review


def make_review(tree, users):
    from reports.tests.factories import DocumentFactory

    review = Review.objects.create(
        committee=tree.committee,
        directive=DocumentFactory(),
        period_from=dt.date(2016, 5, 15),
        period_to=dt.date(2020, 6, 30),
        number_symbol="15-BC/ĐU",
        place="Hà Nội",
    )
    review.lineage = review.pk
    review.save()
    job = ExportJob(review=review, exporter="review_json", status="done", progress=100)
    job.filename = "bao-cao.json"
    job.content_type = "application/json"
    job.file.save("bao-cao.json", ContentFile(b"{}"), save=False)
    job.save()
    return review


def review_pk(tree, users):
    return {"pk": Review.objects.get(committee=tree.committee).pk}


def section(tree, users):
    return {**review_pk(tree, users), "key": "limitations"}


def job_pk(tree, users):
    return {"pk": ExportJob.objects.get(review__committee=tree.committee).pk}


def drill(tree, users):
    return {**review_pk(tree, users), "name": "roll"}


VIEWERS = {"office": 200, "inspection": 200}

MATRIX = {
    "reports:list": Case(expect=VIEWERS, default=403),
    "reports:create": Case(expect={"office": 200}, default=403),
    "reports:detail": Case(expect=VIEWERS, default=404, kwargs=review_pk, setup=make_review),
    "reports:edit": Case(
        expect={"office": 200, "inspection": 403}, default=404, kwargs=review_pk, setup=make_review
    ),
    "reports:section": Case(
        expect={"office": 200, "inspection": 403}, default=404, kwargs=section, setup=make_review
    ),
    "reports:section_reset": Case(
        expect={"office": 302, "inspection": 403},
        default=404,
        kwargs=lambda tree, users: {**review_pk(tree, users), "key": "leading"},
        setup=make_review,
        method="post",
    ),
    "reports:freeze": Case(
        expect={"office": 302, "inspection": 403},
        default=404,
        kwargs=review_pk,
        setup=make_review,
        method="post",
    ),
    "reports:new_version": Case(
        expect={"office": 302, "inspection": 403},
        default=404,
        kwargs=review_pk,
        setup=make_review,
        method="post",
    ),
    "reports:publish": Case(
        expect={"office": 302, "inspection": 403},
        default=404,
        kwargs=review_pk,
        setup=make_review,
        method="post",
    ),
    "reports:export": Case(
        expect={"office": 302, "inspection": 302},
        default=404,
        kwargs=lambda tree, users: {**review_pk(tree, users), "fmt": "json"},
        setup=make_review,
        method="post",
    ),
    "reports:drill": Case(
        expect=VIEWERS,
        default=404,
        kwargs=drill,
        setup=make_review,
        data=lambda tree, users: {"year": "2017"},
    ),
    "reports:figures_status": Case(
        expect=VIEWERS, default=404, kwargs=review_pk, setup=make_review
    ),
    "reports:job": Case(expect=VIEWERS, default=404, kwargs=job_pk, setup=make_review),
    "reports:job_status": Case(expect=VIEWERS, default=404, kwargs=job_pk, setup=make_review),
    "reports:job_download": Case(expect=VIEWERS, default=404, kwargs=job_pk, setup=make_review),
    # A done job cannot be re-run: the page says so (302 back to the job).
    "reports:job_retry": Case(
        expect={"office": 302, "inspection": 302},
        default=404,
        kwargs=job_pk,
        setup=make_review,
        method="post",
    ),
}
