from core.testing import Case


def office_job(tree, users):
    """An export job of the office user: nobody else's job page, status or file exists."""
    from workbook.models import WorkbookJob

    job = WorkbookJob.objects.create(
        kind=WorkbookJob.Kind.CHECK, created_by=users["office"], status="done", result={}
    )
    return {"pk": job.pk}


MATRIX = {
    "workbook:index": Case(expect={"office": 200, "secretary": 200, "other_secretary": 200}),
    # An empty upload is refused with the form again (400); nothing is stored.
    "workbook:upload": Case(
        method="post", expect={"office": 400, "secretary": 400, "other_secretary": 400}
    ),
    "workbook:job": Case(expect={"office": 200}, kwargs=office_job, default=404),
    "workbook:job_status": Case(expect={"office": 200}, kwargs=office_job, default=404),
    # A check without a result cannot be confirmed, even by its owner.
    "workbook:confirm": Case(method="post", expect={}, kwargs=office_job, default=404),
    # A finished job is not run again (a message on its page); nobody else's job exists.
    "workbook:retry": Case(method="post", expect={"office": 302}, kwargs=office_job, default=404),
    "workbook:download": Case(expect={}, kwargs=office_job, default=404),
    "workbook:export": Case(
        method="post",
        expect={"office": 302, "inspection": 302, "secretary": 302, "other_secretary": 302},
    ),
    "workbook:template": Case(
        expect={"office": 200, "inspection": 200, "secretary": 200, "other_secretary": 200}
    ),
}
