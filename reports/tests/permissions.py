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


def on_a_review(expect: dict[str, int], kwargs=review_pk, **more) -> Case:
    """A URL of the saved review of `make_review`: roles that cannot see it get 404."""
    return Case(expect=expect, default=404, kwargs=kwargs, setup=make_review, **more)


def office_post(kwargs=review_pk) -> Case:
    """A change to the saved review that only the office makes; inspection sees but may not."""
    return on_a_review({"office": 302, "inspection": 403}, kwargs, method="post")


MATRIX = {
    "reports:list": Case(expect=VIEWERS, default=403),
    "reports:create": Case(expect={"office": 200}, default=403),
    "reports:detail": on_a_review(VIEWERS),
    "reports:edit": on_a_review({"office": 200, "inspection": 403}),
    "reports:section": on_a_review({"office": 200, "inspection": 403}, section),
    "reports:section_reset": office_post(
        lambda tree, users: {**review_pk(tree, users), "key": "leading"}
    ),
    "reports:freeze": office_post(),
    "reports:new_version": office_post(),
    "reports:publish": office_post(),
    "reports:export": on_a_review(
        {"office": 302, "inspection": 302},
        lambda tree, users: {**review_pk(tree, users), "fmt": "json"},
        method="post",
    ),
    "reports:drill": on_a_review(VIEWERS, drill, data=lambda tree, users: {"year": "2017"}),
    "reports:figures_status": on_a_review(VIEWERS),
    "reports:job": on_a_review(VIEWERS, job_pk),
    "reports:job_status": on_a_review(VIEWERS, job_pk),
    "reports:job_download": on_a_review(VIEWERS, job_pk),
    # A done job cannot be re-run: the page says so (302 back to the job).
    "reports:job_retry": on_a_review({"office": 302, "inspection": 302}, job_pk, method="post"),
}
