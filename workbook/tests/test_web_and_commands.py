import io

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


def test_upload_preview_confirm(client_as, tree):
    client = client_as("office")
    content = make_workbook({"Đơn vị": UNITS, "Nhân sự": [PERSON]}).getvalue()
    response = upload(client, content)
    assert response.status_code == 302
    preview = client.get(response["Location"])
    html = preview.content.decode()
    assert "Kiểm tra trước khi nhập" in html and "so-lieu.xlsx" in html
    plans = dict(preview.context["plans"])
    assert plans["Đơn vị"].created == ["CBN — Chi bộ Mới"] and plans["Đơn vị"].unchanged == 1
    assert plans["Nhân sự"].created == ["NS9 — Đinh Thị Hoa"]
    assert not Person.objects.filter(code="NS9").exists()  # nothing saved before confirming
    token = preview.context["token"]
    done = client.post(reverse("workbook:confirm", args=[token]), follow=True)
    assert "Đã nhập dữ liệu: thêm mới 2, cập nhật 0." in done.content.decode()
    person = Person.objects.get(code="NS9")
    assert person.unit.code == "CBN"
    assert person.history.get().history_user.username == "office"
    # The upload is gone once imported.
    assert client.get(reverse("workbook:preview", args=[token])).status_code == 404


def test_a_bad_workbook_lists_every_error_and_cannot_be_confirmed(client_as, tree):
    client = client_as("office")
    bad = [*PERSON[:6], "01/01/2024", "01/06/2024", *PERSON[8:]]
    content = make_workbook({"Nhân sự": [bad, ["NS9", "Trùng", "", "", "XX"]]}).getvalue()
    preview = client.get(upload(client, content)["Location"])
    html = preview.content.decode()
    errors = [(e.sheet, e.row, e.column) for e in preview.context["result"].errors]
    assert errors == [
        ("Nhân sự", 2, "Mã đơn vị"),
        ("Nhân sự", 2, "Ngày chính thức"),
        ("Nhân sự", 3, "Mã nhân sự"),
    ]
    assert "sẽ không nhập dữ liệu nào" in html
    assert reverse("workbook:confirm", args=[preview.context["token"]]) not in html
    response = client.post(reverse("workbook:confirm", args=[preview.context["token"]]))
    assert response.status_code == 302
    assert not Person.objects.filter(code="NS9").exists()


def test_another_session_cannot_use_an_upload(client_as, tree, users):
    from django.test import Client

    location = upload(client_as("office"), make_workbook({"Đơn vị": UNITS}).getvalue())["Location"]
    other = Client()
    other.force_login(users["office"], backend="django.contrib.auth.backends.ModelBackend")
    assert other.get(location).status_code == 404


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


def test_export_download(client_as, tree):
    response = client_as("office").get(reverse("workbook:export"))
    assert response["Content-Type"] == XLSX
    assert 'filename="DBT-' in response["Content-Disposition"]
    rows = read_workbook(response.content)
    assert rows["Đơn vị"][0][:4] == ("Mã đơn vị", "Tên đơn vị", "Loại", "Mã cấp trên")
    assert len(rows["Nhân sự"]) == 1 + 7


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


def test_uploads_never_confirmed_are_removed_after_a_day(client_as, tree, settings):
    import os
    import time
    from pathlib import Path

    folder = Path(settings.MEDIA_ROOT) / "workbook-uploads"
    folder.mkdir(parents=True)
    stale = folder / "old.xlsx"
    stale.write_bytes(b"PK")
    old = time.time() - 2 * 24 * 3600
    os.utime(stale, (old, old))
    upload(client_as("office"), make_workbook({"Đơn vị": UNITS}).getvalue())
    assert not stale.exists()
    assert len(list(folder.glob("*.xlsx"))) == 1
