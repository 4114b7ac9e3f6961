"""python manage.py send_reminders [--date YYYY-MM-DD] — run daily from cron or the worker."""

import datetime as dt

from django.core.management.base import BaseCommand

from core.actors import SYSTEM
from reminders.services import run


class Command(BaseCommand):
    help = "Create the in-app reminders and send the daily e-mail digests (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=dt.date.fromisoformat, default=None)

    def handle(self, *args, **options):
        result = run(options["date"], user=SYSTEM)
        self.stdout.write(
            f"{result.users} users, {result.created} new reminders, "
            f"{result.resolved} resolved, {result.emails} e-mails"
        )
