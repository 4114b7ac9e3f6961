"""Search by name or code, ignoring diacritics and case, over a stored `search_key` column."""

from django.db.models import Q, QuerySet

from core.vn import search_key


def search(queryset: QuerySet, text: str | None, field: str = "search_key") -> QuerySet:
    """Rows whose key contains every word of `text`, e.g. "nguyen an" finds "Nguyễn Văn An"."""
    words = search_key(text).split()
    query = Q()
    for word in words:
        query &= Q(**{f"{field}__contains": word})
    return queryset.filter(query) if words else queryset


def filter_given(queryset: QuerySet, **lookups: object) -> QuerySet:
    """Filter on the lookups whose value was given: a list's optional filters (year, kind, …),
    where None, "" and 0 mean "any". `filter_given(qs, year=2019, kind=None)` filters on the
    year only."""
    given = {lookup: value for lookup, value in lookups.items() if value}
    return queryset.filter(**given) if given else queryset
