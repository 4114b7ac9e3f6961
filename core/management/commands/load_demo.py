import importlib
import time

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from core import demo, maintenance


class Command(BaseCommand):
    help = "Build the demo committee of the source article (deterministic)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Empty the database first if it already holds data.",
        )

    def handle(self, *args, **options):
        from organisation.models import Unit

        translation.activate("vi")
        if Unit.objects.exists():
            if not options["reset"]:
                raise CommandError("Cơ sở dữ liệu đã có dữ liệu; dùng --reset để xóa và nạp lại.")
            call_command("flush", interactive=False, verbosity=0)
        for config in apps.get_app_configs():
            try:
                importlib.import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
        context = demo.DemoContext(log=lambda text: self.stdout.write(text))
        with transaction.atomic():
            for _order, name, builder in demo.builders():
                started = time.monotonic()
                builder(context)
                self.stdout.write(f"  {name}: {time.monotonic() - started:.1f}s")
        maintenance.analyze()
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nạp dữ liệu mẫu. Tài khoản dùng thử (mật khẩu: {demo.DEMO_PASSWORD}):"
            )
        )
        for role, user in context.users.items():
            self.stdout.write(f"  {user.username:<12} {role}")
