"""The pages: forms keep what was typed, errors sit by their field, actions move the state."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.testing import docx_bytes, post_refused
from inspections.models import Inspection, InspectionPlan, Remediation


def test_the_commission_plans_a_year(client_as, tree):
    client = client_as("inspection")
    response = client.post(
        reverse("inspections:plan_create"),
        {"year": 2021, "number_symbol": "02-KH/ĐU", "issued_on": "2021-01-15", "title": ""},
    )
    plan = InspectionPlan.objects.get()
    assert response.status_code == 302 and plan.committee == tree.committee
    response = client.post(
        reverse("inspections:inspection_create", args=[plan.pk]),
        {
            "form": "inspection",
            "regularity": "thematic",
            "subject_unit": tree.cell_b.pk,
            "content": "Việc khắc phục theo Nghị quyết TW4",
            "team": "Đồng chí A",
            "planned_from": "2021-04-01",
            "planned_to": "2021-04-20",
        },
    )
    item = Inspection.objects.get()
    assert response.status_code == 302 and item.code == "KT-2021-01" and item.year == 2021
    page = client.get(reverse("inspections:plan_detail", args=[plan.pk])).content.decode()
    assert "KT-2021-01" in page and "01/04/2021" in page


def test_a_form_error_keeps_what_was_typed(client_as, plan, tree):
    post_refused(
        client_as("office"),
        reverse("inspections:inspection_create", args=[plan.pk]),
        {
            "form": "supervision",
            "regularity": "regular",
            "content": "Nội dung đã gõ",
            "planned_from": "2020-05-10",
            "planned_to": "2020-05-01",
        },
        "Nội dung đã gõ",
        "chỉ một trong hai",
    )
    assert not Inspection.objects.exists()


def test_conclusion_before_start_is_shown_next_to_the_date(client_as, item):
    Inspection.objects.filter(pk=item.pk).update(
        state="in_progress", started_on=dt.date(2020, 3, 10)
    )
    response = client_as("inspection").post(
        reverse("inspections:inspection_conclude", args=[item.pk]),
        {"concluded_on": "2020-03-01", "conclusion": "Kết luận đã gõ", "conclusion_number": ""},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Kết luận đã gõ" in page
    assert 'id="id_concluded_on_error"' in page and "trước ngày bắt đầu" in page
    item.refresh_from_db()
    assert item.state == "in_progress"


def test_start_conclude_find_and_set_a_task(client_as, item, tree):
    client = client_as("inspection")
    client.post(
        reverse("inspections:inspection_start", args=[item.pk]), {"started_on": "2020-03-02"}
    )
    client.post(
        reverse("inspections:finding_create", args=[item.pk]),
        {"kind": "shortcoming", "text": "Chưa có chuẩn mực riêng"},
    )
    client.post(
        reverse("inspections:inspection_conclude", args=[item.pk]),
        {
            "concluded_on": "2020-03-20",
            "conclusion": "Chi bộ cần khắc phục.",
            "conclusion_number": "05-TB/ĐU",
            "conclusion_file": SimpleUploadedFile("ket-luan.pdf", b"%PDF-1.4"),
        },
    )
    item.refresh_from_db()
    assert item.state == "concluded" and item.conclusion_file
    finding = item.findings.get()
    response = client.post(
        reverse("inspections:remediation_create", args=[item.pk]),
        {"finding": finding.pk, "content": "Ban hành chuẩn mực", "deadline": "2020-02-01"},
    )
    assert "trước ngày kết luận" in response.content.decode()
    client.post(
        reverse("inspections:remediation_create", args=[item.pk]),
        {"finding": finding.pk, "content": "Ban hành chuẩn mực", "deadline": "2020-05-01"},
    )
    task = Remediation.objects.get()
    assert task.responsible_unit == tree.cell_a and task.finding == finding
    file_url = reverse("inspections:inspection_file", args=[item.pk, "ket-luan"])
    assert client_as("secretary").get(file_url).status_code == 200


def test_secretary_reports_with_evidence_and_inspector_verifies(client_as, task):
    secretary = client_as("secretary")
    response = secretary.post(
        reverse("inspections:remediation_submit", args=[task.pk]),
        {
            "submit-text": "Đã ban hành chuẩn mực riêng",
            "submit-files": [
                SimpleUploadedFile("chuan-muc.pdf", b"%PDF-1.4"),
                SimpleUploadedFile("bien-ban.docx", docx_bytes()),
            ],
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.state == "submitted"
    evidence = list(task.submissions.get().files.all())
    assert {e.name for e in evidence} == {"chuan-muc.pdf", "bien-ban.docx"}
    url = reverse("inspections:evidence_download", args=[evidence[0].pk])
    assert secretary.get(url).status_code == 200
    assert client_as("other_secretary").get(url).status_code == 404
    # The secretary cannot close it himself.
    closing = client_as("secretary").post(
        reverse("inspections:remediation_verify", args=[task.pk]),
        {"verify-completed_on": "2020-06-01"},
    )
    assert closing.status_code == 403
    inspector = client_as("inspection")
    response = inspector.post(
        reverse("inspections:remediation_verify", args=[task.pk]),
        {"verify-completed_on": "2020-03-01"},
    )
    assert "trước ngày giao việc" in response.content.decode()
    inspector.post(
        reverse("inspections:remediation_verify", args=[task.pk]),
        {"verify-completed_on": "2020-06-01"},
    )
    task.refresh_from_db()
    assert task.state == "verified" and task.completed_on == dt.date(2020, 6, 1)


def test_an_empty_report_keeps_the_form(client_as, task):
    response = client_as("secretary").post(
        reverse("inspections:remediation_submit", args=[task.pk]), {"submit-text": ""}
    )
    assert response.status_code == 200 and "id_submit-text_error" in response.content.decode()
    task.refresh_from_db()
    assert task.state == "open"


def test_lists_filter_and_search(client_as, task, item):
    client = client_as("office")
    page = client.get(reverse("inspections:inspection_list"), {"state": "planned"}).content.decode()
    assert item.code in page and task.inspection.code not in page
    page = client.get(reverse("inspections:remediation_list"), {"q": "chuan muc"}).content.decode()
    assert "Xây dựng chuẩn mực riêng" in page
    page = client.get(reverse("inspections:remediation_list"), {"status": "done"}).content.decode()
    assert "Xây dựng chuẩn mực riêng" not in page


def test_menu_entry(client_as, tree):
    assert "Kiểm tra, giám sát" in client_as("inspection").get("/").content.decode()
    assert 'href="/kiem-tra/"' not in client_as("member").get("/").content.decode()


def test_changing_an_item_and_its_plan(client_as, item, tree):
    client = client_as("inspection")
    response = client.post(
        reverse("inspections:inspection_update", args=[item.pk]),
        {
            "form": "inspection",
            "regularity": "thematic",
            "subject_person": tree.members_b[2].pk,
            "content": "Bản cam kết của đảng viên",
            "planned_from": "2020-04-01",
            "planned_to": "2020-04-10",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.subject_person == tree.members_b[2] and item.subject_unit is None
    response = client.post(
        reverse("inspections:plan_update", args=[item.plan_id]),
        {"year": 2021, "number_symbol": "04-KH/ĐU", "issued_on": "15/01/2021", "title": ""},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.year == 2021 and item.plan.issued_on == dt.date(2021, 1, 15)
