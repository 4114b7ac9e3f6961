"""The one serif the PDF uses: Liberation Serif 2 (Debian fonts-liberation2).

Liberation Serif 1.x, still installed on many Debian systems under the same family name, lacks
most Vietnamese letters with two marks (ơ ư ạ ả ấ … ỹ), so WeasyPrint would borrow them from
another font inside a word. The PDF therefore names the version-2 files by path in @font-face
rules, under a family name of its own, and never lets fontconfig choose.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FAMILY = "Dangbo Serif"
# Where Debian (fonts-liberation2) and other distributions put the version-2 files.
SEARCH_DIRS = (
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/liberation-serif-fonts",
    "/usr/share/fonts/liberation-serif",
    "/usr/share/fonts/TTF",
)
FACES = {
    ("normal", "normal"): "LiberationSerif-Regular.ttf",
    ("bold", "normal"): "LiberationSerif-Bold.ttf",
    ("normal", "italic"): "LiberationSerif-Italic.ttf",
    ("bold", "italic"): "LiberationSerif-BoldItalic.ttf",
}


@lru_cache(maxsize=1)
def font_dir() -> Path | None:
    for directory in SEARCH_DIRS:
        path = Path(directory)
        if all((path / name).is_file() for name in FACES.values()):
            return path
    return None


@lru_cache(maxsize=1)
def font_face_css() -> str:
    """@font-face rules for the four faces, or nothing when the files are absent."""
    directory = font_dir()
    if directory is None:
        return ""
    rules = []
    for (weight, style), name in FACES.items():
        rules.append(
            f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; '
            f'font-style: {style}; src: url("{(directory / name).as_uri()}"); }}'
        )
    return "\n".join(rules)


def font_stack() -> str:
    """The CSS font-family: our own family first; the system's Times-metric fonts otherwise."""
    return f'"{FAMILY}", "Liberation Serif", "Times New Roman", serif'
