"""Permission matrix of the pledges app: every URL × every role."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from core.testing import Case
from pledges.tests.factories import PersonalPlanFactory, PledgeFactory

THIS_YEAR = dt.date.today().year
VIEWERS = {"office": 200, "secretary": 200, "other_secretary": 200, "inspection": 200}
EVERYONE = {**VIEWERS, "member": 200, "editor": 200}
WITH_PERSON = {"secretary": 200, "other_secretary": 200, "member": 200}
CELL_A_VIEW = {"office": 200, "secretary": 200, "inspection": 200}
# Changes to a record of cell A: its secretary and the office; inspection sees it but may not.
CELL_A_EDIT = {"office": 200, "secretary": 200, "inspection": 403}
CELL_A_POST = {"office": 302, "secretary": 302, "inspection": 403}


def pledge_a(tree, users, **extra):
    return PledgeFactory(person=tree.members_a[2], **extra)


def pledge_kwargs(tree, users):
    return {"pk": pledge_a(tree, users).pk}


def scanned_kwargs(tree, users):
    scan = SimpleUploadedFile("scan.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    return {"pk": pledge_a(tree, users, scan=scan).pk}


def plan_kwargs(tree, users):
    return {"pk": PersonalPlanFactory(person=tree.members_a[2]).pk}


def cell_a(tree, users):
    return {"pk": tree.cell_a.pk}


MATRIX = {
    "pledges:mine": Case(expect=EVERYONE),
    "pledges:my_pledge": Case(expect=WITH_PERSON, kwargs=lambda t, u: {"year": THIS_YEAR}),
    "pledges:my_plan": Case(expect=WITH_PERSON, kwargs=lambda t, u: {"year": THIS_YEAR}),
    "pledges:pledge_list": Case(expect=VIEWERS),
    "pledges:pledge_record": Case(expect={"office": 200, "secretary": 200, "other_secretary": 200}),
    "pledges:pledge_detail": Case(expect=CELL_A_VIEW, kwargs=pledge_kwargs, default=404),
    "pledges:pledge_edit": Case(expect=CELL_A_EDIT, kwargs=pledge_kwargs, default=404),
    "pledges:pledge_confirm": Case(
        expect=CELL_A_POST, kwargs=pledge_kwargs, default=404, method="post"
    ),
    "pledges:pledge_download": Case(
        expect=CELL_A_VIEW, kwargs=lambda t, u: {**pledge_kwargs(t, u), "fmt": "docx"}, default=404
    ),
    "pledges:pledge_scan": Case(expect=CELL_A_VIEW, kwargs=scanned_kwargs, default=404),
    "pledges:plan_list": Case(expect=VIEWERS),
    "pledges:plan_detail": Case(expect=CELL_A_VIEW, kwargs=plan_kwargs, default=404),
    "pledges:progress": Case(expect=VIEWERS),
    "pledges:progress_cell": Case(expect={**CELL_A_VIEW, "other_secretary": 404}, kwargs=cell_a),
    "pledges:reminder": Case(expect={**CELL_A_VIEW, "other_secretary": 404}, kwargs=cell_a),
    "pledges:standard_list": Case(expect=VIEWERS),
    "pledges:standard_edit": Case(
        expect={"office": 200, "secretary": 200, "other_secretary": 404},
        kwargs=lambda t, u: {"unit_pk": t.cell_a.pk, "year": 2019},
    ),
    "pledges:template_edit": Case(expect={"office": 200}, kwargs=lambda t, u: {"year": 2019}),
}
