"""Vietnamese text and number conventions: search keys, name sorting, dd/mm/yyyy, 1.234.567."""

import datetime as dt
import functools
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


def _code(rank: int) -> str:
    """Two lower-case letters from b…y for a letter's rank: plain ASCII, so that any database
    collation (C, en_US, ICU) orders the keys alike and PostgreSQL accepts them (no NUL)."""
    return chr(ord("b") + rank // 24) + chr(ord("b") + rank % 24)


_OTHER = "zz"  # characters outside the alphabet sort after every letter
_SEPARATOR = "a"  # between words, and before the tones: lower than every letter's code


@functools.lru_cache(maxsize=65536)
def _word_collation(word: str) -> tuple[str, str]:
    primary, secondary = [], []
    for char in word:
        letter, tone = _letter_and_tone(char)
        rank = _LETTER_RANK.get(letter)
        primary.append(_code(rank) if rank is not None else _OTHER)
        secondary.append(chr(ord("b") + tone))
    return "".join(primary), "".join(secondary)


def _collation(text: str) -> str:
    # Names repeat their words (Nguyễn, Văn, Thị …): each word's key is computed once.
    keys = [_word_collation(word) for word in text.split()]
    primary = _SEPARATOR.join(key[0] for key in keys)
    return primary + _SEPARATOR + _SEPARATOR + "".join(key[1] for key in keys)


def name_sort_key(full_name: str) -> str:
    """Sort key for a Vietnamese name: the given name first, then family and middle names."""
    parts = full_name.split()
    if not parts:
        return ""
    reordered = " ".join([parts[-1], *parts[:-1]])
    return _collation(reordered)


def format_date(value: dt.date | dt.datetime | None) -> str:
    """dd/mm/yyyy, the way every office form writes dates."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


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
