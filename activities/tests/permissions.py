"""Permission matrix of the activities app: every URL × every role."""

from activities.models import ActivityPhoto
from activities.tests.factories import ActivityFactory, CommendationFactory, png_upload
from core.testing import Case

VIEWERS = {"office": 200, "secretary": 200, "other_secretary": 200, "inspection": 200}
CELL_A_VIEW = {"office": 200, "secretary": 200, "inspection": 200}
# Changes to a record of cell A: its secretary and the office; inspection sees it but may not.
CELL_A_EDIT = {"office": 200, "secretary": 200, "inspection": 403}
CELL_A_POST = {"office": 302, "secretary": 302, "inspection": 403}


def activity_kwargs(tree, users):
    return {"pk": ActivityFactory(unit=tree.cell_a).pk}


def photo_kwargs(tree, users):
    activity = ActivityFactory(unit=tree.cell_a)
    photo = ActivityPhoto.objects.create(activity=activity, image=png_upload())
    return {"pk": photo.pk}


def commendation_kwargs(tree, users):
    return {"pk": CommendationFactory(person=tree.members_a[2]).pk}


MATRIX = {
    "activities:activity_list": Case(expect=VIEWERS),
    "activities:activity_create": Case(
        expect={"office": 200, "secretary": 200, "other_secretary": 200}
    ),
    "activities:activity_detail": Case(expect=CELL_A_VIEW, kwargs=activity_kwargs, default=404),
    "activities:activity_edit": Case(expect=CELL_A_EDIT, kwargs=activity_kwargs, default=404),
    "activities:activity_delete": Case(
        expect=CELL_A_POST, kwargs=activity_kwargs, default=404, method="post"
    ),
    "activities:photo_add": Case(
        expect=CELL_A_POST,
        kwargs=activity_kwargs,
        default=404,
        method="post",
        data=lambda t, u: {"image": png_upload(), "caption": "Ảnh"},
    ),
    "activities:photo_file": Case(expect=CELL_A_VIEW, kwargs=photo_kwargs, default=404),
    "activities:photo_delete": Case(
        expect=CELL_A_POST, kwargs=photo_kwargs, default=404, method="post"
    ),
    "activities:totals": Case(expect=VIEWERS),
    "activities:commendation_list": Case(expect=VIEWERS),
    "activities:commendation_create": Case(expect={"office": 200}),
    "activities:commendation_detail": Case(
        expect=CELL_A_VIEW, kwargs=commendation_kwargs, default=404
    ),
    "activities:commendation_edit": Case(
        expect={"office": 200, "secretary": 403, "inspection": 403},
        kwargs=commendation_kwargs,
        default=404,
    ),
    "activities:commendation_delete": Case(
        expect={"office": 302, "secretary": 403, "inspection": 403},
        kwargs=commendation_kwargs,
        default=404,
        method="post",
    ),
}
