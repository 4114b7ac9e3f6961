"""Charts of the report, drawn on the server from the figures (never from the database).

One function draws each chart for every output, on one figure of one size (16 × 8 cm, the
width of the printed page's text): SVG for the web page and the PDF, PNG of the same figure
for Word, so the three show the same image at the same scale. Counts have whole-number axes,
numbers are written the Vietnamese way (1.234; 98,5%), labels are at least 9 pt at that size
and legends sit under the plot, where they never cover a bar. Matplotlib's Agg backend
without pyplot (no global state, safe in threads), a fixed SVG hash salt and no date in the
metadata make the output byte-for-byte deterministic.
"""

from __future__ import annotations

import io
from typing import Any, Literal, overload

import matplotlib

matplotlib.use("Agg")

from django.utils.translation import gettext as _  # noqa: E402
from matplotlib import rcParams  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from core.vn import format_number, format_percent  # noqa: E402

rcParams["svg.hashsalt"] = "dangbo-report"
rcParams["svg.fonttype"] = "none"  # text stays text: searchable and crisp in the PDF
rcParams["font.family"] = ["DejaVu Sans"]
rcParams["font.size"] = 10
rcParams["axes.labelsize"] = 10
rcParams["xtick.labelsize"] = 10
rcParams["ytick.labelsize"] = 10
rcParams["legend.fontsize"] = 9

WIDTH_CM, HEIGHT_CM = 16, 8

RED, GOLD, GREY, BLUE = "#a50e0e", "#d4a017", "#8c8c8c", "#2b5d9b"
CHARTS = ("thematic", "pledges", "ratings", "activities")


def chart_titles() -> dict[str, str]:
    return {
        "thematic": _("Cells holding thematic meetings, per year"),
        "pledges": _("Members who pledged (%), per year"),
        "ratings": _("Members' quality ratings, per year"),
        "activities": _("Mass-organisation activities, per year"),
    }


def _figure() -> tuple[Figure, Any]:
    figure = Figure(figsize=(WIDTH_CM / 2.54, HEIGHT_CM / 2.54), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    axes.spines[["top", "right"]].set_visible(False)
    return figure, axes


def _counts_axis(axes) -> None:
    """Whole numbers only (no 2.5 / 7.5 cells), written 1.234."""
    axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: format_number(value)))


def _legend_below(axes, count: int) -> None:
    if count:
        axes.figure.legend(loc="outside lower center", ncols=min(count, 4), frameon=False)


def _thematic(figures: dict[str, Any], axes) -> None:
    years = [str(entry["year"]) for entry in figures["years"]]
    held = [entry["thematic_meetings"]["cells_held"] for entry in figures["years"]]
    total = figures["cells_total"]
    bars = axes.bar(years, held, color=RED, width=0.6)
    axes.bar_label(bars, labels=[f"{value}/{total}" for value in held], padding=2)
    axes.set_ylim(0, max(total, max(held, default=0), 1) * 1.2)
    _counts_axis(axes)
    axes.set_ylabel(_("cells"))


def _pledges(figures: dict[str, Any], axes) -> None:
    years = [str(entry["year"]) for entry in figures["years"]]
    values = [entry["pledges"]["percent"] or 0 for entry in figures["years"]]
    bars = axes.bar(years, values, color=BLUE, width=0.6)
    axes.bar_label(bars, labels=[format_percent(value) for value in values], padding=2)
    axes.set_ylim(0, 115)
    axes.set_yticks([0, 20, 40, 60, 80, 100])
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: format_percent(value)))


def _ratings(figures: dict[str, Any], axes) -> None:
    years = [str(entry["year"]) for entry in figures["years"]]
    labels = {
        "excellent": (_("Excellent"), RED),
        "good": (_("Good"), GOLD),
        "complete": (_("Complete"), BLUE),
        "not_complete": (_("Not complete"), GREY),
    }
    bottom = [0] * len(years)
    for level, (label, color) in labels.items():
        values = [entry["ratings"][level] for entry in figures["years"]]
        axes.bar(years, values, bottom=bottom, color=color, width=0.6, label=label)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    axes.set_ylabel(_("members"))
    axes.set_ylim(0, max(max(bottom, default=0), 1) * 1.1)
    _counts_axis(axes)
    _legend_below(axes, len(labels))


def _activities(figures: dict[str, Any], axes) -> None:
    years = [str(entry["year"]) for entry in figures["years"]]
    kinds: list[str] = []
    for entry in figures["years"]:
        for activity in entry["activities"]:
            if activity["kind"] not in kinds:
                kinds.append(activity["kind"])
    palette = [RED, GOLD, BLUE, GREY, "#4d8b31", "#7a3e9d"]
    bottom = [0] * len(years)
    for index, kind in enumerate(kinds):
        values = [
            sum(a["count"] for a in entry["activities"] if a["kind"] == kind)
            for entry in figures["years"]
        ]
        axes.bar(
            years, values, bottom=bottom, color=palette[index % len(palette)], width=0.6, label=kind
        )
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    axes.set_ylabel(_("activities"))
    axes.set_ylim(0, max(max(bottom, default=0), 1) * 1.1)
    _counts_axis(axes)
    _legend_below(axes, len(kinds))


DRAWERS = {
    "thematic": _thematic,
    "pledges": _pledges,
    "ratings": _ratings,
    "activities": _activities,
}


@overload
def draw(figures: dict[str, Any], name: str, fmt: Literal["svg"] = "svg") -> str: ...
@overload
def draw(figures: dict[str, Any], name: str, fmt: Literal["png"]) -> bytes: ...
@overload
def draw(figures: dict[str, Any], name: str, fmt: str) -> str | bytes: ...
def draw(figures: dict[str, Any], name: str, fmt: str = "svg") -> str | bytes:
    """The chart `name` of the figures, as SVG text or PNG bytes."""
    figure, axes = _figure()
    DRAWERS[name](figures, axes)
    buffer = io.BytesIO()
    if fmt == "svg":
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        text = buffer.getvalue().decode()
        # Drop the XML prolog so the SVG can be inlined in HTML.
        return text[text.index("<svg") :]
    figure.savefig(buffer, format="png", dpi=200, metadata={"Software": None})
    return buffer.getvalue()


def draw_all(figures: dict[str, Any], fmt: str = "svg") -> list[tuple[str, str, str | bytes]]:
    """(name, title, chart) for every chart."""
    titles = chart_titles()
    return [(name, titles[name], draw(figures, name, fmt)) for name in CHARTS]
