"""The exporter registry: every downloadable document declares itself here.

An exporter has an identifier, a human name, its form fields and `render(params)` returning
`(filename, content_type, bytes)`. Pages list the exporters that apply; long ones run as
background tasks (reports app) that keep the file and report progress.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from .party import PartyDocument

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
JSON = "application/json"
HTML = "text/html; charset=utf-8"


class Exporter(ABC):
    identifier: str = ""
    name: StrOrPromise = ""
    form_fields: dict[str, Any] = {}

    @abstractmethod
    def render(self, params: dict[str, Any]) -> tuple[str, str, bytes]:
        """Build the file: (filename, content type, content)."""


_exporters: dict[str, Exporter] = {}


def register(exporter_class: type[Exporter]) -> type[Exporter]:
    add(exporter_class())
    return exporter_class


def add(exporter: Exporter) -> Exporter:
    _exporters[exporter.identifier] = exporter
    return exporter


def get(identifier: str) -> Exporter:
    return _exporters[identifier]


def rendered(document: PartyDocument, fmt: str, stem: str) -> tuple[str, str, bytes]:
    """A printed document as PDF (`fmt` "pdf") or Word (otherwise): (filename, type, bytes)."""
    from .party import render_docx, render_pdf

    if fmt == "pdf":
        return f"{stem}.pdf", PDF, render_pdf(document)
    return f"{stem}.docx", DOCX, render_docx(document)
