"""Vietnamese text and number conventions: search keys, name sorting, dd/mm/yyyy, 1.234.567."""

import datetime as dt
import unicodedata
from decimal import Decimal

# Vietnamese alphabet order; letters with breve, circumflex, horn and đ are letters of their own.
_ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_LETTER_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
# Tone marks sort after the letters they sit on, in dictionary order.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_SHAPE_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn


def search_key(text: str | None) -> str:
    """Lower-case, diacritic-free text, so that "nguyen van an" finds "Nguyễn Văn An"."""
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def _letter_and_tone(char: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", char.lower())
    base = decomposed[0]
    tone = 0
    shape = ""
    for mark in decomposed[1:]:
        if mark in _TONES:
            tone = _TONES[mark]
        elif mark in _SHAPE_MARKS:
            shape += mark
    letter = unicodedata.normalize("NFC", base + shape)
    return letter, tone


def _collation(text: str) -> str:
    """Digits only, so that every database collation sorts it the same way.

    Each letter is two digits (10–44, in Vietnamese alphabet order), words are joined by
    "01", the letters end with "00" (so "An" sorts before "Anh" and "An Bình"), and the tones
    follow as one digit per letter, deciding only between names with the same letters.
    """
    words, tones = [], []
    for word in text.split():
        codes = []
        for char in word:
            letter, tone = _letter_and_tone(char)
            rank = _LETTER_RANK.get(letter)
            codes.append(f"{10 + rank:02d}" if rank is not None else f"{min(ord(letter), 99):02d}")
            tones.append(str(tone))
        words.append("".join(codes))
    return "01".join(words) + "00" + "".join(tones)


def name_sort_key(full_name: str) -> str:
    """Sort key for a Vietnamese name: the given name first, then family and middle names."""
    parts = full_name.split()
    if not parts:
        return ""
    reordered = " ".join([parts[-1], *parts[:-1]])
    return _collation(reordered)


def given_name(full_name: str) -> str:
    parts = full_name.split()
    return parts[-1] if parts else ""


def format_date(value: dt.date | dt.datetime | None) -> str:
    """dd/mm/yyyy, the way every office form writes dates."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.strftime("%d/%m/%Y")


def format_number(value: int | float | Decimal | None, decimals: int = 0) -> str:
    """1.234.567 and 98,28: dots between thousands, a comma before decimals."""
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(value: float | Decimal | None) -> str:
    """98,28% — two decimals, dropped when the value is whole."""
    if value is None:
        return ""
    if float(value) == int(value):
        return f"{format_number(int(value))}%"
    return f"{format_number(value, 2)}%"


def parse_date(text: str) -> dt.date:
    """Read dd/mm/yyyy (also d/m/yyyy and yyyy-mm-dd); raise ValueError otherwise."""
    text = text.strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a calendar date)
        except ValueError:
            continue
    raise ValueError(text)
