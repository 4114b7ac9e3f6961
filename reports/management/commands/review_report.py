"""python manage.py review_report --committee CODE --from YYYY-MM-DD --to YYYY-MM-DD
--format json|html|docx|pdf --output PATH   (``--output -`` writes to standard output)."""

import datetime as dt
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from exporters import registry

from ...exports import FORMATS
from ...services import review_preview


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"“{text}” không phải ngày hợp lệ; hãy viết YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = "Write the review report of a committee over a period (JSON, HTML, Word or PDF)."

    def add_arguments(self, parser):
        parser.add_argument("--committee", required=True, help="committee code, e.g. SVHTT")
        parser.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD")
        parser.add_argument("--format", choices=sorted(FORMATS), default="json")
        parser.add_argument("--output", required=True, help="file path, or - for stdout")
        parser.add_argument("--kind", choices=["interim", "final"], default="interim")
        parser.add_argument("--directive", default="", help="number and symbol, e.g. 05-CT/TW")
        parser.add_argument("--number", default="", help="the report's number, e.g. 15-BC/ĐU")

    def handle(self, *args, **options):
        translation.activate("vi")
        try:
            review = review_preview(
                committee_code=options["committee"],
                period_from=_date(options["start"]),
                period_to=_date(options["end"]),
                kind=options["kind"],
                directive_number=options["directive"],
                number_symbol=options["number"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        fmt = options["format"]
        if options["output"] == "-" and fmt in ("docx", "pdf"):
            raise CommandError("Chỉ ghi được JSON hoặc HTML ra màn hình; hãy cho --output một tệp.")
        _name, _type, data = registry.get(FORMATS[fmt]).render({"review": review})
        if options["output"] == "-":
            sys.stdout.write(data.decode())
            sys.stdout.write("\n")
            return
        with open(options["output"], "wb") as output:
            output.write(data)
        self.stderr.write(f"Đã ghi {options['output']} ({len(data):,} byte).")
