from pathlib import Path

from django.core.management.base import BaseCommand

from core.backup import write_backup


class Command(BaseCommand):
    help = "Write one .zip file with every record and every stored file (see README)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the backup file to write, e.g. dangbo-2026-12-01.zip")

    def handle(self, *args, path: str, **options):
        manifest = write_backup(Path(path))
        self.stdout.write(
            self.style.SUCCESS(f"Đã sao lưu vào {path} ({len(manifest['files'])} tệp đính kèm).")
        )
