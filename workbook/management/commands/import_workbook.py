from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from core.actors import SYSTEM
from workbook.services import workbook_import


class Command(BaseCommand):
    help = "Import every sheet of a workbook, all or nothing (docs/interchange.md)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the .xlsx workbook")
        parser.add_argument(
            "--dry-run", action="store_true", help="check the workbook and change nothing"
        )

    def handle(self, *args, path: str, dry_run: bool, **options):
        translation.activate("vi")
        result = workbook_import(path, user=SYSTEM, dry_run=dry_run)
        for error in result.errors:
            self.stderr.write(str(error))
        if result.errors:
            raise CommandError(f"{len(result.errors)} lỗi; không nhập dữ liệu nào.")
        for sheet in result.sheets:
            plan = result.plans.get(sheet)
            created = len(plan.created) if plan else 0
            updated = len(plan.updated) if plan else 0
            unchanged = plan.unchanged if plan else 0
            self.stdout.write(
                f"{sheet}: thêm mới {created}, cập nhật {updated}, không đổi {unchanged}"
            )
        if dry_run:
            self.stdout.write("Chạy thử (--dry-run): không thay đổi gì.")
        else:
            self.stdout.write(self.style.SUCCESS("Đã nhập xong."))
