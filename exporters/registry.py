"""The exporter registry: every downloadable document declares itself here.

An exporter has an identifier, a human name, its form fields and `render(params)` returning
`(filename, content_type, bytes)`. Pages list the exporters that apply; long ones run as
background tasks (reports app) that keep the file and report progress.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
JSON = "application/json"
HTML = "text/html; charset=utf-8"


class Exporter(ABC):
    identifier: str = ""
    name: str = ""
    form_fields: dict[str, Any] = {}

    @abstractmethod
    def render(self, params: dict[str, Any]) -> tuple[str, str, bytes]:
        """Build the file: (filename, content type, content)."""


_exporters: dict[str, Exporter] = {}


def register(exporter_class: type[Exporter]) -> type[Exporter]:
    _exporters[exporter_class.identifier] = exporter_class()
    return exporter_class


def get(identifier: str) -> Exporter:
    return _exporters[identifier]
