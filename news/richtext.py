"""The small set of formatting an article body may carry, and the helpers around it.

Everything that reaches `Article.body` goes through `sanitise` (nh3, an allow-list): editors
get paragraphs, line breaks, bold, italic, underline, two heading levels, lists, quotes and
links; nothing else — no scripts, styles, event handlers or images in the text (photos are
`ArticleImage` rows, resized and checked on upload).
"""

import re
from html import escape, unescape
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
BLOCK_TAGS = {"p", "h2", "h3", "ul", "ol", "blockquote"}
_BLOCK_RE = re.compile(r"<\s*(p|h2|h3|ul|ol|blockquote|li|br)\b", re.IGNORECASE)


def sanitise(html: str) -> str:
    """Keep only the allowed tags and attributes; links get rel="nofollow noopener"."""
    cleaned = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener",
        strip_comments=True,
    )
    return cleaned.strip()


def text_to_html(text: str) -> str:
    """Plain text → paragraphs: a blank line starts a paragraph, a single newline is a break.

    Everything typed is escaped, so "<b>" in plain text shows as the characters "<b>".
    """
    normalised = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", normalised) if part.strip()]
    return "".join(
        "<p>" + "<br>".join(escape(line.strip()) for line in part.split("\n")) + "</p>"
        for part in paragraphs
    )


def editor_html(value: str) -> str:
    """What an editor typed in the body box: HTML when it has block tags, else plain text."""
    if _BLOCK_RE.search(value or ""):
        return sanitise(value)
    return sanitise(text_to_html(value))


class _BlockSplitter(HTMLParser):
    """Cuts sanitised HTML into its top-level blocks, so photos can sit between paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.depth = 0

    def _flush(self) -> None:
        text = "".join(self.current).strip()
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in BLOCK_TAGS and self.depth == 0:
            self._flush()
        if tag in BLOCK_TAGS:
            self.depth += 1
        self.current.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag) -> None:
        self.current.append(f"</{tag}>")
        if tag in BLOCK_TAGS and self.depth > 0:
            self.depth -= 1
            if self.depth == 0:
                self._flush()

    def handle_startendtag(self, tag, attrs) -> None:
        self.current.append(self.get_starttag_text() or "")

    def handle_data(self, data) -> None:
        self.current.append(data)

    def handle_entityref(self, name) -> None:
        self.current.append(f"&{name};")

    def handle_charref(self, name) -> None:
        self.current.append(f"&#{name};")


def split_blocks(html: str) -> list[str]:
    splitter = _BlockSplitter()
    splitter.feed(html or "")
    splitter.close()
    splitter._flush()
    return splitter.blocks


def plain_text(html: str) -> str:
    """The words of an HTML fragment, for search keys and descriptions."""
    text = nh3.clean(html or "", tags=set())
    return " ".join(unescape(text).split())


def count_links(text: str) -> int:
    return len(re.findall(r"(https?://|www\.)", text or "", re.IGNORECASE))
