"""Charts are legible: whole-number axes for counts, Vietnamese numbers, readable labels,
one figure for the page, the PDF and Word."""

import io
import re

from PIL import Image

from reports import charts


def figures(members: int, activities: int) -> dict:
    years = []
    for index, year in enumerate((2019, 2020)):
        years.append(
            {
                "year": year,
                "thematic_meetings": {"cells_held": 1 + index},
                "pledges": {"percent": 97.5},
                "ratings": {
                    "excellent": 0,
                    "good": members + index,
                    "complete": 1,
                    "not_complete": 0,
                },
                "activities": [{"kind": "Hiến máu", "count": activities}],
            }
        )
    return {"cells_total": 3, "years": years}


def texts(svg: str) -> list[str]:
    return [t.strip() for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg) if t.strip()]


def tick_labels(svg: str) -> list[str]:
    """The numeric labels of the chart (axis ticks and bar labels), years left out."""
    return [t for t in texts(svg) if re.fullmatch(r"[\d.,%/ ]+", t) and t not in {"2019", "2020"}]


def test_count_axes_are_whole_numbers():
    # 3 cells and 2 members: matplotlib alone would tick 0.5, 1.5, 2.5.
    for name in ("thematic", "ratings", "activities"):
        labels = tick_labels(charts.draw(figures(2, 1), name))
        assert labels, name
        whole = r"\d{1,3}(\.\d{3})*(/\d+)?"  # 12, 1.500 or 2/3; never 0.5 nor 2,5
        assert all(re.fullmatch(whole, label) for label in labels), (name, labels)


def test_large_counts_are_grouped_the_vietnamese_way():
    labels = tick_labels(charts.draw(figures(1500, 1), "ratings"))
    assert "1.500" in labels or "1.000" in labels
    assert not any("," in label for label in labels)


def test_percentages_use_a_decimal_comma():
    labels = tick_labels(charts.draw(figures(2, 1), "pledges"))
    assert "97,50%" in labels and "100%" in labels


def test_labels_are_readable_and_legends_do_not_shrink():
    svg = charts.draw(figures(2, 1), "ratings")
    sizes = [float(size) for size in re.findall(r"font-size[:=]\s*\"?([\d.]+)px", svg)]
    sizes += [float(size) for size in re.findall(r"font:\s*[\w ]*?([\d.]+)px", svg)]
    assert sizes and min(sizes) >= 9


def test_page_pdf_and_word_show_the_same_figure():
    svg = charts.draw(figures(2, 1), "thematic", "svg")
    png = Image.open(io.BytesIO(charts.draw(figures(2, 1), "thematic", "png")))
    width = float(re.search(r'width="([\d.]+)pt"', svg).group(1))
    height = float(re.search(r'height="([\d.]+)pt"', svg).group(1))
    assert abs(width / 72 * 2.54 - charts.WIDTH_CM) < 0.1  # 16 cm, the printed width
    assert abs(png.width / png.height - width / height) < 0.01
