"""Dashboard panels: each app registers a function that returns a panel (or None) for a user.

A panel is a `Panel` (title, template, context, order); the home page renders them in
order. Keeping this a registry lets every app put its "needs attention" list on the dashboard
without editing the home view.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class Panel:
    """One box of the home page: its heading, the template that draws it (given `panel`),
    what that template reads (`panel.context`), and its place among the others."""

    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100


PanelFunction = Callable[[HttpRequest], Panel | None]
_panels: list[PanelFunction] = []


def register(function: PanelFunction) -> PanelFunction:
    if function not in _panels:
        _panels.append(function)
    return function


def panels_for(request: HttpRequest) -> list[Panel]:
    panels = [panel for function in _panels if (panel := function(request))]
    return sorted(panels, key=lambda panel: panel.order)


def shared(request: HttpRequest, key: str, make: Callable[[], Any]) -> Any:
    """What several panels of one request read, made once: `make()` the first time a panel
    asks for `key` during this request, the same object after (the request is the cache,
    so nothing outlives the page)."""
    cache: dict[str, Any] = request.__dict__.setdefault("_dashboard_shared", {})
    if key not in cache:
        cache[key] = make()
    return cache[key]
