"""What a report says: its figures and the text of each section, live or frozen.

The one place that decides where the figures and the text come from: a draft computes its
figures from the records and drafts the sections nobody has edited; a frozen report answers
its snapshot. The page, the documents, the JSON and the news draft all read `report_content`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .drafting import SECTION_TITLES, draft_sections
from .models import SECTION_KEYS, WRITTEN_SECTIONS, Review
from .snapshots import figures_for


@dataclass
class Section:
    key: str
    title: str
    text: str
    edited: bool
    written: bool  # people write it (limitations, causes, directions)


@dataclass
class ReportContent:
    figures: dict[str, Any]
    sections: list[Section] = field(default_factory=list)
    frozen: bool = False

    def text(self, key: str) -> str:
        return next(section.text for section in self.sections if section.key == key)

    @property
    def unwritten(self) -> list[Section]:
        """Sections only people can write that nobody has written: flagged, they block freezing."""
        return [section for section in self.sections if section.written and not section.text]


def live_figures(review: Review) -> dict[str, Any]:
    """The figures as the records stand; closed years read from their yearly snapshot."""
    return figures_for(review.committee, review.period_from, review.period_to)


def report_content(review: Review, figures: dict[str, Any] | None = None) -> ReportContent:
    """The report's figures and sections: the snapshot when frozen, else live."""
    if review.is_frozen and review.snapshot:
        snapshot = review.snapshot
        sections = [
            Section(
                key,
                str(SECTION_TITLES[key]),
                snapshot["sections"].get(key, ""),
                True,
                key in WRITTEN_SECTIONS,
            )
            for key in SECTION_KEYS
        ]
        return ReportContent(snapshot["figures"], sections, frozen=True)
    figures = figures if figures is not None else live_figures(review)
    drafted = draft_sections(review, figures)
    sections = []
    for key in SECTION_KEYS:
        stored = (review.sections or {}).get(key) or {}
        edited = bool(stored.get("edited"))
        text = stored.get("text", "") if edited or key not in drafted else drafted[key]
        sections.append(
            Section(key, str(SECTION_TITLES[key]), text, edited, key in WRITTEN_SECTIONS)
        )
    return ReportContent(figures, sections)
