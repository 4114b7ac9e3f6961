"""What an import may touch: the units the user holds the sheet's role on, and below.

Each app registers, per kind of record its sheets name by code ("unit", "person", "meeting",
…), a function giving the unit path each existing code belongs to. A row naming an existing
record outside the importing user's units is an error on that row; a code not yet in the
database is left to the sheet's own checks (its unit or parent column is scoped in turn).
The command line and a superuser import without a scope.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.utils.translation import gettext as _

from core.policy import path_in, role_paths

from .registry import ImportContext, Row, SheetHandler

Owner = Callable[[set[str]], dict[str, str]]
_owners: dict[str, Owner] = {}


def register_owner(kind: str, owner: Owner) -> None:
    """`owner(codes)` → {code: unit path} for the existing records of `kind`."""
    _owners[kind] = owner


def existing(kind: str, codes: set[str]) -> dict[str, str]:
    """{code: unit path} of the existing records of `kind` among `codes`."""
    return _owners[kind](codes) if codes and kind in _owners else {}


def unrestricted(user: Any) -> bool:
    return user is None or not getattr(user, "pk", None) or getattr(user, "is_superuser", False)


def sheet_paths(user: Any, handler: SheetHandler) -> list[str] | None:
    """The unit paths the user may import this sheet into; None when not restricted."""
    if unrestricted(user):
        return None
    return role_paths(user, handler.roles)


def may_import(user: Any, handler: SheetHandler) -> bool:
    paths = sheet_paths(user, handler)
    return paths is None or bool(paths)


def import_unit(user: Any) -> Any:
    """The unit an import is filed under on the audit trail: the highest unit the user may
    import into (office: the committee, secretary: his cell); without a scope, the root."""
    from django.apps import apps

    from core.roles import Role

    units = apps.get_model("organisation", "Unit").objects
    if not unrestricted(user):
        paths = sorted(role_paths(user, (Role.OFFICE, Role.SECRETARY)), key=len)
        if paths:
            return units.filter(path=paths[0]).first()
    return units.filter(parent__isnull=True).order_by("path").first()


def check_rows(handler: SheetHandler, rows: Iterable[Row], ctx: ImportContext) -> list[Row]:
    """The rows inside the user's units; each row naming a record outside is an error."""
    rows = list(rows)
    paths = sheet_paths(ctx.user, handler)
    if paths is None or not handler.scoped:
        return rows
    wanted: dict[str, set[str]] = {}
    for row in rows:
        for key, kind in handler.scoped.items():
            if row[key]:
                wanted.setdefault(kind, set()).add(row[key])
    owners = {kind: _owners[kind](codes) for kind, codes in wanted.items() if kind in _owners}
    headers = {column.key: column.header for column in handler.columns}
    inside = []
    for row in rows:
        outside = [
            key
            for key, kind in handler.scoped.items()
            if row[key]
            and row[key] in owners.get(kind, {})
            and not path_in(paths, owners[kind][row[key]])
        ]
        for key in outside:
            ctx.error(
                handler.sheet,
                row.number,
                headers[key],
                _("%(code)s belongs to a unit outside those you may import into.")
                % {"code": row[key]},
            )
        if not outside:
            inside.append(row)
    return inside


def checked_rows(
    handler: SheetHandler, rows: Iterable[Row], ctx: ImportContext, batch: int = 5000
) -> Iterator[Row]:
    """`check_rows` as rows are read: `batch` rows at a time, so that a sheet streamed into
    its handler is never held whole."""
    if sheet_paths(ctx.user, handler) is None or not handler.scoped:
        yield from rows
        return
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == batch:
            yield from check_rows(handler, chunk, ctx)
            chunk = []
    yield from check_rows(handler, chunk, ctx)


def paths_by_code(queryset: Any, codes: set[str], *path_fields: str) -> dict[str, str]:
    """{code: the first non-empty of `path_fields`} for the records with these codes."""
    found: dict[str, str] = {}
    ordered = sorted(codes)
    for start in range(0, len(ordered), 5000):
        chunk = ordered[start : start + 5000]
        for code, *paths in queryset.filter(code__in=chunk).values_list("code", *path_fields):
            found[code] = next((path for path in paths if path), "")
    return found
