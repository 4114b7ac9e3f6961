"""Every URL of the inspections app × every role (tests/test_permission_matrix.py).

Objects sit in cell A, whose secretary is "secretary": the commission and the office see and
change everything, the secretary sees and records remediation, the others get 404 (objects)
or 403 (lists).
"""

from django.core.files.base import ContentFile
from django.utils import timezone

from core.testing import Case
from inspections.models import EvidenceFile, Inspection, Remediation, RemediationSubmission
from inspections.tests.factories import (
    ConcludedInspectionFactory,
    FindingFactory,
    InspectionFactory,
    InspectionPlanFactory,
    RemediationFactory,
)

EDITORS_LIST = {"office": 200, "inspection": 200}
READERS_LIST = {"office": 200, "inspection": 200, "secretary": 200, "other_secretary": 200}
EDITORS_PAGE = {"office": 200, "inspection": 200, "secretary": 403}
READERS_PAGE = {"office": 200, "inspection": 200, "secretary": 200}
EDITORS_POST = {"office": 302, "inspection": 302, "secretary": 403}
READERS_POST = {"office": 302, "inspection": 302, "secretary": 302}


def _plan(tree, **kwargs):
    return InspectionPlanFactory(committee=tree.committee, **kwargs)


def _item(tree, **kwargs):
    return InspectionFactory(subject_unit=tree.cell_a, plan=_plan(tree), **kwargs)


def _concluded(tree, **kwargs):
    return ConcludedInspectionFactory(subject_unit=tree.cell_a, plan=_plan(tree), **kwargs)


def _task(tree, state=Remediation.State.OPEN):
    task = RemediationFactory(inspection=_concluded(tree), state=state)
    if state == Remediation.State.SUBMITTED:
        RemediationSubmission.objects.create(remediation=task, text="Đã làm.")
    return task


def _evidence(tree):
    task = _task(tree, Remediation.State.SUBMITTED)
    submission = task.submissions.get()
    evidence = EvidenceFile(submission=submission, name="bien-ban.txt")
    evidence.file.save("bien-ban.txt", ContentFile(b"bien ban"), save=True)
    return evidence


def _plan_with_file(tree):
    plan = _plan(tree)
    plan.file.save("ke-hoach.txt", ContentFile(b"ke hoach"), save=True)
    return plan


def _concluded_with_file(tree):
    item = _concluded(tree)
    item.conclusion_file.save("ket-luan.txt", ContentFile(b"ket luan"), save=True)
    return item


def _today(tree, users):
    return timezone.localdate().isoformat()


MATRIX = {
    "inspections:inspection_list": Case(expect=READERS_LIST),
    "inspections:remediation_list": Case(expect=READERS_LIST),
    "inspections:progress": Case(expect=READERS_LIST),
    "inspections:plan_list": Case(expect=EDITORS_LIST),
    "inspections:plan_create": Case(expect=EDITORS_LIST),
    "inspections:plan_detail": Case(
        expect=EDITORS_LIST, default=404, kwargs=lambda t, u: {"pk": _plan(t).pk}
    ),
    "inspections:plan_update": Case(
        expect=EDITORS_LIST, default=404, kwargs=lambda t, u: {"pk": _plan(t).pk}
    ),
    "inspections:plan_delete": Case(
        expect={"office": 302, "inspection": 302},
        default=404,
        method="post",
        kwargs=lambda t, u: {"pk": _plan(t).pk},
    ),
    "inspections:plan_file": Case(
        expect=EDITORS_LIST, default=404, kwargs=lambda t, u: {"pk": _plan_with_file(t).pk}
    ),
    "inspections:plan_print": Case(
        expect=EDITORS_LIST,
        default=404,
        kwargs=lambda t, u: {"pk": _item(t).plan_id, "fmt": "docx"},
    ),
    "inspections:inspection_create": Case(
        expect=EDITORS_LIST, default=404, kwargs=lambda t, u: {"plan_pk": _plan(t).pk}
    ),
    "inspections:inspection_detail": Case(
        expect=READERS_PAGE, default=404, kwargs=lambda t, u: {"pk": _item(t).pk}
    ),
    "inspections:inspection_update": Case(
        expect=EDITORS_PAGE, default=404, kwargs=lambda t, u: {"pk": _item(t).pk}
    ),
    "inspections:inspection_carry_out": Case(
        expect=EDITORS_PAGE,
        default=404,
        kwargs=lambda t, u: {
            "pk": _item(t, state=Inspection.State.IN_PROGRESS, started_on=timezone.localdate()).pk
        },
    ),
    "inspections:inspection_start": Case(
        expect=EDITORS_POST,
        default=404,
        method="post",
        kwargs=lambda t, u: {"pk": _item(t).pk},
        data=lambda t, u: {"started_on": _today(t, u)},
    ),
    "inspections:inspection_conclude": Case(
        expect=EDITORS_PAGE,
        default=404,
        kwargs=lambda t, u: {
            "pk": _item(t, state=Inspection.State.IN_PROGRESS, started_on=timezone.localdate()).pk
        },
    ),
    "inspections:inspection_delete": Case(
        expect=EDITORS_POST, default=404, method="post", kwargs=lambda t, u: {"pk": _item(t).pk}
    ),
    "inspections:inspection_file": Case(
        expect=READERS_PAGE,
        default=404,
        kwargs=lambda t, u: {"pk": _concluded_with_file(t).pk, "kind": "ket-luan"},
    ),
    "inspections:conclusion_print": Case(
        expect=READERS_PAGE,
        default=404,
        kwargs=lambda t, u: {"pk": _concluded(t).pk, "fmt": "docx"},
    ),
    "inspections:finding_create": Case(
        expect=EDITORS_POST,
        default=404,
        method="post",
        kwargs=lambda t, u: {"pk": _concluded(t).pk},
        data=lambda t, u: {"kind": "strength", "text": "Chi bộ đoàn kết."},
    ),
    "inspections:finding_delete": Case(
        expect=EDITORS_POST,
        default=404,
        method="post",
        kwargs=lambda t, u: {"pk": FindingFactory.create(inspection=_concluded(t)).pk},
    ),
    "inspections:remediation_create": Case(
        expect=EDITORS_PAGE, default=404, kwargs=lambda t, u: {"pk": _concluded(t).pk}
    ),
    "inspections:remediation_detail": Case(
        expect=READERS_PAGE, default=404, kwargs=lambda t, u: {"pk": _task(t).pk}
    ),
    "inspections:remediation_update": Case(
        expect=EDITORS_PAGE, default=404, kwargs=lambda t, u: {"pk": _task(t).pk}
    ),
    "inspections:remediation_delete": Case(
        expect=EDITORS_POST, default=404, method="post", kwargs=lambda t, u: {"pk": _task(t).pk}
    ),
    "inspections:remediation_submit": Case(
        expect=READERS_POST,
        default=404,
        method="post",
        kwargs=lambda t, u: {"pk": _task(t).pk},
        data=lambda t, u: {"submit-text": "Chi bộ đã ban hành chuẩn mực riêng."},
    ),
    "inspections:remediation_verify": Case(
        expect=EDITORS_POST,
        default=404,
        method="post",
        kwargs=lambda t, u: {"pk": _task(t, Remediation.State.SUBMITTED).pk},
        data=lambda t, u: {"verify-completed_on": _today(t, u)},
    ),
    "inspections:remediation_return": Case(
        expect=EDITORS_POST,
        default=404,
        method="post",
        kwargs=lambda t, u: {"pk": _task(t, Remediation.State.SUBMITTED).pk},
        data=lambda t, u: {"return-note": "Thiếu biên bản."},
    ),
    "inspections:evidence_download": Case(
        expect=READERS_PAGE, default=404, kwargs=lambda t, u: {"pk": _evidence(t).pk}
    ),
}
