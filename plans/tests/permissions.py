"""Every URL of the plans app × every role (tests/test_permission_matrix.py).

The plan belongs to the test committee: the office changes it; the inspection commission,
secretaries and members read it; the editor has no role that reaches plans.
"""

from core.testing import Case
from plans.tests.factories import PlanFactory, PlanItemFactory, TargetFactory

READERS = {
    "office": 200,
    "inspection": 200,
    "secretary": 200,
    "other_secretary": 200,
    "member": 200,
}
EDITOR_PAGE = {"office": 200, "inspection": 403, "secretary": 403, "other_secretary": 403}
EDITOR_PAGE |= {"member": 403}
EDITOR_POST = {**EDITOR_PAGE, "office": 302}


def _plan(tree, users=None):
    return PlanFactory(committee=tree.committee)


MATRIX = {
    "plans:list": Case(expect=READERS),
    "plans:create": Case(expect={"office": 200}),
    "plans:detail": Case(expect=READERS, default=404, kwargs=lambda t, u: {"pk": _plan(t).pk}),
    "plans:edit": Case(expect=EDITOR_PAGE, default=404, kwargs=lambda t, u: {"pk": _plan(t).pk}),
    "plans:print": Case(
        expect=READERS, default=404, kwargs=lambda t, u: {"pk": _plan(t).pk, "fmt": "docx"}
    ),
    "plans:part_add": Case(
        expect=EDITOR_PAGE, default=404, kwargs=lambda t, u: {"pk": _plan(t).pk, "part": "muc"}
    ),
    "plans:part_edit": Case(
        expect=EDITOR_PAGE,
        default=404,
        kwargs=lambda t, u: (
            lambda target: {"pk": target.plan_id, "part": "chi-tieu", "part_pk": target.pk}
        )(TargetFactory.create(plan=_plan(t))),
    ),
    "plans:part_delete": Case(
        expect=EDITOR_POST,
        default=404,
        method="post",
        kwargs=lambda t, u: (lambda item: {"pk": item.plan_id, "part": "muc", "part_pk": item.pk})(
            PlanItemFactory.create(plan=_plan(t))
        ),
    ),
}
