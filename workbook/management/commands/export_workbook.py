from pathlib import Path

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from workbook.services import workbook_export


class Command(BaseCommand):
    help = "Write the committee's workbook (every registered sheet)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the .xlsx file to write")
        parser.add_argument("--committee", help="code of the committee (default: the root unit)")

    def handle(self, *args, path: str, committee: str | None, **options):
        translation.activate("vi")
        unit_model = apps.get_model("organisation", "Unit")
        if committee:
            unit = unit_model.objects.filter(code=committee).first()
            if unit is None:
                raise CommandError(f"Không có đơn vị mã {committee}.")
        else:
            roots = list(unit_model.objects.filter(parent__isnull=True)[:2])
            if len(roots) > 1:
                raise CommandError("Có nhiều đơn vị gốc; chọn một bằng --committee MÃ.")
            unit = roots[0] if roots else None
        Path(path).write_bytes(workbook_export(unit))
        self.stdout.write(self.style.SUCCESS(f"Đã ghi {path}"))
