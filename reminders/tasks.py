"""The task worker's entry: the same run as `send_reminders` (enqueue it once a day)."""

from django_tasks import task

from core.actors import SYSTEM

from .services import run


@task()
def send_reminders() -> dict:
    result = run(user=SYSTEM)
    return {"users": result.users, "created": result.created, "emails": result.emails}
