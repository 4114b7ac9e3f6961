"""Backup and restore: one zip file with every record (a Django fixture) and every stored file.

The fixture uses natural keys for content types and permissions, so that it loads into any
installation migrated to the same version, on SQLite or on PostgreSQL alike. Restoring empties
the database and loads the fixture in one transaction: all or nothing.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "dangbo-backup/1"
DATA = "data.json"
MANIFEST = "manifest.json"
MEDIA = "media/"
# Rebuilt by migrate, or transient: sessions, lockouts, the task queue.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
    "django_tasks_database",
]
# Uploads waiting for confirmation are not records yet.
TRANSIENT_MEDIA = {"workbook-uploads"}


class BackupError(Exception):
    """Refusal with a message for the operator (in Vietnamese, like the commands)."""


def _migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connections[DEFAULT_DB_ALIAS]).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def media_files() -> dict[str, str]:
    """Every stored file under MEDIA_ROOT (relative POSIX path → SHA-256)."""
    root = Path(settings.MEDIA_ROOT)
    found = {}
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(root).as_posix()
            if path.is_file() and relative.split("/", 1)[0] not in TRANSIENT_MEDIA:
                found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def write_backup(path: Path) -> dict:
    """Write the backup to `path` (written beside it, then renamed: never half a file)."""
    path = Path(path)
    files = media_files()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / DATA
        with transaction.atomic():  # one consistent view of the records (PostgreSQL)
            call_command(
                "dumpdata",
                exclude=EXCLUDED,
                natural_foreign=True,
                output=str(data),
                verbosity=0,
            )
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "database": connections[DEFAULT_DB_ALIAS].vendor,
            "migrations": _migrations(),
            "files": files,
        }
        partial = path.with_name(path.name + ".part")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
            archive.write(data, DATA)
            root = Path(settings.MEDIA_ROOT)
            for relative in files:
                archive.write(root / relative, MEDIA + relative)
        partial.replace(path)
    return manifest


def database_is_empty() -> bool:
    """No accounts and no units: a fresh installation (migrations' preloaded lists aside)."""
    from django.contrib.auth import get_user_model

    from organisation.models import Unit

    return not (get_user_model().objects.exists() or Unit.objects.exists())


def _constraints(mode: str) -> None:
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET CONSTRAINTS ALL {mode}")


def empty_database() -> None:
    """Delete every record (migrate's content types and permissions come back at once).

    PostgreSQL refuses to truncate tables with deferred checks pending in the transaction, so
    they run first; loading afterwards defers them again (rows may come before their targets)."""
    _constraints("IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    _constraints("DEFERRED")


def _safe_member(name: str) -> str | None:
    """The media path of an archive member, or None for anything outside media/ or escaping."""
    if not name.startswith(MEDIA) or name.endswith("/"):
        return None
    relative = PurePosixPath(name[len(MEDIA) :])
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise BackupError(f"Tệp sao lưu có đường dẫn không hợp lệ: {name}")
    return relative.as_posix()


def read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except (KeyError, ValueError) as exc:
        raise BackupError("Đây không phải tệp sao lưu của phần mềm (thiếu manifest.json).") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Định dạng sao lưu không hỗ trợ: {manifest.get('format')!r}.")
    return manifest


def restore_backup(path: Path, *, force: bool = False) -> dict:
    """Replace the database's records and the stored files by those of the backup."""
    if not force and not database_is_empty():
        raise BackupError(
            "Cơ sở dữ liệu đã có dữ liệu; chỉ khôi phục vào bản cài đặt trống "
            "(hoặc dùng --force để xóa dữ liệu hiện có và thay bằng bản sao lưu)."
        )
    with zipfile.ZipFile(path) as archive:
        manifest = read_manifest(archive)
        if manifest["migrations"] != _migrations():
            raise BackupError(
                "Bản sao lưu được tạo với phiên bản phần mềm khác (khác migration); "
                "hãy dùng đúng phiên bản đó, chạy migrate rồi khôi phục lại."
            )
        members = {
            relative: name
            for name in archive.namelist()
            if (relative := _safe_member(name)) is not None
        }
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder) / DATA
            with archive.open(DATA) as source, data.open("wb") as target:
                shutil.copyfileobj(source, target)
            with transaction.atomic():
                empty_database()
                call_command("loaddata", str(data), verbosity=0)
        root = Path(settings.MEDIA_ROOT)
        for relative, name in members.items():
            destination = root / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(name) as source, destination.open("wb") as target:
                shutil.copyfileobj(source, target)
    return manifest
