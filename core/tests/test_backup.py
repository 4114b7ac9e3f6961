"""Backup, empty the installation, restore: the same workbook export and the same files.
Runs on whichever database the suite uses (SQLite, or PostgreSQL with DATABASE_URL)."""

import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from core.backup import empty_database, media_files
from core.testing import png_bytes
from workbook.services import workbook_export


def _values(content: bytes) -> dict:
    book = openpyxl.load_workbook(io.BytesIO(content))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}


def _records_with_files(tree, users):
    from activities.models import ActivityPhoto
    from activities.tests.factories import ActivityFactory
    from documents.tests.factories import DocumentFactory
    from meetings.tests.factories import MeetingFactory, MinutesFactory

    users["office"].set_password("mat-khau-van-phong-2026")
    users["office"].save()
    photo = ActivityPhoto(activity=ActivityFactory(unit=tree.cell_a))
    photo.image.save("anh.png", ContentFile(png_bytes()), save=True)
    document = DocumentFactory(issued_by=tree.committee)
    document.file.save("van-ban.pdf", ContentFile(b"%PDF-1.4 van ban"), save=True)
    minutes = MinutesFactory(meeting=MeetingFactory(unit=tree.cell_b))
    minutes.file.save("bien-ban.pdf", ContentFile(b"%PDF-1.4 bien ban"), save=True)


@pytest.mark.django_db
def test_backup_then_restore_into_an_empty_installation(tree, users, tmp_path):
    _records_with_files(tree, users)
    before = _values(workbook_export(tree.committee))
    files_before = media_files()
    assert len(files_before) == 3
    path = tmp_path / "dangbo.zip"
    call_command("backup", str(path), verbosity=0)
    with zipfile.ZipFile(path) as archive:
        assert {"manifest.json", "data.json"} <= set(archive.namelist())

    # Not into an installation that holds data, unless told to replace it.
    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(path))

    empty_database()
    shutil.rmtree(settings.MEDIA_ROOT)
    from organisation.models import Unit

    assert not Unit.objects.exists() and media_files() == {}
    call_command("restore", str(path), verbosity=0)

    committee = Unit.objects.get(code=tree.committee.code)
    assert _values(workbook_export(committee)) == before
    assert media_files() == files_before
    office = get_user_model().objects.get(username="office")
    assert office.check_password("mat-khau-van-phong-2026")


@pytest.mark.django_db
def test_force_replaces_the_data_and_a_foreign_zip_is_refused(tree, users, tmp_path):
    from organisation.models import Unit

    path = tmp_path / "dangbo.zip"
    call_command("backup", str(path), verbosity=0)
    Unit.objects.create(code="MOI", name="Chi bộ thêm sau sao lưu", parent=tree.committee)
    call_command("restore", str(path), force=True, verbosity=0)
    assert not Unit.objects.filter(code="MOI").exists()
    assert Unit.objects.filter(code=tree.cell_a.code).exists()

    other = tmp_path / "khac.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("data.json", "[]")
    with pytest.raises(CommandError, match="manifest"):
        call_command("restore", str(other), force=True)
    assert Unit.objects.filter(code=tree.cell_a.code).exists()


@pytest.mark.django_db
def test_a_path_escaping_the_media_folder_is_refused(tree, tmp_path):
    path = tmp_path / "dangbo.zip"
    call_command("backup", str(path), verbosity=0)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("media/../../evil.txt", "x")
    with pytest.raises(CommandError, match="không hợp lệ"):
        call_command("restore", str(path), force=True)
    assert not (Path(settings.MEDIA_ROOT).parent.parent / "evil.txt").exists()
