"""The main menu. Each app adds its entries in its AppConfig.ready(), so no app edits another."""

from dataclasses import dataclass


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    roles: tuple[str, ...]  # empty: every signed-in user
    order: int = 100


_entries: list[NavEntry] = []


def register(label: str, url_name: str, roles: tuple[str, ...] = (), order: int = 100) -> None:
    if all(entry.url_name != url_name for entry in _entries):
        _entries.append(NavEntry(label, url_name, roles, order))


def entries() -> list[NavEntry]:
    return sorted(_entries, key=lambda entry: entry.order)
