from django.utils.functional import SimpleLazyObject


def bell(request):
    """The unread reminders' count for the bell; counted only when a page shows it."""
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {}
    from .selectors import unread_count

    return {"unread_reminders": SimpleLazyObject(lambda: unread_count(user))}
