"""The report's exporters, registered in exporters.registry: Word, PDF, HTML and JSON.

Each takes `{"review": Review}` (a saved report, or an unsaved one the command line builds for
a committee and a period) and an optional `progress(percent, step)` callback, and answers
(filename, content type, bytes).
"""

from __future__ import annotations

import json
import re
from abc import abstractmethod
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core import vn
from exporters import registry
from exporters.party import render_docx, render_html, render_pdf

from .content import report_content
from .document import party_document
from .models import Review


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


class ReviewExporter(registry.Exporter):
    extension = ""
    content_type = ""
    form_fields = {"review": forms.IntegerField(label=_("Report"))}

    def render(self, params: dict[str, Any]) -> tuple[str, str, bytes]:
        review: Review = params["review"]
        if not isinstance(review, Review):
            review = Review.objects.select_related("committee", "directive").get(pk=review)
        progress = params.get("progress") or (lambda percent, step: None)
        content = report_content(review)
        progress(20, str(_("Figures computed")))
        data = self.build(review, content, progress)
        return f"{base_filename(review)}.{self.extension}", self.content_type, data

    @abstractmethod
    def build(self, review, content, progress) -> bytes:
        """The file's bytes, from the report's content."""


@registry.register
class ReviewDocx(ReviewExporter):
    identifier = "review_docx"
    name = _("Report (Word)")
    extension = "docx"
    content_type = registry.DOCX

    def build(self, review, content, progress) -> bytes:
        document = party_document(review, content, progress, charts_as="png")
        return render_docx(document)


@registry.register
class ReviewPdf(ReviewExporter):
    identifier = "review_pdf"
    name = _("Report (PDF)")
    extension = "pdf"
    content_type = registry.PDF

    def build(self, review, content, progress) -> bytes:
        document = party_document(review, content, progress, charts_as="svg")
        return render_pdf(document)


@registry.register
class ReviewHtml(ReviewExporter):
    identifier = "review_html"
    name = _("Report (HTML)")
    extension = "html"
    content_type = registry.HTML

    def build(self, review, content, progress) -> bytes:
        document = party_document(review, content, progress, charts_as="svg")
        return render_html(document).encode()


@registry.register
class ReviewJson(ReviewExporter):
    identifier = "review_json"
    name = _("Figures (JSON)")
    extension = "json"
    content_type = registry.JSON

    def build(self, review, content, progress) -> bytes:
        data = figures_json(review, content.figures)
        return json.dumps(data, ensure_ascii=False, indent=2).encode()


FORMATS = {"docx": "review_docx", "pdf": "review_pdf", "html": "review_html", "json": "review_json"}
