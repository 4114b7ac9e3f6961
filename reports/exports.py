"""The report's exporters, registered in exporters.registry: Word, PDF, HTML and JSON.

Each takes `{"review": Review}` (a saved report, or an unsaved one the command line builds for
a committee and a period) and an optional `progress(percent, step)` callback, and answers
(filename, content type, bytes).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core import vn
from exporters import registry
from exporters.party import render_docx, render_html, render_pdf

from .content import report_content
from .document import party_document
from .models import Review

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Progress = Callable[[int, str], None]


def base_filename(review: Review) -> str:
    """bao-cao-15-bc-du-2016-2020: ASCII, from the number and the period."""
    number = re.sub(r"[^a-z0-9]+", "-", vn.search_key(review.number_symbol or "")).strip("-")
    parts = ["bao-cao", number, f"{review.period_from.year}-{review.period_to.year}"]
    return "-".join(part for part in parts if part)


def figures_json(review: Review, figures: dict[str, Any]) -> dict[str, Any]:
    """The figures (interchange.md keys), with the report's own facts when it is saved."""
    data = dict(figures)
    if review.pk:
        data["report"] = {
            "id": review.pk,
            "number_symbol": review.number_symbol,
            "kind": review.kind,
            "version": review.version,
            "status": review.status,
            "frozen_at": review.frozen_at.isoformat() if review.frozen_at else None,
        }
    return data


def _word(review: Review, content: Any, progress: Progress) -> bytes:
    return render_docx(party_document(review, content, progress, charts_as="png"))


def _pdf(review: Review, content: Any, progress: Progress) -> bytes:
    return render_pdf(party_document(review, content, progress, charts_as="svg"))


def _html(review: Review, content: Any, progress: Progress) -> bytes:
    return render_html(party_document(review, content, progress, charts_as="svg")).encode()


def _json(review: Review, content: Any, progress: Progress) -> bytes:
    data = figures_json(review, content.figures)
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


class ReviewExporter(registry.Exporter):
    """One format of the report: its content is gathered once, then `build` writes the file."""

    form_fields = {"review": forms.IntegerField(label=_("Report"))}

    def __init__(
        self,
        identifier: str,
        name: StrOrPromise,
        extension: str,
        content_type: str,
        build: Callable[[Review, Any, Progress], bytes],
    ) -> None:
        self.identifier, self.name = identifier, name
        self.extension, self.content_type, self.build = extension, content_type, build

    def render(self, params: dict[str, Any]) -> tuple[str, str, bytes]:
        review: Review = params["review"]
        if not isinstance(review, Review):
            review = Review.objects.select_related("committee", "directive").get(pk=review)
        progress = params.get("progress") or (lambda percent, step: None)
        content = report_content(review)
        progress(20, str(_("Figures computed")))
        data = self.build(review, content, progress)
        return f"{base_filename(review)}.{self.extension}", self.content_type, data


for exporter in (
    ReviewExporter("review_docx", _("Report (Word)"), "docx", registry.DOCX, _word),
    ReviewExporter("review_pdf", _("Report (PDF)"), "pdf", registry.PDF, _pdf),
    ReviewExporter("review_html", _("Report (HTML)"), "html", registry.HTML, _html),
    ReviewExporter("review_json", _("Figures (JSON)"), "json", registry.JSON, _json),
):
    registry.add(exporter)

FORMATS = {"docx": "review_docx", "pdf": "review_pdf", "html": "review_html", "json": "review_json"}
