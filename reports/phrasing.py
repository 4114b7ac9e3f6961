"""How the party's reports write figures: percentages, shares, dates, years grouped.

Every helper turns a figure into words and nothing else, so a sentence built with them says
only what the figure says.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from core import vn

DOCUMENT_KIND_WORDS = {
    "directive": "Chỉ thị",
    "resolution": "Nghị quyết",
    "conclusion": "Kết luận",
    "plan": "Kế hoạch",
    "guidance": "Hướng dẫn",
    "report": "Báo cáo",
    "decision": "Quyết định",
    "notice": "Thông báo",
    "regulation": "Quy định",
    "other": "văn bản",
}


def phrase_percent(value: float | None) -> str:
    """'100%' when 100; 'trên N%' strictly between N and N+1; 'N%' when whole (interchange.md)."""
    if value is None:
        return ""
    if value == 100:
        return "100%"
    whole = math.floor(value)
    if value == whole:
        return f"{whole}%"
    return f"trên {whole}%"


def phrase_ratio(part: int, whole: int) -> str:
    """The same wording from the counts themselves, never from a rounded percentage:
    1224/1225 is 'trên 99%', not '100%'."""
    if not whole:
        return ""
    if part == whole:
        return "100%"
    if (part * 100) % whole == 0:
        return f"{part * 100 // whole}%"
    return f"trên {part * 100 // whole}%"


def number(value: int | float | None) -> str:
    if value is None:
        return "0"
    if isinstance(value, float) and not value.is_integer():
        return vn.format_number(value, 2)
    return vn.format_number(int(value))


def date_text(value: dt.date | str) -> str:
    """One way of writing a date in the text: 15/5/2016."""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return f"{value.day}/{value.month}/{value.year}"


short_date = date_text


def issuing_body(committee_name: str) -> str:
    """'Đảng bộ Sở …' → 'Đảng ủy Sở …': the committee's executive issues the report."""
    for prefix in ("Đảng bộ ", "Đảng Bộ "):
        if committee_name.startswith(prefix):
            return "Đảng ủy " + committee_name[len(prefix) :]
    return committee_name


def period_years(start: dt.date, end: dt.date) -> int:
    return max(1, round(((end - start).days + 1) / 365.25))


def directive_phrase(directive: Any, with_summary: bool = True) -> str:
    """'Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị “về …”'."""
    if directive is None:
        return ""
    kind = DOCUMENT_KIND_WORDS.get(directive.kind, "văn bản")
    text = f"{kind} số {directive.number_symbol} ngày {date_text(directive.issued_on)}"
    if directive.issuer:
        text += f" của {directive.issuer}"
    if with_summary and directive.summary:
        text += f" “{directive.summary}”"
    return text


def directive_short(directive: Any) -> str:
    """'Chỉ thị số 05-CT/TW': the body names it so, the opening having given its date."""
    if directive is None:
        return ""
    return f"{DOCUMENT_KIND_WORDS.get(directive.kind, 'văn bản')} số {directive.number_symbol}"


def capitalised(text: str) -> str:
    """Every line starts with a capital, also when it starts with a drafted figure phrase."""
    return "\n".join(line[:1].upper() + line[1:] for line in text.splitlines())


def years_label(years: list[int]) -> str:
    """'năm 2017', 'các năm 2016, 2018', 'các năm 2016–2019' (a run of consecutive years)."""
    if len(years) == 1:
        return f"năm {years[0]}"
    if years == list(range(years[0], years[-1] + 1)):
        return f"các năm {years[0]}–{years[-1]}"
    return "các năm " + ", ".join(str(year) for year in years)


def grouped(entries: list[dict], value) -> list[tuple[list[int], Any]]:
    """The years with the same value together, in order of their first year:
    [([2016, 2017, 2019], '32/32'), ([2018], '30/32')]."""
    groups: dict[Any, list[int]] = {}
    for entry in entries:
        groups.setdefault(value(entry), []).append(entry["year"])
    return [(years, key) for key, years in groups.items()]


def join(parts: list[str]) -> str:
    """'a', 'a và b', 'a, b và c'."""
    parts = [part for part in parts if part]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " và " + parts[-1]
