"""The demo committee is built by each app in turn; `load_demo` runs the builders in order.

Every builder takes the same `DemoContext` and draws its random numbers from its own named
generator, so that adding records in one app never shifts another app's demo data.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

DEMO_PASSWORD = "dangbo2026"


@dataclass
class DemoContext:
    committee: Any = None
    cells: list[Any] = field(default_factory=list)
    users: dict[str, Any] = field(default_factory=dict)  # role -> demo user
    data: dict[str, Any] = field(default_factory=dict)  # what a builder leaves for later ones
    log: Callable[[str], None] = print

    def rng(self, name: str) -> random.Random:
        return random.Random(f"dangbo-demo-{name}")


Builder = Callable[[DemoContext], None]
_builders: list[tuple[int, str, Builder]] = []


def register(order: int) -> Callable[[Builder], Builder]:
    """Register a demo builder; lower orders run first (organisation is 10)."""

    def decorator(function: Builder) -> Builder:
        name = f"{function.__module__}.{function.__name__}"
        if all(existing != name for _, existing, _ in _builders):
            _builders.append((order, name, function))
        return function

    return decorator


def builders() -> list[tuple[int, str, Builder]]:
    return sorted(_builders, key=lambda item: (item[0], item[1]))
