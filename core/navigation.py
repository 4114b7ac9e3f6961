"""The main menu. Each app adds its entries in its AppConfig.ready(), so no app edits another."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class NavEntry:
    label: StrOrPromise  # translated when the menu is drawn
    url_name: str
    roles: tuple[str, ...]  # empty: every signed-in user
    order: int = 100
    # Further condition on the user (e.g. "has a person record"); None: always shown.
    shown_to: Callable[[Any], bool] | None = None


_entries: list[NavEntry] = []


def register(
    label: StrOrPromise,
    url_name: str,
    roles: tuple[str, ...] = (),
    order: int = 100,
    shown_to: Callable[[Any], bool] | None = None,
) -> None:
    if all(entry.url_name != url_name for entry in _entries):
        _entries.append(NavEntry(label, url_name, roles, order, shown_to))


def entries() -> list[NavEntry]:
    return sorted(_entries, key=lambda entry: entry.order)
