"""Every URL of the reminders app × every role: each user reads only his own reminders; the
calendar feed is addressed by a secret token instead of a session, so it answers anyone who
holds the token (and 404 to a wrong one, see test_calendar)."""

from core.testing import ALL_ROLES, Case
from reminders.models import Reminder
from reminders.services import preferences_for

SIGNED_IN = {role: 200 for role in ALL_ROLES if role != "anonymous"}
SIGNED_IN_POST = {role: 302 for role in ALL_ROLES if role != "anonymous"}


def _own_reminder(tree, users):
    """A reminder of the member: he opens it (302 to its page); others get 404."""
    return Reminder.objects.create(user=users["member"], key="x:1", text="Việc", url="/")


def _token(tree, users):
    return preferences_for(users["member"]).calendar_token


MATRIX = {
    "reminders:list": Case(expect=SIGNED_IN),
    "reminders:open": Case(
        expect={"member": 302},
        default=404,
        method="post",
        kwargs=lambda t, u: {"pk": _own_reminder(t, u).pk},
    ),
    "reminders:read_all": Case(expect=SIGNED_IN_POST, method="post"),
    "reminders:preferences": Case(expect=SIGNED_IN),
    "reminders:feed_renew": Case(expect=SIGNED_IN_POST, method="post"),
    "reminders:calendar": Case(expect=SIGNED_IN),
    "reminders:feed": Case(
        expect={role: 200 for role in ALL_ROLES}, kwargs=lambda t, u: {"token": _token(t, u)}
    ),
}
