import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import load_workbook

from organisation.models import Person, Unit
from workbook.testing import make_workbook, read_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UNITS = [["DBT", "Đảng bộ thử nghiệm", "Đảng bộ", ""], ["CBN", "Chi bộ Mới", "Chi bộ", "DBT"]]
PERSON = ["NS9", "Đinh Thị Hoa", "01/01/1990", "Nữ", "CBN", "Dự bị", "01/01/2024", "", "", "", ""]


def upload(client, content: bytes, name: str = "so-lieu.xlsx"):
    return client.post(
        reverse("workbook:upload"), {"file": SimpleUploadedFile(name, content, XLSX)}
    )


def job_page(client, response):
    """The job page the upload or export redirected to (the task ran at once in tests)."""
    assert response.status_code == 302
    return client.get(response["Location"])


def test_upload_preview_confirm(client_as, tree):
    client = client_as("office")
    content = make_workbook({"Đơn vị": UNITS, "Nhân sự": [PERSON]}).getvalue()
    preview = job_page(client, upload(client, content))
    html = preview.content.decode()
    assert "Kiểm tra trước khi nhập" in html and "so-lieu.xlsx" in html
    job = preview.context["job"]
    plans = {plan["sheet"]: plan for plan in job.result["sheets"]}
    assert plans["Đơn vị"]["created_labels"] == ["CBN — Chi bộ Mới"]
    assert plans["Đơn vị"]["unchanged"] == 1
    assert plans["Nhân sự"]["created_labels"] == ["NS9 — Đinh Thị Hoa"]
    assert not Person.objects.filter(code="NS9").exists()  # nothing saved before confirming
    done = client.post(reverse("workbook:confirm", args=[job.pk]), follow=True)
    assert "Đã nhập dữ liệu: thêm mới 2, cập nhật 0." in done.content.decode()
    person = Person.objects.get(code="NS9")
    assert person.unit.code == "CBN"
    assert person.history.get().history_user.username == "office"
    # Imported once: it cannot be confirmed again.
    assert client.post(reverse("workbook:confirm", args=[job.pk])).status_code == 404


def test_a_bad_workbook_lists_every_error_and_cannot_be_confirmed(client_as, tree):
    client = client_as("office")
    bad = [*PERSON[:6], "01/01/2024", "01/06/2024", *PERSON[8:]]
    content = make_workbook({"Nhân sự": [bad, ["NS9", "Trùng", "", "", "XX"]]}).getvalue()
    preview = job_page(client, upload(client, content))
    html = preview.content.decode()
    job = preview.context["job"]
    errors = [tuple(error[:3]) for error in job.result["errors"]]
    assert errors == [
        ("Nhân sự", 2, "Mã đơn vị"),
        ("Nhân sự", 2, "Ngày chính thức"),
        ("Nhân sự", 3, "Mã nhân sự"),
    ]
    assert "sẽ không nhập dữ liệu nào" in html
    assert reverse("workbook:confirm", args=[job.pk]) not in html
    assert client.post(reverse("workbook:confirm", args=[job.pk])).status_code == 404
    assert not Person.objects.filter(code="NS9").exists()


def test_another_user_cannot_see_or_confirm_an_upload(client_as, tree, users):
    from django.test import Client

    client = client_as("office")
    location = upload(client, make_workbook({"Đơn vị": UNITS}).getvalue())["Location"]
    job = client.get(location).context["job"]
    other = Client()
    other.force_login(users["inspection"], backend="django.contrib.auth.backends.ModelBackend")
    assert other.get(location).status_code == 404
    assert other.post(reverse("workbook:confirm", args=[job.pk])).status_code in (403, 404)


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("danh-sach.xls", b"\xd0\xcf\x11\xe0 old excel", "Chỉ nhập được tệp Excel (.xlsx)"),
        ("danh-sach.csv", b"a,b\n", "Chỉ nhập được tệp Excel (.xlsx)"),
        ("gia.xlsx", b"not a zip at all", "không phải tệp .xlsx hợp lệ"),
    ],
)
def test_files_that_are_not_xlsx_are_refused(client_as, tree, name, content, message):
    response = upload(client_as("office"), content, name)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_files_over_the_limit_are_refused(client_as, tree, settings):
    settings.UPLOAD_MAX_BYTES = 1000
    content = make_workbook({"Đơn vị": UNITS}).getvalue()
    response = upload(client_as("office"), content)
    assert response.status_code == 400
    assert "Tệp quá lớn" in response.content.decode()


def test_export_runs_in_the_background_then_downloads(client_as, tree):
    client = client_as("office")
    page = job_page(client, client.post(reverse("workbook:export")))
    job = page.context["job"]
    assert job.status == "done" and job.progress == 100
    response = client.get(reverse("workbook:download", args=[job.pk]))
    assert response["Content-Type"] == XLSX
    assert 'filename="DBT-' in response["Content-Disposition"]
    rows = read_workbook(b"".join(response.streaming_content))
    assert rows["Đơn vị"][0][:4] == ("Mã đơn vị", "Tên đơn vị", "Loại", "Mã cấp trên")
    assert len(rows["Nhân sự"]) == 1 + Person.objects.count()


def test_the_template_explains_every_header_in_a_comment(client_as, tree):
    response = client_as("office").get(reverse("workbook:template"))
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[0] == "Hướng dẫn"
    for name in ("Đơn vị", "Nhân sự"):
        sheet = book[name]
        assert sheet.max_row == 1
        for cell in sheet[1]:
            assert cell.comment is not None and cell.comment.text.strip(), (name, cell.value)
    assert "bắt buộc với đảng viên" in book["Nhân sự"]["G1"].comment.text


def test_the_template_imports_as_an_empty_workbook(client_as, tree):
    from workbook.services import workbook_import

    content = client_as("office").get(reverse("workbook:template")).content
    result = workbook_import(io.BytesIO(content))
    assert result.ok and result.applied


def test_import_command_prints_errors_and_changes_nothing(tmp_path, db, capsys):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(
        make_workbook({"Đơn vị": UNITS + [["CBN", "Lặp", "Chi bộ", "DBT"]]}).getvalue()
    )
    with pytest.raises(CommandError):
        call_command("import_workbook", str(path))
    err = capsys.readouterr().err
    assert "Đơn vị, dòng 4, cột “Mã đơn vị”: mã CBN bị trùng (đã có ở dòng 3)." in err
    assert not Unit.objects.exists()


def test_import_command_dry_run_then_real_then_export(tmp_path, db, capsys):
    path = tmp_path / "ok.xlsx"
    path.write_bytes(make_workbook({"Đơn vị": UNITS, "Nhân sự": [PERSON]}).getvalue())
    call_command("import_workbook", str(path), "--dry-run")
    assert "Nhân sự: thêm mới 1" in capsys.readouterr().out
    assert not Unit.objects.exists()
    call_command("import_workbook", str(path))
    assert Person.objects.get().code == "NS9"
    out = tmp_path / "out.xlsx"
    call_command("export_workbook", str(out), "--committee", "DBT")
    rows = read_workbook(out.read_bytes())
    assert rows["Nhân sự"][1] == tuple(value or None for value in PERSON)
    with pytest.raises(CommandError):
        call_command("export_workbook", str(out), "--committee", "NOPE")


def test_uploads_never_confirmed_are_removed_after_a_day(client_as, tree):
    import datetime as dt

    from django.utils import timezone

    from workbook.models import WorkbookJob

    client = client_as("office")
    upload(client, make_workbook({"Đơn vị": UNITS}).getvalue())
    stale = WorkbookJob.objects.get()
    path = stale.upload.path
    WorkbookJob.objects.update(created_at=timezone.now() - dt.timedelta(days=2))
    upload(client, make_workbook({"Đơn vị": UNITS}).getvalue())
    stale.refresh_from_db()
    assert not stale.upload and not Path(path).exists()
    assert WorkbookJob.objects.exclude(upload="").count() == 1


def test_a_running_job_shows_its_progress_and_polls(client_as, tree, users):
    from workbook.models import WorkbookJob

    job = WorkbookJob.objects.create(
        kind=WorkbookJob.Kind.CHECK,
        created_by=users["office"],
        status=WorkbookJob.Status.RUNNING,
        progress=40,
        step="Nhân sự",
        upload_name="lon.xlsx",
    )
    html = client_as("office").get(reverse("workbook:job", args=[job.pk])).content.decode()
    assert 'value="40"' in html and "Nhân sự" in html
    assert reverse("workbook:job_status", args=[job.pk]) in html  # the page asks again
    job.status, job.result = WorkbookJob.Status.DONE, {"ok": True, "errors": [], "sheets": []}
    job.save()
    status = client_as("office").get(reverse("workbook:job_status", args=[job.pk]))
    assert reverse("workbook:job_status", args=[job.pk]) not in status.content.decode()


def test_a_hostile_upload_is_refused_by_the_job_not_the_request(client_as, tree, settings):
    settings.WORKBOOK_MAX_ROWS = 10
    client = client_as("office")
    rows = [[f"NS{n}", "Tên", "", "", "CBA", "", "", "", "", "", ""] for n in range(20)]
    page = job_page(client, upload(client, make_workbook({"Nhân sự": rows}).getvalue()))
    job = page.context["job"]
    assert job.status == "done" and len(job.result["errors"]) == 1
    assert "10" in job.result["errors"][0][3]
    assert not Person.objects.filter(code="NS1").exists()
