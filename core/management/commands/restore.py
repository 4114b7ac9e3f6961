from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup written by `backup` into an empty installation (see README)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the backup file")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the data of a non-empty installation (everything in it is deleted).",
        )

    def handle(self, *args, path: str, force: bool, **options):
        if not Path(path).is_file():
            raise CommandError(f"Không có tệp {path}.")
        try:
            manifest = restore_backup(Path(path), force=force)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã khôi phục bản sao lưu lập lúc {manifest['created_at']} "
                f"({len(manifest['files'])} tệp đính kèm)."
            )
        )
